package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed e-office export file: its envelope fields and its records.
 *
 * @param fileName file name as dropped in the inbox
 * @param header every top-level field except the records array (source, period, exportedAt...)
 * @param records the records in file order, each with its line
 */
public record ExportFile(String fileName, JsonNode header, List<RawRecord> records) {
}
