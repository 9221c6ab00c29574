package vn.kpibridge.connectors.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Field extraction by JSONPath (or JSON pointer) into a flat object: {@code name -> expression}
 * evaluated on one record gives {@code {"name": value, ...}}, which the JSON-pointer field map of
 * {@link vn.kpibridge.connectors.source.RecordNormalizer} can point at ({@code /_derived/name}).
 *
 * <p>Lets a source mapping read values a JSON pointer cannot reach, such as one entry of a list
 * chosen by a filter: {@code $.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')].HeSo}. An expression
 * that matches several values gives the first; one that matches nothing leaves the name out (the
 * normaliser then treats the field as absent). Immutable and thread-safe.
 */
public final class JsonPathFields {
    private final Map<String, JsonLocator> locators = new LinkedHashMap<>();

    /**
     * @param expressions name -> JSON pointer or JSONPath, in output order
     * @throws IllegalArgumentException naming the field when an expression does not compile
     */
    public JsonPathFields(Map<String, String> expressions) {
        expressions.forEach((name, expression) -> {
            try {
                locators.put(name, JsonLocator.compile(expression));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field \"" + name + "\": " + e.getMessage(), e);
            }
        });
    }

    /**
     * @param record one source record
     * @return a new flat object with the value of every expression that matched
     */
    public ObjectNode extract(JsonNode record) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        extractInto(record, out);
        return out;
    }

    /**
     * @param record one source record
     * @param target object receiving {@code name: value} for every expression that matched
     */
    public void extractInto(JsonNode record, ObjectNode target) {
        locators.forEach((name, locator) -> {
            JsonNode v = locator.readValue(record);
            if (v != null) {
                target.set(name, v.deepCopy());
            }
        });
    }
}
