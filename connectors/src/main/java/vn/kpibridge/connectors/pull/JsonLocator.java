package vn.kpibridge.connectors.pull;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * A place in a JSON document, as administrators write it in a source mapping: either a JSON
 * pointer (RFC 6901: {@code /PageData}, {@code /data/token}, {@code ""} for the whole document)
 * or a JSONPath expression (starting with {@code $}, Jayway JSONPath syntax:
 * {@code $.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')].HeSo}).
 *
 * <p>JSONPath is evaluated directly on Jackson trees, so numbers keep their exact decimal value
 * when the document was parsed with {@code USE_BIG_DECIMAL_FOR_FLOATS}. Immutable and
 * thread-safe.
 */
public final class JsonLocator {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    private final String expression;
    private final JsonPointer pointer;
    private final JsonPath path;

    private JsonLocator(String expression, JsonPointer pointer, JsonPath path) {
        this.expression = expression;
        this.pointer = pointer;
        this.path = path;
    }

    /**
     * @param expression a JSON pointer ("" or starting with "/") or a JSONPath (starting with "$")
     * @return the compiled locator
     * @throws IllegalArgumentException when the expression is neither, or does not compile; the
     *     message quotes the expression and the parser's reason
     */
    public static JsonLocator compile(String expression) {
        if (expression == null) {
            throw new IllegalArgumentException("a JSON pointer (\"/Field\") or JSONPath (\"$.Field\") is required");
        }
        String e = expression.trim();
        if (e.startsWith("$")) {
            try {
                return new JsonLocator(e, null, JsonPath.compile(e));
            } catch (InvalidPathException ex) {
                throw new IllegalArgumentException("bad JSONPath \"" + e + "\": " + ex.getMessage(), ex);
            }
        }
        if (e.isEmpty() || e.startsWith("/")) {
            try {
                return new JsonLocator(e, JsonPointer.compile(e), null);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("bad JSON pointer \"" + e + "\": " + ex.getMessage(), ex);
            }
        }
        throw new IllegalArgumentException("\"" + e + "\" is neither a JSON pointer (starting with \"/\") nor a "
                + "JSONPath (starting with \"$\")");
    }

    /**
     * Checks an optional expression of a mapping file.
     *
     * @param expression the expression, or null when the setting is left out
     * @param setting the setting's name for the message, e.g. "rest.items"
     * @throws IllegalArgumentException naming the setting when the expression does not compile
     */
    public static void check(String expression, String setting) {
        if (expression == null) {
            return;
        }
        try {
            compile(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param document the document (a Jackson tree)
     * @return what the expression selects: the node at a pointer; for a JSONPath, the single value
     *     of a definite path or an array of all matches of an indefinite one (filters, wildcards);
     *     null when nothing is there or the value is JSON null
     */
    public JsonNode read(JsonNode document) {
        if (document == null) {
            return null;
        }
        if (pointer != null) {
            JsonNode n = document.at(pointer);
            return n.isMissingNode() || n.isNull() ? null : n;
        }
        Object result;
        try {
            result = path.read(document, JSON_PATH);
        } catch (PathNotFoundException e) {
            return null;
        }
        if (result == null) {
            return null;
        }
        JsonNode n = result instanceof JsonNode node ? node : MAPPER.valueToTree(result);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /**
     * @param document the document
     * @return one value: as {@link #read}, but an indefinite JSONPath gives its first non-null
     *     match (null when it matches nothing), so a filter such as
     *     {@code $.NguoiXuLy[?(@.VaiTro == 'CHU_TRI')].Id} reads as a plain field
     */
    public JsonNode readValue(JsonNode document) {
        JsonNode n = read(document);
        if (n != null && path != null && !path.isDefinite()) {
            for (JsonNode match : n) {
                if (match != null && !match.isNull()) {
                    return match;
                }
            }
            return null;
        }
        return n;
    }

    /**
     * @param document the document
     * @return the text of {@link #readValue}, or null when absent or blank
     */
    public String readText(JsonNode document) {
        JsonNode n = readValue(document);
        if (n == null || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    /** @return the expression as written */
    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression.isEmpty() ? "\"\" (the whole document)" : expression;
    }
}
