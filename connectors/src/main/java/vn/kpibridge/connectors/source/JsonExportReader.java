package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an e-office task export: a JSON object with envelope fields and one array of records
 * (field name configurable, default {@code records}). Uses Jackson's streaming parser so each
 * record keeps the line it starts on, for error messages that name file and line.
 *
 * <p>The file is read whole before anything is stored: a file that is not valid JSON, or has no
 * records array, is rejected entirely with a {@link SourceFormatException} naming file, line and
 * column (ARCHITECTURE.md: business errors are kept with their reason, never dropped).
 */
public final class JsonExportReader {
    private final ObjectMapper mapper;
    private final String recordsField;

    /**
     * @param mapper the Jackson mapper to build trees with
     * @param recordsField name of the top-level array holding the records, e.g. "records"
     */
    public JsonExportReader(ObjectMapper mapper, String recordsField) {
        this.mapper = mapper;
        this.recordsField = recordsField;
    }

    /**
     * @param fileName name used in messages
     * @param in the file's bytes (UTF-8 JSON); not closed by this method
     * @return the parsed export
     * @throws SourceFormatException when the JSON is malformed or the records array is missing
     * @throws IOException when the stream cannot be read
     */
    public ExportFile read(String fileName, InputStream in) throws IOException {
        ObjectNode header = mapper.createObjectNode();
        List<RawRecord> records = new ArrayList<>();
        boolean sawRecords = false;
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new SourceFormatException(fileName, line(p), "expected a JSON object with a \""
                        + recordsField + "\" array", null);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(recordsField)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new SourceFormatException(fileName, line(p), "\"" + recordsField + "\" must be an array", null);
                    }
                    sawRecords = true;
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        int startLine = line(p);
                        JsonNode node = mapper.readTree(p);
                        records.add(new RawRecord(index++, startLine, node));
                    }
                } else {
                    header.set(field, mapper.readTree(p));
                }
            }
            if (p.nextToken() != null) {
                throw new SourceFormatException(fileName, line(p), "unexpected content after the export object", null);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new SourceFormatException(fileName, line, "malformed JSON at line " + line + ", column " + col
                    + ": " + e.getOriginalMessage(), e);
        }
        if (!sawRecords) {
            throw new SourceFormatException(fileName, 0, "no \"" + recordsField + "\" array in the export", null);
        }
        return new ExportFile(fileName, header, records);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
