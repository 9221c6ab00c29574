package vn.kpibridge.connectors.tabular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.kpibridge.connectors.source.SourceFormatException;

/**
 * Reads a CSV export (RFC 4180 quoting, parsed by Jackson CSV) of an e-office system: UTF-8 with
 * or without a byte-order mark, a header row of Vietnamese column names, one record per row.
 *
 * <p>Each non-empty data row becomes a {@link vn.kpibridge.connectors.source.RawRecord} whose
 * line is the line the row starts on (a quoted value may span lines) and whose payload is a JSON
 * object header -> cell text (stripped of surrounding spaces; JSON null for an empty cell, so the
 * normaliser treats it as absent). Rows of blank cells are skipped. A row with more non-empty
 * values than the header has columns is rejected ({@link RejectedRow}); trailing empty cells
 * (",,," left by spreadsheet tools) are ignored. A row with fewer cells gets nulls.
 *
 * <p>The whole file is rejected with a {@link SourceFormatException} naming file and line when it
 * is not UTF-8, its quoting is broken (a quote never closed), it has no header row, or a header is
 * empty or duplicated. Instances are thread-safe.
 */
public final class CsvExportReader {
    private final CsvMapper mapper = new CsvMapper();
    private final CsvSchema schema;
    private final int headerLine;

    /** Comma-separated, header on the first non-empty line. */
    public CsvExportReader() {
        this(',', 0);
    }

    /**
     * @param separator column separator, ',' or ';' (Excel with a Vietnamese regional setting) or '\t'
     * @param headerLine 1-based line of the header row, 0 for the first non-empty line (title
     *     lines above an explicit header line are ignored)
     */
    public CsvExportReader(char separator, int headerLine) {
        if (headerLine < 0) {
            throw new IllegalArgumentException("headerLine must be 0 or a 1-based line, got " + headerLine);
        }
        this.schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        this.headerLine = headerLine;
    }

    /**
     * @param file the CSV file
     * @return header, good records and rejected rows
     * @throws SourceFormatException when the file as a whole is unusable (see class documentation)
     * @throws IOException when the file cannot be read
     */
    public TabularReadResult read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in);
        }
    }

    /**
     * @param fileName name used in messages and rejections
     * @param in the CSV bytes, UTF-8 (BOM tolerated); not closed
     * @return header, good records and rejected rows
     * @throws SourceFormatException when the file as a whole is unusable
     * @throws IOException when the stream cannot be read
     */
    public TabularReadResult read(String fileName, InputStream in) throws IOException {
        TabularReadResult.Collector collector = new TabularReadResult.Collector();
        read(fileName, in, collector);
        return collector.result(fileName, null);
    }

    /**
     * Streams the rows to a handler instead of collecting them (for large exports).
     *
     * @param fileName name used in messages and rejections
     * @param in the CSV bytes, UTF-8 (BOM tolerated); not closed
     * @param handler receives the header, then each record or rejected row in file order
     * @throws SourceFormatException when the file as a whole is unusable; rows already handed
     *     over stay handed over
     * @throws IOException when the stream cannot be read
     */
    public void read(String fileName, InputStream in, TabularRowHandler handler) throws IOException {
        RowAssembler rows = new RowAssembler(fileName, headerLine, handler);
        CsvParser p = (CsvParser) mapper.getFactory().createParser(in);
        try {
            p.setSchema(schema);
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            if (p.nextToken() != JsonToken.START_ARRAY) {
                rows.finish();
                return;
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                List<String> cells = new ArrayList<>();
                int line = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (line == 0) {
                        line = p.currentTokenLocation().getLineNr();
                    }
                    cells.add(p.getText());
                }
                rows.row(line, cells, null);
            }
            rows.finish();
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
            throw new SourceFormatException(fileName, line, "malformed CSV: " + e.getOriginalMessage(), e);
        } catch (CharConversionException e) {
            int line = Math.max(p.currentLocation().getLineNr(), 0);
            throw new SourceFormatException(fileName, line, "not UTF-8 text: " + e.getMessage(), e);
        } finally {
            p.close();
        }
    }
}
