package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.routes.api.ApiProblem;
import vn.kpibridge.routes.api.RequestBodies;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.flow.ScoringService;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;
import vn.kpibridge.routes.persistence.EvaluationWorkflowEntity;
import vn.kpibridge.routes.persistence.EvaluationWorkflowRepository;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.security.UnitTree;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.ExcellentQuota;
import vn.kpibridge.scoring.OrgUnit;
import vn.kpibridge.scoring.QuotaOutcome;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Role;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.ScoringEngine;

/**
 * The approving authority's decision on a unit's period (issue 6 point 1; DOMAIN.md 3a quota;
 * seed 002 II.2 (5): EXCELLENT at most 20% (25% for an outstanding unit), head not counted, per
 * group of similar duties).
 *
 * <p>Every evaluation of the unit and period must be REVIEWED (to be decided now), APPROVED or
 * PUBLISHED (decided earlier, kept, and counted against the cap). The stored inputs of each are
 * scored again by the scoring module ({@link ScoringEngine}, the same subject as the stored
 * version, checked against its points) and {@link ExcellentQuota} gives each one the rating
 * proposed after the quota. The authority's decision for an employee defaults to that proposal; a
 * different rating needs a reason; the final EXCELLENT count of a group may not exceed its cap.
 * The decided evaluations become APPROVED with an audit entry each.
 */
@Service
public class ApprovalService {
    private static final int TEXT_MAX = 4000;

    private final EvaluationWorkflowRepository workflows;
    private final EvaluationRepository evaluations;
    private final ScoringService scoring;
    private final WorkflowService workflow;
    private final AuditTrail audit;
    private final AccessPolicy access;
    private final MappingRegistry registry;
    private final UnitTree tree;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public ApprovalService(EvaluationWorkflowRepository workflows, EvaluationRepository evaluations, ScoringService scoring,
            WorkflowService workflow, AuditTrail audit, AccessPolicy access, MappingRegistry registry, UnitTree tree,
            Clock kpiClock) {
        this.workflows = workflows;
        this.evaluations = evaluations;
        this.scoring = scoring;
        this.workflow = workflow;
        this.audit = audit;
        this.access = access;
        this.registry = registry;
        this.tree = tree;
        this.clock = kpiClock;
    }

    /**
     * Body of {@code POST /approvals}.
     *
     * @param unit the unit, required
     * @param period the period, required
     * @param reason the decision's reference or remarks (e.g. the decision number), optional
     * @param decisions ratings that differ from the proposal (or confirm it), each with the
     *     employee; a different rating needs a reason
     */
    public record ApprovalRequest(String unit, String period, String reason, List<Decision> decisions) {
    }

    /**
     * @param employeeCode the employee, required
     * @param rating the decided rating, required
     * @param reason why, required when it differs from the proposal
     */
    public record Decision(String employeeCode, Rating rating, String reason) {
    }

