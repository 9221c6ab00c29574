package vn.kpibridge.connectors.tabular;

import java.util.ArrayList;
import java.util.List;
import vn.kpibridge.connectors.source.RawRecord;

/**
 * All rows of a tabular export, split into good records and rejected rows.
 *
 * @param fileName the export file
 * @param sheet the sheet read (XLSX), null for CSV
 * @param headerLine 1-based line (CSV) or row number (XLSX) of the header row
 * @param headers column names in column order: trimmed, runs of whitespace and line breaks
 *     (wrapped header cells) made one space, NFC-normalised
 * @param records good rows, each with its line and a JSON object header -> text (null for empty cells)
 * @param rejected rows that could not be used, each with file, line and reason
 */
public record TabularReadResult(String fileName, String sheet, int headerLine, List<String> headers,
        List<RawRecord> records, List<RejectedRow> rejected) {

    /**
     * Copies the lists so the result is immutable.
     *
     * @param fileName as the record component fileName
     * @param sheet as the record component sheet
     * @param headerLine as the record component headerLine
     * @param headers as the record component headers
     * @param records as the record component records
     * @param rejected as the record component rejected
     */
    public TabularReadResult {
        headers = List.copyOf(headers);
        records = List.copyOf(records);
        rejected = List.copyOf(rejected);
    }

    /** Collects rows into a result; used by the readers' list-returning methods. */
    static final class Collector implements TabularRowHandler {
        int headerLine;
        List<String> headers = List.of();
        final List<RawRecord> records = new ArrayList<>();
        final List<RejectedRow> rejected = new ArrayList<>();

        @Override
        public void header(int line, List<String> names) {
            headerLine = line;
            headers = names;
        }

        @Override
        public void record(RawRecord record) {
            records.add(record);
        }

        @Override
        public void rejected(RejectedRow row) {
            rejected.add(row);
        }

        TabularReadResult result(String fileName, String sheet) {
            return new TabularReadResult(fileName, sheet, headerLine, headers, records, rejected);
        }
    }
}
