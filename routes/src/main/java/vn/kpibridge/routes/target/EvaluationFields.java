package vn.kpibridge.routes.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our side of a target's payload map: the named fields of an evaluation message (the JSON that
 * {@link vn.kpibridge.routes.flow.ScoringService} stores in the outbox), and the building of the
 * target's JSON from a {@link TargetMapping.Payload}.
 *
 * <p>Names: {@code idempotencyKey, employeeCode, fullName, position, unitCode, period,
 * periodLabel, schemeId, version} (top level of the message) and, in a published evaluation,
 * {@code approvedRating, approvedRatingLabel, approvedBy, approvedAt}; {@code generalPoints, taskPoints,
 * totalPoints, quantityPercent, pointsBand, pointsBandLabel, proposedRating,
 * proposedRatingLabel, axes} (the display figures: points and percentages rounded half-up to 2
 * decimals, Vietnamese labels), {@code rulesFired} (code, source, reason of each rule) and
 * {@code evaluation} (the exact evaluation with the per-item table "Bảng 2" of seed 001).
 */
public final class EvaluationFields {
    private static final List<String> TOP = List.of("idempotencyKey", "employeeCode", "fullName", "position",
            "unitCode", "period", "periodLabel", "schemeId", "version", "approvedRating", "approvedRatingLabel",
            "approvedBy", "approvedAt");
    private static final List<String> DISPLAY = List.of("generalPoints", "taskPoints", "totalPoints",
            "quantityPercent", "pointsBand", "pointsBandLabel", "proposedRating", "proposedRatingLabel", "axes");
    /** Every field a payload map can name, in message order. */
    public static final List<String> NAMES = java.util.stream.Stream.of(TOP, DISPLAY,
            List.of("rulesFired", "evaluation")).flatMap(List::stream).toList();

    private EvaluationFields() {
    }

    /**
     * @param message an evaluation message
     * @return our field name -> value (missing fields are left out)
     */
    public static Map<String, JsonNode> read(JsonNode message) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        TOP.forEach(n -> put(out, n, message.get(n)));
        JsonNode display = message.path("display");
        DISPLAY.forEach(n -> put(out, n, display.get(n)));
        JsonNode evaluation = message.get("evaluation");
        put(out, "evaluation", evaluation);
        if (evaluation != null) {
            put(out, "rulesFired", evaluation.get("rulesFired"));
        }
        return out;
    }

    /**
     * Builds the target's payload: each mapped field under its target name (a dotted name nests
     * objects), then the constants.
     *
     * @param mapper JSON factory
     * @param payload the mapping's payload section
     * @param message an evaluation message
     * @return the target's JSON object
     * @throws IllegalArgumentException when two target names collide (one is the parent object of
     *     the other)
     */
    public static ObjectNode payload(ObjectMapper mapper, TargetMapping.Payload payload, JsonNode message) {
        Map<String, JsonNode> ours = read(message);
        ObjectNode out = mapper.createObjectNode();
        payload.fields().forEach((our, theirs) -> {
            JsonNode v = ours.get(our);
            if (v != null) {
                set(out, theirs, v);
            }
        });
        payload.constants().forEach((theirs, v) -> set(out, theirs, mapper.getNodeFactory().textNode(v)));
        return out;
    }

    private static void put(Map<String, JsonNode> out, String name, JsonNode v) {
        if (v != null && !v.isMissingNode()) {
            out.put(name, v);
        }
    }

    private static void set(ObjectNode root, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.get(parts[i]);
            if (next == null) {
                at = at.putObject(parts[i]);
            } else if (next instanceof ObjectNode o) {
                at = o;
            } else {
                throw new IllegalArgumentException("target field \"" + dotted + "\": \"" + parts[i]
                        + "\" already holds a value, it cannot also be an object");
            }
        }
        if (at.has(parts[parts.length - 1])) {
            throw new IllegalArgumentException("target field \"" + dotted + "\" is mapped twice");
        }
        at.set(parts[parts.length - 1], value);
    }
}
