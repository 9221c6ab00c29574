package vn.kpibridge.routes.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads JSON that kpi-bridge stored itself (evaluation results, reviewer inputs, audit states,
 * outbox messages) back into a Jackson tree. The text was written by Jackson, so text that does
 * not parse means a damaged row: an {@link IllegalStateException} naming the row, not a user error.
 */
public final class StoredJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredJson() {
    }

    /**
     * @param json the stored text, or null
     * @param what the row it comes from, for the error (e.g. "result of evaluation PL-003:2026-06 v2")
     * @return the tree (numbers as Jackson reads them by default: decimals as doubles), or null for null
     * @throws IllegalStateException when the text is not JSON
     */
    public static JsonNode read(String json, String what) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
