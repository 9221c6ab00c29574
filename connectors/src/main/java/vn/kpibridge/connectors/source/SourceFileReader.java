package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.edxml.EdxmlDocument;
import vn.kpibridge.connectors.edxml.EdxmlReader;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.tabular.CsvExportReader;
import vn.kpibridge.connectors.tabular.RejectedRow;
import vn.kpibridge.connectors.tabular.TabularRowHandler;
import vn.kpibridge.connectors.tabular.XlsxExportReader;

/**
 * Reads one file of a file source into an {@link ExportFile} of raw records, whatever the
 * source's {@link SourceMapping#type() type}, so every file takes the same evidence, normalisation
 * and mapping path afterwards:
 *
 * <ul>
 *   <li>{@code file-inbox}: a JSON export ({@link JsonExportReader}), header = its envelope;</li>
 *   <li>{@code csv}: {@link CsvExportReader} with {@code file.separator} and {@code file.headerLine};
 *       each row is a JSON object header -> cell text, its line the CSV line it starts on;</li>
 *   <li>{@code xlsx}: {@link XlsxExportReader} with {@code file.sheet} and {@code file.headerLine},
 *       line = row number as Excel shows it;</li>
 *   <li>{@code edxml}: {@link EdxmlReader} (QCVN 102:2016/BTTTT), one record per package:
 *       {@link EdxmlDocument#toJson()} (header fields, parsed symbol, signer, trace and
 *       {@code Bussiness}/StaffInfo, signature summary; attachments as name, type, size and
 *       SHA-256 only: their content is stream-decoded and measured, never held in memory), line =
 *       line of {@code MessageHeader}.</li>
 * </ul>
 * Every record then goes through {@link RecordDerivation} with {@link SourceMapping#derive()}
 * (the mapping's {@code constants} and {@code file.derive}); a record without anything to derive
 * is kept exactly as read. Rows rejected by a reader (CSV or XLSX row-level problems) come back in
 * {@link ExportFile#rejected()} with their line and reason. Immutable and thread-safe.
 */
public final class SourceFileReader {
    private final SourceMapping mapping;
    private final ObjectMapper mapper;
    private final RecordDerivation derivation;

    /**
     * @param mapping a file source's mapping (type file-inbox, csv, xlsx or edxml)
     * @param mapper the Jackson mapper trees are built with (decimals as BigDecimal for exact numbers)
     * @throws IllegalArgumentException when the source is not a file source or its derive settings
     *     do not compile
     */
    public SourceFileReader(SourceMapping mapping, ObjectMapper mapper) {
        if (!mapping.isFileSource()) {
            throw new IllegalArgumentException("source " + mapping.id() + " is of type " + mapping.type()
                    + ", not a file source");
        }
        this.mapping = mapping;
        this.mapper = mapper;
        this.derivation = new RecordDerivation(mapping.derive(), null, null, mapping.dateFormats());
    }

    /**
     * @param fileName a file name
     * @return true when its extension (case-insensitive) is one the source takes, e.g. ".csv" for type csv
     */
    public boolean accepts(String fileName) {
        return mapping.fileExtensions().contains(extension(fileName));
    }

    /**
     * Reads a file in place (an XLSX workbook is read by random access without a copy).
     *
     * @param fileName name used in messages and evidence (relative to the inbox)
     * @param file the file
     * @return the records, header and rejected rows
     * @throws SourceFormatException when the file does not fit the source's type or is unreadable
     *     as a whole (malformed JSON, CSV quoting, not a workbook, malformed or incomplete edXML),
     *     naming file and line
     * @throws IOException when the file cannot be read
     */
    public ExportFile read(String fileName, Path file) throws IOException {
        checkExtension(fileName);
        if (SourceMapping.TYPE_XLSX.equals(mapping.type())) {
            Rows rows = new Rows();
            String sheet = xlsx().read(file, fileName, rows);
            return rows.export(fileName, sheet);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(fileName, in);
        }
    }

    /**
     * Reads a file from a stream (not closed). CSV, JSON and edXML are read as they stream; an XLSX
     * workbook is first copied to a temporary file (zip packages need random access).
     *
     * @param fileName name used in messages and evidence
     * @param in the file's bytes
     * @return the records, header and rejected rows
     * @throws SourceFormatException as {@link #read(String, Path)}
     * @throws IOException when the stream cannot be read
     */
    public ExportFile read(String fileName, InputStream in) throws IOException {
        checkExtension(fileName);
        switch (mapping.type()) {
            case SourceMapping.TYPE_FILE_INBOX -> {
                ExportFile json = new JsonExportReader(mapper, mapping.recordsField()).read(fileName, in);
                Rows rows = new Rows();
                json.records().forEach(rows::record);
                return new ExportFile(fileName, json.header(), rows.records, rows.rejected);
            }
            case SourceMapping.TYPE_CSV -> {
                Rows rows = new Rows();
                new CsvExportReader(mapping.file() == null ? ',' : mapping.file().separatorChar(), headerLine())
                        .read(fileName, in, rows);
                return rows.export(fileName, null);
            }
            case SourceMapping.TYPE_XLSX -> {
                Path temp = Files.createTempFile("kpi-bridge-", ".xlsx");
                try {
                    Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Rows rows = new Rows();
                    String sheet = xlsx().read(temp, fileName, rows);
                    return rows.export(fileName, sheet);
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            case SourceMapping.TYPE_EDXML -> {
                EdxmlDocument d = new EdxmlReader().read(fileName, in);
                Rows rows = new Rows();
                rows.record(d.toRawRecord());
                return rows.export(fileName, null);
            }
            default -> throw new IllegalStateException("not a file source type: " + mapping.type());
        }
    }

    private XlsxExportReader xlsx() {
        return new XlsxExportReader(mapping.file() == null ? null : mapping.file().sheet(), headerLine());
    }

    private int headerLine() {
        return mapping.file() == null ? 0 : mapping.file().headerLine();
    }

    private void checkExtension(String fileName) {
        if (!accepts(fileName)) {
            throw new SourceFormatException(fileName, 0, "a ." + extension(fileName) + " file does not fit source "
                    + mapping.id() + " of type " + mapping.type() + " (takes ." + String.join(", .",
                            mapping.fileExtensions()) + ")", null);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Collects records (through the derivation) and rejected rows in file order. */
    private final class Rows implements TabularRowHandler {
        final List<RawRecord> records = new ArrayList<>();
        final List<RejectedRecord> rejected = new ArrayList<>();
        int headerLine;

        @Override
        public void header(int line, List<String> headers) {
            headerLine = line;
        }

        @Override
        public void record(RawRecord raw) {
            try {
                JsonNode payload = derivation.apply(raw.payload()).payload();
                records.add(payload == raw.payload() ? raw : new RawRecord(raw.index(), raw.line(), payload));
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(raw.index(), raw.line(), e.getMessage(), raw.payload()));
            }
        }

        @Override
        public void rejected(RejectedRow row) {
            ArrayNode cells = mapper.createArrayNode();
            row.cells().forEach(cells::add);
            rejected.add(new RejectedRecord(row.index(), row.line(), row.reason(), cells));
        }

        ExportFile export(String fileName, String sheet) {
            ObjectNode header = mapper.createObjectNode();
            if (sheet != null) {
                header.put("sheet", sheet);
            }
            if (headerLine > 0) {
                header.put("headerLine", headerLine);
            }
            return new ExportFile(fileName, header, records, rejected);
        }
    }
}
