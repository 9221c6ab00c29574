package vn.kpibridge.connectors.tabular;

import java.util.List;
import vn.kpibridge.connectors.source.RecordRejectedException;

/**
 * A data row that cannot become a record, kept with its reason so the caller can store it while
 * the rest of the file goes on (ARCHITECTURE.md: business errors are stored, never block the batch).
 *
 * @param fileName the export file
 * @param line 1-based line (CSV, where the row starts) or row number (XLSX, as Excel shows it)
 * @param index 0-based position among the file's non-empty data rows
 * @param reason what is wrong, naming the columns concerned
 * @param cells the row's cell texts as read (null for an absent cell), as evidence
 */
public record RejectedRow(String fileName, int line, int index, String reason, List<String> cells) {

    /**
     * Copies the cells (which may hold nulls) into an unmodifiable list.
     *
     * @param fileName as the record component fileName
     * @param line as the record component line
     * @param index as the record component index
     * @param reason as the record component reason
     * @param cells as the record component cells
     */
    public RejectedRow {
        cells = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cells));
    }

    /** @return "file:line: reason", e.g. "cong-viec.csv:7: row has 5 values but ..." */
    public String message() {
        return fileName + ":" + line + ": " + reason;
    }

    /** @return the rejection as the exception record normalisation uses for a bad record */
    public RecordRejectedException toException() {
        return new RecordRejectedException(message());
    }
}
