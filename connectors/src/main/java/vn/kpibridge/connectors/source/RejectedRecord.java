package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A row or record of an export that could not be read into a {@link RawRecord} (a CSV row with
 * more values than the header has columns, an XLSX row holding an Excel error value). It is kept
 * as REJECTED with its reason and the rest of the export goes on.
 *
 * @param index 0-based position among the export's records (the same numbering as {@link RawRecord#index()})
 * @param line 1-based line (CSV, where the row starts) or row number (XLSX, as Excel shows it)
 * @param reason what is wrong, without the file and line (the caller prefixes "file:line: ")
 * @param evidence what was read, as JSON (the row's cells as an array), kept as evidence
 */
public record RejectedRecord(int index, int line, String reason, JsonNode evidence) {
}