    /**
     * @param caller an APPROVER of the unit or a unit above
     * @param body JSON {@link ApprovalRequest}
     * @return JSON {@code {unit, period, quotas: [...], approved: [{employeeCode, totalPoints,
     *     proposedRating, quotaStatus, approvedRating, changed, reason}]}}
     * @throws ApiProblem 400 naming the field (missing unit or period, unknown employee, a change
     *     without a reason, a group over its EXCELLENT cap), 403, 404 when the unit has no
     *     evaluation, 409 when an evaluation is not reviewed yet or nothing is left to approve
     */
    @Transactional
    public String approve(Caller caller, String body) {
        ApprovalRequest req = RequestBodies.read(body, ApprovalRequest.class);
        String unit = RequestBodies.requiredText(req.unit(), "unit", 100);
        String period = RequestBodies.requiredText(req.period(), "period", 10);
        RequestBodies.period(period);
        access.requireApprove(caller, unit);
        String globalReason = RequestBodies.optionalText(req.reason(), "reason", TEXT_MAX);

        List<EvaluationWorkflowEntity> all = workflows.findByUnitCodeAndPeriodOrderByEmployeeCode(unit, period);
        if (all.isEmpty()) {
            throw new ApiProblem(404, "Not found", "unit", "no evaluation of unit " + unit + " for period " + period);
        }
        List<String> notReady = all.stream().filter(w -> !EnumSet.of(WorkflowState.REVIEWED, WorkflowState.APPROVED,
                WorkflowState.PUBLISHED).contains(WorkflowState.valueOf(w.state))).map(w -> w.employeeCode + " " + w.state).toList();
        if (!notReady.isEmpty()) {
            throw new ApiProblem(409, "Conflict", null, "unit " + unit + " " + period + " cannot be approved: not reviewed yet: "
                    + notReady);
        }
        List<EvaluationWorkflowEntity> pending = all.stream().filter(w -> WorkflowState.valueOf(w.state) == WorkflowState.REVIEWED)
                .toList();
        if (pending.isEmpty()) {
            throw new ApiProblem(409, "Conflict", null, "unit " + unit + " " + period + " has nothing to approve: "
                    + WorkflowService.states(all));
        }

        // the quota over the whole unit, with the scoring module
        Scheme scheme = null;
        List<EmployeeResult> results = new ArrayList<>();
        Map<String, EvaluationEntity> latest = new HashMap<>();
        for (EvaluationWorkflowEntity w : all) {
            MappingRegistry.SourceSetup setup = registry.source(w.sourceId).orElseThrow(() -> new ApiProblem(409, "Conflict",
                    null, "source " + w.sourceId + " of " + w.employeeCode + " is no longer configured"));
            if (scheme != null && !scheme.id().equals(setup.scheme().id())) {
                throw new ApiProblem(409, "Conflict", null, "unit " + unit + " " + period + " mixes schemes " + scheme.id() + " and "
                        + setup.scheme().id() + ": the quota needs one");
            }
            scheme = setup.scheme();
            Employee emp = setup.identities().employeeByCode(w.employeeCode).orElseThrow(() -> new ApiProblem(409, "Conflict",
                    null, "employee " + w.employeeCode + " is no longer in " + setup.identities().file()));
            EmployeeResult r = new ScoringEngine(scheme).score(null, scoring.subject(emp, period), null, null);
            EvaluationEntity stored = evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(w.employeeCode, period)
                    .orElseThrow();
            if (r.evaluation() == null || r.evaluation().displayedTotal().compareTo(stored.totalPoints) != 0) {
                throw new ApiProblem(409, "Conflict", null, "stored evaluation v" + stored.version + " of " + w.employeeCode
                        + " is out of date with its inputs; re-score before approving");
            }
            latest.put(w.employeeCode, stored);
            results.add(r);
        }
        OrgUnit orgUnit = OrgUnit.of(unit, tree.name(unit), tree.parent(unit));
        ExcellentQuota.Applied applied = ExcellentQuota.apply(scheme, orgUnit, results);
        Map<String, EmployeeResult> byEmployee = new LinkedHashMap<>();
        applied.results().forEach(r -> byEmployee.put(r.employeeId(), r));

        // the authority's decisions
        Map<String, Decision> decisions = new HashMap<>();
        Map<String, String> decisionField = new HashMap<>();
        if (req.decisions() != null) {
            Set<String> pendingCodes = new HashSet<>();
            pending.forEach(w -> pendingCodes.add(w.employeeCode));
            for (int i = 0; i < req.decisions().size(); i++) {
                Decision d = req.decisions().get(i);
                String f = "decisions[" + i + "]";
                if (d == null) {
                    throw new ApiProblem(400, "Bad request", f, "field \"" + f + "\" must be an object");
                }
                String code = RequestBodies.requiredText(d.employeeCode(), f + ".employeeCode", 100);
                if (!pendingCodes.contains(code)) {
                    throw new ApiProblem(400, "Bad request", f + ".employeeCode", "employee " + code + " has no REVIEWED evaluation "
                            + "in unit " + unit + " for " + period + " (to decide: " + new java.util.TreeSet<>(pendingCodes) + ")");
                }
                if (d.rating() == null) {
                    throw new ApiProblem(400, "Bad request", f + ".rating", "field \"" + f + ".rating\" is required: one of "
                            + List.of(Rating.values()));
                }
                if (decisions.put(code, d) != null) {
                    throw new ApiProblem(400, "Bad request", f + ".employeeCode", "employee " + code + " is decided twice");
                }
                decisionField.put(code, f);
                RequestBodies.optionalText(d.reason(), f + ".reason", TEXT_MAX);
            }
        }
        Map<String, Rating> finalRating = new LinkedHashMap<>();
        for (EvaluationWorkflowEntity w : all) {
            EmployeeResult r = byEmployee.get(w.employeeCode);
            if (WorkflowState.valueOf(w.state) != WorkflowState.REVIEWED) {
                finalRating.put(w.employeeCode, Rating.valueOf(w.approvedRating));
                continue;
            }
            Rating proposal = r.finalProposedRating();
            Decision d = decisions.get(w.employeeCode);
            Rating decided = d == null ? proposal : d.rating();
            if (decided != proposal && (d.reason() == null || d.reason().isBlank())) {
                throw new ApiProblem(400, "Bad request", decisionField.get(w.employeeCode) + ".reason", "a reason is required: "
                        + w.employeeCode + " is decided " + decided + " but proposed " + proposal);
            }
            finalRating.put(w.employeeCode, decided);
        }
        for (QuotaOutcome q : applied.outcomes()) {
            List<String> excellent = new ArrayList<>();
            for (EmployeeResult r : applied.results()) {
                if (r.role() != Role.HEAD && r.dutyGroup().equals(q.dutyGroup()) && finalRating.get(r.employeeId()) == Rating.EXCELLENT) {
                    excellent.add(r.employeeId());
                }
            }
            if (excellent.size() > q.cap()) {
                throw new ApiProblem(400, "Bad request", "decisions", "unit " + unit + (q.dutyGroup().isEmpty() ? "" : " group "
                        + q.dutyGroup()) + ": " + excellent.size() + " rated EXCELLENT " + excellent + " but the quota allows "
                        + q.cap() + " (" + q.reason() + ")");
            }
        }

        ObjectNode out = mapper.createObjectNode();
        out.put("unit", unit);
        out.put("period", period);
        ArrayNode quotas = out.putArray("quotas");
        for (QuotaOutcome q : applied.outcomes()) {
            ObjectNode n = quotas.addObject();
            n.put("dutyGroup", q.dutyGroup());
            n.put("base", q.base());
            n.put("cap", q.cap());
            q.candidates().forEach(n.putArray("candidates")::add);
            q.proposedForGood().forEach(n.putArray("proposedForGood")::add);
            q.tiedAtCap().forEach(n.putArray("tiedAtCap")::add);
            n.put("reason", q.reason());
        }
        ArrayNode approved = out.putArray("approved");
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (EvaluationWorkflowEntity w : pending) {
            EmployeeResult r = byEmployee.get(w.employeeCode);
            Rating proposal = r.finalProposedRating();
            Rating decided = finalRating.get(w.employeeCode);
            Decision d = decisions.get(w.employeeCode);
            String reason = d != null && d.reason() != null && !d.reason().isBlank() ? d.reason().trim() : globalReason;
            EvaluationEntity stored = latest.get(w.employeeCode);
            ObjectNode before = workflow.snapshot(w, stored);
            w.state = WorkflowState.APPROVED.name();
            w.proposedRating = proposal.name();
            w.approvedRating = decided.name();
            w.approvedVersion = w.evaluationVersion;
            w.approvalReason = reason;
            w.approvedBy = caller.name();
            w.approvedAt = now;
            w.reopenReason = null;
            w.updatedAt = now;
            workflows.save(w);
            ObjectNode after = workflow.snapshot(w, stored);
            after.put("quotaProposedRating", proposal.name());
            if (r.quota() != null) {
                after.put("quotaStatus", r.quota().status().name());
            }
            audit.record(caller, "APPROVE", WorkflowService.subject(w), before, after, reason);
            ObjectNode n = approved.addObject();
            n.put("employeeCode", w.employeeCode);
            n.put("version", w.approvedVersion);
            n.put("totalPoints", r.evaluation().displayedTotal());
            n.put("proposedRating", proposal.name());
            n.put("quotaStatus", r.quota() == null ? null : r.quota().status().name());
            n.put("approvedRating", decided.name());
            n.put("approvedRatingLabel", decided.label());
            n.put("changed", decided != proposal);
            n.put("reason", reason);
        }
        return out.toString();
    }
}
