package vn.kpibridge.connectors.tabular;

import java.util.List;
import vn.kpibridge.connectors.source.RawRecord;

/**
 * Receives the rows of a tabular export one at a time, in file order, so a large export is
 * processed without holding all its rows. Exceptions thrown by the handler end the read and
 * propagate unchanged.
 */
public interface TabularRowHandler {
    /**
     * Called once, before any row.
     *
     * @param line 1-based line (CSV) or row number (XLSX) of the header row
     * @param headers column names in column order: trimmed, runs of whitespace and line breaks
     *     (wrapped header cells) made one space, NFC-normalised
     */
    void header(int line, List<String> headers);

    /** @param record a good data row: payload is a JSON object header -> text, or null for an empty cell */
    void record(RawRecord record);

    /** @param row a data row rejected with its reason */
    void rejected(RejectedRow row);
}
