package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed source export (a JSON, CSV or XLSX export, an edXML package, or a page or batch that
 * did not come as a file): its envelope fields, its records and the records that could not be
 * read at all.
 *
 * @param fileName file name as dropped in the inbox (or a name of the batch)
 * @param header every top-level field except the records array (source, period, exportedAt...);
 *     an empty object for exports without an envelope
 * @param records the records in file order, each with its line
 * @param rejected rows or records rejected while reading (a CSV row with more values than
 *     columns, an Excel error value), each with its line and reason; to be kept as REJECTED while
 *     the rest goes on
 */
public record ExportFile(String fileName, JsonNode header, List<RawRecord> records, List<RejectedRecord> rejected) {

    /**
     * Copies the lists.
     *
     * @param fileName as the record component fileName
     * @param header as the record component header
     * @param records as the record component records
     * @param rejected as the record component rejected; null for none
     */
    public ExportFile {
        records = List.copyOf(records);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /**
     * An export with no rows rejected while reading.
     *
     * @param fileName as the record component fileName
     * @param header as the record component header
     * @param records as the record component records
     */
    public ExportFile(String fileName, JsonNode header, List<RawRecord> records) {
        this(fileName, header, records, List.of());
    }

    /** @return records plus rejected rows: everything the file held. */
    public int size() {
        return records.size() + rejected.size();
    }
}
