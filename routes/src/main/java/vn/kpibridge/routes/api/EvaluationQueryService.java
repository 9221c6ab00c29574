package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;
import vn.kpibridge.routes.persistence.RecordIssueEntity;
import vn.kpibridge.routes.persistence.RecordIssueRepository;
import vn.kpibridge.scoring.Period;

/** Read side of the API: evaluations with their explanation, and kept record issues. JSON out. */
@Service
@Transactional(readOnly = true)
public class EvaluationQueryService {
    private final EvaluationRepository evaluations;
    private final RecordIssueRepository issues;
    private final ObjectMapper mapper = new ObjectMapper();

    public EvaluationQueryService(EvaluationRepository evaluations, RecordIssueRepository issues) {
        this.evaluations = evaluations;
        this.issues = issues;
    }

    /**
     * @param unit unit code
     * @param period period code
     * @return JSON array: the latest version of each employee's evaluation in the unit and period
     *     (code, name, version, points, band, proposed rating)
     * @throws ApiProblem 400 when the period is malformed
     */
    public String unitEvaluations(String unit, String period) {
        checkPeriod(period);
        ArrayNode out = mapper.createArrayNode();
        for (EvaluationEntity e : evaluations.findLatestByUnitAndPeriod(unit, period)) {
            JsonNode result = read(e.result);
            ObjectNode n = out.addObject();
            n.put("employeeCode", e.employeeCode);
            n.put("fullName", result.path("fullName").asText());
            n.put("period", e.period);
            n.put("version", e.version);
            n.put("schemeId", e.schemeId);
            n.put("totalPoints", e.totalPoints);
            n.put("pointsBand", e.pointsBand);
            n.put("proposedRating", e.proposedRating);
        }
        return out.toString();
    }

    /**
     * @param employee employee code
     * @param period period code
     * @return the latest evaluation with its explanation (per-item table, axes, rules fired)
     * @throws ApiProblem 404 when there is none, 400 when the period is malformed
     */
    public String evaluation(String employee, String period) {
        checkPeriod(period);
        EvaluationEntity e = evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(employee, period)
                .orElseThrow(() -> new ApiProblem(404, "Not found", null,
                        "no evaluation of employee " + employee + " for period " + period));
        ObjectNode n = mapper.createObjectNode();
        n.put("employeeCode", e.employeeCode);
        n.put("period", e.period);
        n.put("version", e.version);
        n.put("createdAt", e.createdAt.toString());
        n.set("evaluation", read(e.result));
        return n.toString();
    }

    /**
     * @param kind UNMAPPED or REJECTED
     * @return JSON array of kept records with file, line, record id and reason
     * @throws ApiProblem 400 for another kind
     */
    public String recordIssues(String kind) {
        if (!RecordIssueEntity.UNMAPPED.equals(kind) && !RecordIssueEntity.REJECTED.equals(kind)) {
            throw new ApiProblem(400, "Bad request", "kind", "kind must be UNMAPPED or REJECTED, got \"" + kind + "\"");
        }
        ArrayNode out = mapper.createArrayNode();
        for (RecordIssueEntity i : issues.findByKindOrderById(kind)) {
            ObjectNode n = out.addObject();
            n.put("id", i.getId());
            n.put("sourceId", i.sourceId);
            n.put("fileName", i.fileName);
            n.put("line", i.line);
            n.put("recordId", i.recordId);
            n.put("version", i.version);
            n.put("reason", i.reason);
            n.set("payload", i.payload == null ? null : read(i.payload));
        }
        return out.toString();
    }

    private static void checkPeriod(String period) {
        try {
            Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "Bad request", "period", e.getMessage());
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
