package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;
import vn.kpibridge.routes.persistence.RecordAssignmentEntity;
import vn.kpibridge.routes.persistence.RecordIssueEntity;
import vn.kpibridge.routes.persistence.RecordIssueRepository;
import vn.kpibridge.routes.persistence.RecordAssignmentRepository;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.workflow.WorkflowService;
import vn.kpibridge.routes.persistence.StoredJson;

/**
 * Read side of the API: evaluations with their explanation and workflow, and kept record issues.
 * JSON out. Every method checks the caller against the stored data's unit ({@link AccessPolicy}).
 */
@Service
@Transactional(readOnly = true)
public class EvaluationQueryService {
    private final EvaluationRepository evaluations;
    private final RecordIssueRepository issues;
    private final RecordAssignmentRepository assignments;
    private final AccessPolicy access;
    private final WorkflowService workflow;
    private final ObjectMapper mapper = new ObjectMapper();

    public EvaluationQueryService(EvaluationRepository evaluations, RecordIssueRepository issues,
            RecordAssignmentRepository assignments, AccessPolicy access, WorkflowService workflow) {
        this.evaluations = evaluations;
        this.issues = issues;
        this.assignments = assignments;
        this.access = access;
        this.workflow = workflow;
    }

    /**
     * @param caller a reader of the unit (ADMIN, AUDITOR, REVIEWER or APPROVER of it or a unit above)
     * @param unit unit code
     * @param period period code
     * @return JSON array: the latest version of each employee's evaluation in the unit and period
     *     (code, name, version, points, band, proposed rating, workflow state)
     * @throws ApiProblem 400 when the period is malformed, 403 outside the caller's units
     */
    public String unitEvaluations(Caller caller, String unit, String period) {
        RequestBodies.period(period);
        access.requireReadUnit(caller, unit);
        java.util.Map<String, String> states = workflow.states(unit, period);
        ArrayNode out = mapper.createArrayNode();
        for (EvaluationEntity e : evaluations.findLatestByUnitAndPeriod(unit, period)) {
            JsonNode result = StoredJson.read(e.result, "result of evaluation " + e.employeeCode + ":" + e.period
                    + " v" + e.version);
            ObjectNode n = out.addObject();
            n.put("employeeCode", e.employeeCode);
            n.put("fullName", result.path("fullName").asText());
            n.put("period", e.period);
            n.put("version", e.version);
            n.put("schemeId", e.schemeId);
            n.put("totalPoints", e.totalPoints);
            n.put("pointsBand", e.pointsBand);
            n.put("proposedRating", e.proposedRating);
            n.put("state", states.get(e.employeeCode));
        }
        return out.toString();
    }

    /**
     * @param caller a reader of the evaluation's unit, or the employee
     * @param employee employee code
     * @param period period code
     * @return the latest evaluation with its explanation (per-item table, axes, rules fired) and
     *     its workflow (state, deadlines and the step due, self-assessment, reviewer inputs, approval)
     * @throws ApiProblem 404 when there is none, 400 when the period is malformed, 403 when the
     *     caller may not read it
     */
    public String evaluation(Caller caller, String employee, String period) {
        RequestBodies.period(period);
        EvaluationEntity e = evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(employee, period)
                .orElseThrow(() -> new ApiProblem(404, "Not found", null,
                        "no evaluation of employee " + employee + " for period " + period));
        access.requireReadEvaluation(caller, employee, e.unitCode);
        ObjectNode n = mapper.createObjectNode();
        n.put("unitCode", e.unitCode);
        n.put("employeeCode", e.employeeCode);
        n.put("period", e.period);
        n.put("version", e.version);
        n.put("createdAt", e.createdAt.toString());
        n.set("workflow", workflow.workflowView(e).orElse(null));
        n.set("evaluation", StoredJson.read(e.result, "result of evaluation " + employee + ":" + period + " v" + e.version));
        return n.toString();
    }

    /**
     * @param caller an ADMIN, or an AUDITOR of the whole province (records carry no trusted unit)
     * @param kind UNMAPPED, REJECTED or QUARANTINED
     * @return JSON array of kept records with file, line, record id, reason and the products
     *     assigned by hand
     * @throws ApiProblem 400 for another kind, 403 for other callers
     */
    public String recordIssues(Caller caller, String kind) {
        access.requireAdminOrAuditor(caller, "read unmapped and rejected records");
        if (!RecordIssueEntity.UNMAPPED.equals(kind) && !RecordIssueEntity.REJECTED.equals(kind)
                && !RecordIssueEntity.QUARANTINED.equals(kind)) {
            throw new ApiProblem(400, "Bad request", "kind", "kind must be UNMAPPED, REJECTED or QUARANTINED, got \""
                    + kind + "\"");
        }
        List<RecordIssueEntity> kept = issues.findByKindOrderById(kind);
        Map<Long, List<RecordAssignmentEntity>> byIssue = kept.isEmpty() ? Map.of()
                : assignments.findByRecordIssueIdInOrderById(kept.stream().map(RecordIssueEntity::getId).toList()).stream()
                        .collect(Collectors.groupingBy(a -> a.recordIssueId));
        ArrayNode out = mapper.createArrayNode();
        for (RecordIssueEntity i : kept) {
            ObjectNode n = out.addObject();
            n.put("id", i.getId());
            n.put("sourceId", i.sourceId);
            n.put("fileName", i.fileName);
            n.put("line", i.line);
            n.put("recordId", i.recordId);
            n.put("version", i.version);
            n.put("reason", i.reason);
            n.set("payload", StoredJson.read(i.payload, "payload of record issue " + i.getId()));
            ArrayNode as = n.putArray("assignments");
            for (RecordAssignmentEntity a : byIssue.getOrDefault(i.getId(), List.of())) {
                ObjectNode x = as.addObject();
                x.put("productCode", a.productCode);
                x.put("catalogVersion", a.catalogVersion);
                x.put("assignedBy", a.assignedBy);
                x.put("assignedAt", a.assignedAt.toString());
                x.put("reason", a.reason);
            }
        }
        return out.toString();
    }
}
