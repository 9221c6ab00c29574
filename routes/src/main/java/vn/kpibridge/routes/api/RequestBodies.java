package vn.kpibridge.routes.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.util.Arrays;
import vn.kpibridge.scoring.Period;

/**
 * Reads JSON request bodies into request records strictly (unknown fields refused, numbers exact),
 * turning every mistake into a 400 {@link ApiProblem} that names the field by its path
 * ({@code decisions[1].rating}, {@code items.CV-7.qualityFactor}). Also the small checks the
 * services share.
 */
public final class RequestBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {
    }

    /**
     * @param body the request body
     * @param type the request record
     * @param <T> its type
     * @return the bound record
     * @throws ApiProblem 400 naming the field for an empty body, bad JSON, an unknown field or a
     *     value of the wrong type
     */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ApiProblem(400, "Bad request", null, "a JSON request body is required");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiProblem(400, "Bad request", null, "the request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw new ApiProblem(400, "Bad request", field, "unknown field \"" + field + "\"; known fields: "
                    + e.getKnownPropertyIds());
        } catch (InvalidFormatException e) {
            String field = path(e);
            Class<?> target = e.getTargetType();
            String expected = target != null && target.isEnum() ? "one of " + Arrays.toString(target.getEnumConstants())
                    : target == null ? "another value" : "a " + simple(target);
            throw new ApiProblem(400, "Bad request", field, "field \"" + field + "\" must be " + expected + ", got "
                    + e.getValue());
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new ApiProblem(400, "Bad request", field.isEmpty() ? null : field, "field \"" + field + "\" has the wrong type"
                    + (e.getTargetType() == null ? "" : ": expected " + simple(e.getTargetType())));
        } catch (JsonMappingException e) {
            String field = path(e);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ApiProblem(400, "Bad request", field.isEmpty() ? null : field, "field \"" + field + "\": "
                    + cause.getMessage());
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "Bad request", null, notValidJson(e));
        }
    }

    /** @return the text trimmed, or an ApiProblem 400 naming the field when blank or longer than {@code max}. */
    public static String requiredText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new ApiProblem(400, "Bad request", field, "field \"" + field + "\" is required");
        }
        return optionalText(value, field, max);
    }

    /** @return the text trimmed, null when blank; an ApiProblem 400 naming the field when longer than {@code max}. */
    public static String optionalText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new ApiProblem(400, "Bad request", field, "field \"" + field + "\" is longer than " + max + " characters");
        }
        return v;
    }

    /** @throws ApiProblem 400 naming the field when the value is outside [min, max]. */
    public static void range(BigDecimal value, String field, BigDecimal min, BigDecimal max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw new ApiProblem(400, "Bad request", field, "field \"" + field + "\" must be between " + min.toPlainString()
                    + " and " + max.toPlainString() + ", got " + value.toPlainString());
        }
    }

    /**
     * @param period a period code from a path, query or body
     * @return the parsed period ({@code yyyy-Qn} quarter or {@code yyyy-MM} month, DOMAIN.md)
     * @throws ApiProblem 400 naming {@code period} when it is missing or malformed
     */
    public static Period period(String period) {
        try {
            return Period.parse(period);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ApiProblem(400, "Bad request", "period", e.getMessage());
        }
    }

    private static String simple(Class<?> c) {
        if (Number.class.isAssignableFrom(c) || c == int.class || c == long.class) {
            return "number";
        }
        if (c == Boolean.class || c == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(c)) {
            return "array";
        }
        if (java.util.Map.class.isAssignableFrom(c) || c.isRecord()) {
            return "object";
        }
        return c.getSimpleName().equals("String") ? "string" : c.getSimpleName();
    }

    /**
     * @param e a parse error of malformed JSON (not a mapping error)
     * @return "the request body is not valid JSON (line 3, column 12): " and the parser's message
     */
    public static String notValidJson(JsonProcessingException e) {
        return "the request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage();
    }

    /**
     * @param e a mapping error
     * @return the JSON path of the field at fault, fields joined by '.' and array indexes in brackets
     *     ({@code decisions[1].rating}); "" when the error is at the root
     */
    public static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            }
        }
        return b.toString();
    }
}
