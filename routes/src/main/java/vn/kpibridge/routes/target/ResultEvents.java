package vn.kpibridge.routes.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.routes.persistence.StoredJson;

/**
 * The JSON of the events published on Artemis topics for any system to subscribe (issue 5 point 4).
 *
 * <p><b>When they are emitted.</b> The regulations have a unit's results approved by the
 * competent authority before they are final, and only approved results go to other systems
 * (issue 6). So, with {@code kpi.release.on=publication} (the default):
 * <ul>
 *   <li>{@value #EVALUATION_FINALIZED} is emitted when an approved evaluation is published
 *       ({@code "trigger": "evaluation-published"}, {@code "approvalStatus": "APPROVED"}, with the
 *       approved rating);</li>
 *   <li>{@value #PERIOD_CLOSED} is emitted when a unit's summary for the period is written
 *       ({@code direct:writeUnitSummary}; {@code "trigger": "unit-summary-written"}), once per
 *       distinct set of evaluation versions of the unit, with {@code "approvalStatus": "PROPOSED"}
 *       (the summary lists the proposals the authority approves).</li>
 * </ul>
 * With {@code kpi.release.on=new-version} (an installation whose review and approval happen
 * outside kpi-bridge), {@value #EVALUATION_FINALIZED} is emitted as soon as a new evaluation
 * version is stored ({@code "trigger": "evaluation-version-stored"}, {@code "approvalStatus":
 * "PROPOSED"}).
 */
public final class ResultEvents {
    /** Event type of one employee's evaluation. */
    public static final String EVALUATION_FINALIZED = "evaluation.finalized";
    /** Event type of a unit's period. */
    public static final String PERIOD_CLOSED = "period.closed";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ResultEvents() {
    }

    /**
     * @param messageJson the evaluation message stored in the outbox (for a publication: with the
     *     approved rating)
     * @param occurredAt when it happened (the version was stored, or the evaluation published)
     * @param trigger "evaluation-version-stored" or "evaluation-published"
     * @param approvalStatus "PROPOSED" or "APPROVED"
     * @return {@code {event, eventId, occurredAt, trigger, approvalStatus, idempotencyKey,
     *     employeeCode, fullName, position, unitCode, period, periodLabel, schemeId, version,
     *     generalPoints, taskPoints, totalPoints, quantityPercent, pointsBand, pointsBandLabel,
     *     proposedRating, proposedRatingLabel, rulesFired[{code, source, reason}]}}; points and
     *     percentages are the display figures (2 decimals, half-up)
     */
    public static String evaluationFinalized(String messageJson, OffsetDateTime occurredAt, String trigger,
            String approvalStatus) {
        JsonNode message = StoredJson.read(messageJson, "evaluation message");
        Map<String, JsonNode> f = EvaluationFields.read(message);
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event", EVALUATION_FINALIZED);
        n.put("eventId", EVALUATION_FINALIZED + ":" + f.get("idempotencyKey").asText());
        n.put("occurredAt", occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toString());
        n.put("trigger", trigger);
        n.put("approvalStatus", approvalStatus);
        for (String name : EvaluationFields.NAMES) {
            if (!name.equals("evaluation") && !name.equals("axes") && f.containsKey(name)) {
                n.set(name, name.equals("rulesFired") ? rules(f.get(name)) : f.get(name));
            }
        }
        return n.toString();
    }

    /**
     * @param unitCode unit code
     * @param unitName unit name
     * @param period period code
     * @param latest the latest evaluation version of each employee of the unit in the period
     * @param occurredAt when the summary was written
     * @return {@code {event, eventId, occurredAt, trigger, approvalStatus, idempotencyKey, unitCode,
     *     unitName, period, periodLabel, employees, ratingCounts {rating: n}, evaluations
     *     [{employeeCode, version, idempotencyKey, totalPoints, pointsBand, proposedRating}]}}
     */
    public static String periodClosed(String unitCode, String unitName, String period, List<EvaluationEntity> latest,
            OffsetDateTime occurredAt) {
        String key = periodClosedKey(unitCode, period, latest);
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event", PERIOD_CLOSED);
        n.put("eventId", PERIOD_CLOSED + ":" + key);
        n.put("occurredAt", occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toString());
        n.put("trigger", "unit-summary-written");
        n.put("approvalStatus", "PROPOSED");
        n.put("idempotencyKey", key);
        n.put("unitCode", unitCode);
        n.put("unitName", unitName);
        n.put("period", period);
        n.put("periodLabel", Period.parse(period).label());
        n.put("employees", latest.size());
        Map<String, Integer> counts = new TreeMap<>();
        latest.forEach(e -> counts.merge(e.proposedRating, 1, Integer::sum));
        ObjectNode c = n.putObject("ratingCounts");
        counts.forEach(c::put);
        ArrayNode list = n.putArray("evaluations");
        for (EvaluationEntity e : latest) {
            ObjectNode x = list.addObject();
            x.put("employeeCode", e.employeeCode);
            x.put("version", e.version);
            x.put("idempotencyKey", e.idempotencyKey());
            x.put("totalPoints", e.totalPoints);
            x.put("pointsBand", e.pointsBand);
            x.put("proposedRating", e.proposedRating);
        }
        return n.toString();
    }

    /**
     * @param unitCode unit code
     * @param period period code
     * @param latest the latest evaluation version of each employee of the unit in the period
     * @return {@code unit:period:<12 hex>}, the hex being the start of the SHA-256 of the
     *     employees' versions: the same results give the same key (no second event), a changed
     *     result a new one
     */
    public static String periodClosedKey(String unitCode, String period, List<EvaluationEntity> latest) {
        StringBuilder versions = new StringBuilder();
        latest.stream().map(e -> e.employeeCode + ":v" + e.version).sorted().forEach(v -> versions.append(v).append('\n'));
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(versions.toString().getBytes(StandardCharsets.UTF_8));
            return unitCode + ":" + period + ":" + HexFormat.of().formatHex(sha).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode rules(JsonNode fired) {
        ArrayNode out = MAPPER.createArrayNode();
        for (JsonNode r : fired) {
            ObjectNode x = out.addObject();
            x.set("code", r.get("code"));
            x.set("source", r.get("source"));
            x.set("reason", r.get("reason"));
        }
        return out;
    }
}
