package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.routes.api.ApiProblem;
import vn.kpibridge.routes.api.RequestBodies;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.flow.EmployeePeriod;
import vn.kpibridge.routes.flow.OutboxService;
import vn.kpibridge.routes.flow.ScoringService;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;
import vn.kpibridge.routes.persistence.EvaluationWorkflowEntity;
import vn.kpibridge.routes.persistence.EvaluationWorkflowRepository;
import vn.kpibridge.routes.persistence.ReviewerInputEntity;
import vn.kpibridge.routes.persistence.ReviewerInputRepository;
import vn.kpibridge.routes.persistence.SelfAssessmentEntity;
import vn.kpibridge.routes.persistence.SelfAssessmentRepository;
import vn.kpibridge.routes.persistence.WorkItemEntity;
import vn.kpibridge.routes.persistence.WorkItemRepository;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.security.UnitTree;
import vn.kpibridge.routes.target.ResultEvents;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.Timeline;
import vn.kpibridge.routes.persistence.StoredJson;

/**
 * The per-evaluation workflow of issue 6 point 2 ({@link WorkflowState}): the employee's
 * self-assessment, the direct leader's review, reopening, publication, deadlines from the scheme
 * (seed 002 IV.1: self-assessment before day 25, review before 26, decision before 28, publication
 * before day 5 of the next month, December before the 15th) and the overdue list. The unit-wide
 * approval is {@link ApprovalService}.
 *
 * <p>Every method checks the caller against the stored evaluation's unit ({@link AccessPolicy})
 * before anything else, and every write is audited ({@link AuditTrail}) in its transaction.
 * Inputs feed the next scoring ({@link HumanInputs}): a self-assessment or review re-scores the
 * evaluation at once (a new version when the result changes).
 */
@Service
public class WorkflowService {
    private static final int TEXT_MAX = 4000;

    private final EvaluationRepository evaluations;
    private final EvaluationWorkflowRepository workflows;
    private final SelfAssessmentRepository selfAssessments;
    private final ReviewerInputRepository reviews;
    private final WorkItemRepository workItems;
    private final ScoringService scoring;
    private final WorkflowHook hook;
    private final OutboxService outbox;
    private final AuditTrail audit;
    private final AccessPolicy access;
    private final MappingRegistry registry;
    private final UnitTree tree;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public WorkflowService(EvaluationRepository evaluations, EvaluationWorkflowRepository workflows,
            SelfAssessmentRepository selfAssessments, ReviewerInputRepository reviews, WorkItemRepository workItems,
            ScoringService scoring, WorkflowHook hook, OutboxService outbox, AuditTrail audit, AccessPolicy access,
            MappingRegistry registry, UnitTree tree, Clock kpiClock) {
        this.evaluations = evaluations;
        this.workflows = workflows;
        this.selfAssessments = selfAssessments;
        this.reviews = reviews;
        this.workItems = workItems;
        this.scoring = scoring;
        this.hook = hook;
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.registry = registry;
        this.tree = tree;
        this.clock = kpiClock;
    }

    /**
     * Body of {@code PUT .../self-assessment}.
     *
     * @param proposedRating the rating the employee proposes, required
     * @param generalCriteriaPoints the employee's own general-criteria points, 0 to the scheme's maximum
     * @param comment the employee's account of the period
     */
    public record SelfAssessmentRequest(Rating proposedRating, BigDecimal generalCriteriaPoints, String comment) {
    }

    /** Body of reopening: {@code reason}, required. */
    public record ReasonRequest(String reason) {
    }

    /**
     * The employee's self-assessment (PROVISIONAL or SELF_ASSESSED -> SELF_ASSESSED).
     *
     * @param caller the employee
     * @param employee employee code of the path
     * @param period period code of the path
     * @param body JSON {@link SelfAssessmentRequest}
     * @return the evaluation's workflow view after the change
     * @throws ApiProblem 400 naming the field, 403 when the caller is not this employee, 404 without
     *     an evaluation, 409 once reviewed
     */
    @Transactional
    public String selfAssess(Caller caller, String employee, String period, String body) {
        RequestBodies.period(period);
        access.requireSelf(caller, employee);
        SelfAssessmentRequest req = RequestBodies.read(body, SelfAssessmentRequest.class);
        if (req.proposedRating() == null) {
            throw new ApiProblem(400, "Bad request", "proposedRating", "field \"proposedRating\" is required: one of "
                    + List.of(Rating.values()));
        }
        EvaluationWorkflowEntity w = workflow(employee, period);
        Scheme scheme = scheme(w);
        RequestBodies.range(req.generalCriteriaPoints(), "generalCriteriaPoints", BigDecimal.ZERO, scheme.generalCriteriaMax());
        String comment = RequestBodies.optionalText(req.comment(), "comment", TEXT_MAX);
        requireState(w, "submit a self-assessment", WorkflowState.PROVISIONAL, WorkflowState.SELF_ASSESSED);

        SelfAssessmentEntity s = selfAssessments.findByEmployeeCodeAndPeriod(employee, period).orElse(null);
        ObjectNode before = snapshot(w, latest(w));
        before.set("selfAssessment", selfJson(s));
        if (s == null) {
            s = new SelfAssessmentEntity();
            s.employeeCode = employee;
            s.period = period;
        }
        s.proposedRating = req.proposedRating().name();
        s.generalCriteriaPoints = req.generalCriteriaPoints();
        s.comment = comment;
        s.submittedBy = caller.name();
        s.submittedAt = OffsetDateTime.now(clock);
        selfAssessments.save(s);
        rescore(w);
        w.state = WorkflowState.SELF_ASSESSED.name();
        w.updatedAt = OffsetDateTime.now(clock);
        workflows.save(w);
        EvaluationEntity rescored = latest(w);
        ObjectNode after = snapshot(w, rescored);
        after.set("selfAssessment", selfJson(s));
        audit.record(caller, "SELF_ASSESSMENT", subject(w), before, after, comment);
        return view(w, rescored).toString();
    }

    /**
     * The direct leader's inputs (PROVISIONAL, SELF_ASSESSED, REVIEWED or REOPENED -> REVIEWED); they
     * replace earlier inputs as a whole and feed every later scoring.
     *
     * @param caller a REVIEWER or APPROVER of the employee's unit or a unit above, not the employee
     * @param employee employee code of the path
     * @param period period code of the path
     * @param body JSON {@link ReviewerInputs}
     * @return the evaluation's workflow view after the change (with the re-scored figures)
     * @throws ApiProblem 400 naming the field (points or factors out of range, an item that is not
     *     the employee's), 403, 404, 409 when approved or published
     */
    @Transactional
    public String review(Caller caller, String employee, String period, String body) {
        RequestBodies.period(period);
        EvaluationWorkflowEntity w = workflow(employee, period);
        access.requireReview(caller, employee, w.unitCode);
        ReviewerInputs in = RequestBodies.read(body, ReviewerInputs.class);
        Scheme scheme = scheme(w);
        validate(in, scheme, employee, period);
        requireState(w, "enter reviewer inputs", WorkflowState.PROVISIONAL, WorkflowState.SELF_ASSESSED, WorkflowState.REVIEWED,
                WorkflowState.REOPENED);

        ReviewerInputEntity r = reviews.findByEmployeeCodeAndPeriod(employee, period).orElse(null);
        ObjectNode before = snapshot(w, latest(w));
        before.set("reviewerInputs", r == null ? null : StoredJson.read(r.inputs, inputsOf(r)));
        if (r == null) {
            r = new ReviewerInputEntity();
            r.employeeCode = employee;
            r.period = period;
        }
        r.inputs = write(in);
        r.comment = RequestBodies.optionalText(in.comment(), "comment", TEXT_MAX);
        r.reviewedBy = caller.name();
        r.reviewedAt = OffsetDateTime.now(clock);
        reviews.save(r);
        rescore(w);
        w.state = WorkflowState.REVIEWED.name();
        w.updatedAt = OffsetDateTime.now(clock);
        workflows.save(w);
        EvaluationEntity rescored = latest(w);
        ObjectNode after = snapshot(w, rescored);
        after.set("reviewerInputs", StoredJson.read(r.inputs, inputsOf(r)));
        audit.record(caller, "REVIEW", subject(w), before, after, r.comment);
        return view(w, rescored).toString();
    }

    /**
     * Reopens an approved or published evaluation for a new review (-> REOPENED).
     *
     * @param caller an APPROVER of the unit or a unit above
     * @param employee employee code
     * @param period period code
     * @param body JSON {@code {"reason": "..."}}, reason required
     * @return the workflow view
     * @throws ApiProblem 400 without a reason, 403, 404, 409 unless APPROVED or PUBLISHED
     */
    @Transactional
    public String reopen(Caller caller, String employee, String period, String body) {
        RequestBodies.period(period);
        EvaluationWorkflowEntity w = workflow(employee, period);
        access.requireApprove(caller, w.unitCode);
        String reason = RequestBodies.requiredText(RequestBodies.read(body, ReasonRequest.class).reason(), "reason", TEXT_MAX);
        requireState(w, "reopen", WorkflowState.APPROVED, WorkflowState.PUBLISHED);
        EvaluationEntity e = latest(w);
        ObjectNode before = snapshot(w, e);
        w.state = WorkflowState.REOPENED.name();
        w.reopenReason = reason;
        w.updatedAt = OffsetDateTime.now(clock);
        workflows.save(w);
        audit.record(caller, "REOPEN", subject(w), before, snapshot(w, e), reason);
        return view(w, e).toString();
    }

    /**
     * Publishes every APPROVED evaluation of a unit for a period (-> PUBLISHED): each goes to the
     * outbox ({@link OutboxService}, queue {@code kpi.queues.evaluations}, kind
     * {@value ResultEvents#EVALUATION_FINALIZED}) in this transaction.
     *
     * @param caller an APPROVER of the unit or a unit above
     * @param unit unit code
     * @param period period code
     * @return JSON {@code {unit, period, published: [{employeeCode, version, approvedRating, idempotencyKey}]}}
     * @throws ApiProblem 403, 404 when the unit has no evaluation, 409 when none is APPROVED
     */
    @Transactional
    public String publishUnit(Caller caller, String unit, String period) {
        RequestBodies.period(period);
        access.requireApprove(caller, unit);
        List<EvaluationWorkflowEntity> all = workflows.findByUnitCodeAndPeriodOrderByEmployeeCode(unit, period);
        if (all.isEmpty()) {
            throw new ApiProblem(404, "Not found", "unit", "no evaluation of unit " + unit + " for period " + period);
        }
        ObjectNode out = mapper.createObjectNode();
        out.put("unit", unit);
        out.put("period", period);
        ArrayNode published = out.putArray("published");
        for (EvaluationWorkflowEntity w : all) {
            if (WorkflowState.valueOf(w.state) == WorkflowState.APPROVED) {
                published.add(publish(caller, w, "PUBLISH", null));
            }
        }
        if (published.isEmpty()) {
            throw new ApiProblem(409, "Conflict", "unit", "no APPROVED evaluation of unit " + unit + " for period " + period
                    + " to publish; states: " + states(all));
        }
        return out.toString();
    }

    /**
     * Publishes one APPROVED or PUBLISHED evaluation again (a new outbox message with a new
     * idempotency key), e.g. after a target system lost it.
     *
     * @param caller an APPROVER of the unit or a unit above
     * @param employee employee code
     * @param period period code
     * @param body JSON {@code {"reason": "..."}}, reason required
     * @return JSON {@code {employeeCode, version, approvedRating, idempotencyKey}}
     * @throws ApiProblem 400 without a reason, 403, 404, 409 unless APPROVED or PUBLISHED
     */
    @Transactional
    public String republish(Caller caller, String employee, String period, String body) {
        RequestBodies.period(period);
        EvaluationWorkflowEntity w = workflow(employee, period);
        access.requireApprove(caller, w.unitCode);
        String reason = RequestBodies.requiredText(RequestBodies.read(body, ReasonRequest.class).reason(), "reason", TEXT_MAX);
        requireState(w, "publish", WorkflowState.APPROVED, WorkflowState.PUBLISHED);
        return publish(caller, w, "REPUBLISH", reason).toString();
    }

    private ObjectNode publish(Caller caller, EvaluationWorkflowEntity w, String action, String reason) {
        EvaluationEntity e = evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(w.employeeCode, w.period)
                .orElseThrow(() -> new IllegalStateException("workflow without evaluation: " + w.employeeCode + " " + w.period));
        ObjectNode before = snapshot(w, e);
        if (w.approvedVersion == null || w.approvedVersion != e.version) {
            throw new ApiProblem(409, "Conflict", null, "evaluation of " + w.employeeCode + " for " + w.period + " is v" + e.version
                    + " but v" + w.approvedVersion + " was approved: approve again before publishing");
        }
        w.publications++;
        String key = e.idempotencyKey() + ":published:" + w.publications;
        JsonNode result = StoredJson.read(e.result, "result of evaluation " + w.employeeCode + ":" + w.period + " v" + e.version);
        // the version's own message (display figures, labels, rules) when stored, with the approval on top
        String versionKey = e.idempotencyKey();
        ObjectNode m = outbox.evaluationMessage(versionKey)
                .map(json -> StoredJson.read(json, "outbox message " + versionKey)).filter(JsonNode::isObject)
                .map(n -> (ObjectNode) n)
                .orElseGet(mapper::createObjectNode);
        m.put("idempotencyKey", key);
        m.put("kind", ResultEvents.EVALUATION_FINALIZED);
        m.put("status", WorkflowState.PUBLISHED.name());
        m.put("employeeCode", w.employeeCode);
        m.put("fullName", result.path("fullName").asText());
        m.put("unitCode", w.unitCode);
        m.put("period", w.period);
        m.put("periodLabel", Period.parse(w.period).label());
        m.put("schemeId", w.schemeId);
        m.put("version", e.version);
        m.put("totalPoints", e.totalPoints);
        m.put("pointsBand", e.pointsBand);
        m.put("proposedRating", w.proposedRating);
        m.put("approvedRating", w.approvedRating);
        m.put("approvedRatingLabel", Rating.valueOf(w.approvedRating).label());
        m.put("approvalReason", w.approvalReason);
        m.put("approvedBy", w.approvedBy);
        m.put("approvedAt", w.approvedAt == null ? null : w.approvedAt.toString());
        m.set("evaluation", result);
        outbox.enqueuePublished(key, m.toString(), w.employeeCode, w.unitCode, w.period);
        w.state = WorkflowState.PUBLISHED.name();
        w.publishedVersion = e.version;
        w.publishedAt = OffsetDateTime.now(clock);
        w.updatedAt = w.publishedAt;
        workflows.save(w);
        ObjectNode after = snapshot(w, e);
        after.put("idempotencyKey", key);
        audit.record(caller, action, subject(w), before, after, reason);
        ObjectNode n = mapper.createObjectNode();
        n.put("employeeCode", w.employeeCode);
        n.put("version", e.version);
        n.put("approvedRating", w.approvedRating);
        n.put("idempotencyKey", key);
        return n;
    }

    /**
     * Evaluations whose current step is past its deadline.
     *
     * @param caller a reader of the unit
     * @param unit unit code; its units below are included
     * @param period period code
     * @param asOf the day to judge on, or null for today (zone {@code kpi.workflow.zone})
     * @return JSON array of {@code {employeeCode, unitCode, period, state, step, dueBefore, daysLate}}
     * @throws ApiProblem 400 for a bad period, 403 outside the caller's units
     */
    @Transactional(readOnly = true)
    public String overdue(Caller caller, String unit, String period, LocalDate asOf) {
        RequestBodies.period(period);
        access.requireReadUnit(caller, unit);
        LocalDate today = asOf != null ? asOf : LocalDate.now(clock);
        ArrayNode out = mapper.createArrayNode();
        // a reader of the unit reads every unit below it (AccessPolicy, UnitTree.within is transitive)
        for (EvaluationWorkflowEntity w : workflows.findByUnitCodeInAndPeriodOrderByUnitCodeAscEmployeeCodeAsc(tree.subtree(unit),
                period)) {
            Due due = due(w, deadlines(w), today);
            if (due != null && due.overdue()) {
                ObjectNode n = out.addObject();
                n.put("employeeCode", w.employeeCode);
                n.put("unitCode", w.unitCode);
                n.put("period", w.period);
                n.put("state", w.state);
                n.put("step", due.step());
                n.put("dueBefore", due.before().toString());
                n.put("daysLate", due.daysLate());
            }
        }
        return out.toString();
    }

    /**
     * @param caller a reader of the evaluation (unit scope, or the employee)
     * @param employee employee code
     * @param period period code
     * @return the audit entries of the evaluation, oldest first (JSON array)
     * @throws ApiProblem 403, 404 without an evaluation
     */
    @Transactional(readOnly = true)
    public String auditTrail(Caller caller, String employee, String period) {
        RequestBodies.period(period);
        EvaluationWorkflowEntity w = workflow(employee, period);
        access.requireReadEvaluation(caller, employee, w.unitCode);
        return audit.ofEvaluation(employee, period).toString();
    }

    /**
     * The workflow block of an evaluation's view: state, approval, publication, deadlines and the
     * step due, the self-assessment and the reviewer inputs.
     *
     * @param latest the latest evaluation version of an employee and period, as the caller loaded
     *     it (its points and proposed rating are shown)
     * @return the block, or empty when the evaluation has no workflow row
     */
    @Transactional(readOnly = true)
    public Optional<ObjectNode> workflowView(EvaluationEntity latest) {
        return workflows.findByEmployeeCodeAndPeriod(latest.employeeCode, latest.period).map(w -> view(w, latest));
    }

    /**
     * @param unit unit code
     * @param period period code
     * @return employee code -> state of the unit's evaluations for the period
     */
    @Transactional(readOnly = true)
    public Map<String, String> states(String unit, String period) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        workflows.findByUnitCodeAndPeriodOrderByEmployeeCode(unit, period).forEach(w -> m.put(w.employeeCode, w.state));
        return m;
    }

    /**
     * @param w the workflow row
     * @param e the latest evaluation version of the row's employee and period, or null
     * @return the workflow block (see {@link #workflowView})
     */
    ObjectNode view(EvaluationWorkflowEntity w, EvaluationEntity e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("state", w.state);
        n.put("evaluationVersion", w.evaluationVersion);
        if (e != null) {
            n.put("totalPoints", e.totalPoints);
            n.put("proposedRating", e.proposedRating);
        }
        n.put("quotaProposedRating", w.proposedRating);
        n.put("approvedRating", w.approvedRating);
        n.put("approvedRatingLabel", w.approvedRating == null ? null : Rating.valueOf(w.approvedRating).label());
        n.put("approvedVersion", w.approvedVersion);
        n.put("approvalReason", w.approvalReason);
        n.put("approvedBy", w.approvedBy);
        n.put("approvedAt", w.approvedAt == null ? null : w.approvedAt.toString());
        n.put("publishedVersion", w.publishedVersion);
        n.put("publications", w.publications);
        n.put("publishedAt", w.publishedAt == null ? null : w.publishedAt.toString());
        n.put("reopenReason", w.reopenReason);
        Timeline.Deadlines d = deadlines(w);
        ObjectNode dl = n.putObject("deadlines");
        dl.put("selfAssessmentBefore", d == null || d.selfAssessmentBefore() == null ? null : d.selfAssessmentBefore().toString());
        dl.put("reviewBefore", d == null || d.reviewBefore() == null ? null : d.reviewBefore().toString());
        dl.put("decisionBefore", d == null || d.decisionBefore() == null ? null : d.decisionBefore().toString());
        dl.put("publicationBefore", d == null || d.publicationBefore() == null ? null : d.publicationBefore().toString());
        Due due = due(w, d, LocalDate.now(clock));
        if (due != null) {
            ObjectNode dn = n.putObject("due");
            dn.put("step", due.step());
            dn.put("before", due.before().toString());
            dn.put("overdue", due.overdue());
            dn.put("daysLate", due.daysLate());
        }
        n.set("selfAssessment", selfJson(selfAssessments.findByEmployeeCodeAndPeriod(w.employeeCode, w.period).orElse(null)));
        n.set("reviewerInputs", reviews.findByEmployeeCodeAndPeriod(w.employeeCode, w.period).map(r -> {
            ObjectNode x = (ObjectNode) StoredJson.read(r.inputs, inputsOf(r));
            x.put("reviewedBy", r.reviewedBy);
            x.put("reviewedAt", r.reviewedAt.toString());
            return (JsonNode) x;
        }).orElse(null));
        return n;
    }

    /**
     * The step due in a state and its deadline ("before" day, exclusive); when the scheme gives no
     * deadline for the step, the next step's deadline applies.
     *
     * @param step SELF_ASSESSMENT, REVIEW, DECISION or PUBLICATION
     * @param before the first day that is late
     * @param overdue true on or after {@code before}
     * @param daysLate days late (1 on the day itself), 0 when not overdue
     */
    record Due(String step, LocalDate before, boolean overdue, long daysLate) {
    }

    /**
     * @param w the workflow row
     * @param d its deadlines ({@link #deadlines}), or null when the scheme gives none
     * @param today the day to judge on
     * @return the step due and whether it is late, or null when no step is due
     */
    Due due(EvaluationWorkflowEntity w, Timeline.Deadlines d, LocalDate today) {
        WorkflowState state = WorkflowState.valueOf(w.state);
        if (state.dueStep() == null || d == null) {
            return null;
        }
        List<String> steps = List.of("SELF_ASSESSMENT", "REVIEW", "DECISION", "PUBLICATION");
        LocalDate[] dates = {d.selfAssessmentBefore(), d.reviewBefore(), d.decisionBefore(), d.publicationBefore()};
        for (int i = steps.indexOf(state.dueStep()); i < steps.size(); i++) {
            if (dates[i] != null) {
                boolean late = !today.isBefore(dates[i]);
                return new Due(steps.get(i), dates[i], late, late ? ChronoUnit.DAYS.between(dates[i], today) + 1 : 0);
            }
        }
        return null;
    }

    private Timeline.Deadlines deadlines(EvaluationWorkflowEntity w) {
        return registry.source(w.sourceId).map(MappingRegistry.SourceSetup::scheme).map(Scheme::timeline)
                .map(t -> t.deadlines(Period.parse(w.period))).orElse(null);
    }

    private void validate(ReviewerInputs in, Scheme scheme, String employee, String period) {
        RequestBodies.range(in.generalCriteriaPoints(), "generalCriteriaPoints", BigDecimal.ZERO, scheme.generalCriteriaMax());
        RequestBodies.optionalText(in.forceMajeure(), "forceMajeure", TEXT_MAX);
        RequestBodies.optionalText(in.comment(), "comment", TEXT_MAX);
        if (in.leaderAssessment() != null) {
            RequestBodies.optionalText(in.leaderAssessment().delaysNote(), "leaderAssessment.delaysNote", TEXT_MAX);
            RequestBodies.optionalText(in.leaderAssessment().disunityNote(), "leaderAssessment.disunityNote", TEXT_MAX);
        }
        if (in.violations() != null) {
            for (int i = 0; i < in.violations().size(); i++) {
                RequestBodies.requiredText(in.violations().get(i), "violations[" + i + "]", TEXT_MAX);
            }
        }
        if (in.items() != null && !in.items().isEmpty()) {
            Set<String> ids = new HashSet<>();
            for (WorkItemEntity wi : workItems.findByEmployeeCodeAndPeriodOrderByRecordId(employee, period)) {
                ids.add(wi.recordId);
            }
            for (Map.Entry<String, ReviewerInputs.ItemInputs> e : in.items().entrySet()) {
                String f = "items." + e.getKey();
                if (!ids.contains(e.getKey())) {
                    throw new ApiProblem(400, "Bad request", f, "work item " + e.getKey() + " is not one of employee " + employee
                            + "'s items for " + period + ": " + new java.util.TreeSet<>(ids));
                }
                ReviewerInputs.ItemInputs it = e.getValue();
                if (it == null) {
                    throw new ApiProblem(400, "Bad request", f, "field \"" + f + "\" must be an object");
                }
                nonNegative(it.qualityFailures(), f + ".qualityFailures");
                nonNegative(it.lateDeliveries(), f + ".lateDeliveries");
                nonNegative(it.leadershipFailures(), f + ".leadershipFailures");
                RequestBodies.optionalText(it.objectiveCause(), f + ".objectiveCause", TEXT_MAX);
                RequestBodies.range(it.qualityFactor(), f + ".qualityFactor", BigDecimal.ZERO, scheme.factorCap());
                RequestBodies.range(it.timelinessFactor(), f + ".timelinessFactor", BigDecimal.ZERO, scheme.factorCap());
                RequestBodies.range(it.leadershipFactor(), f + ".leadershipFactor", BigDecimal.ZERO, scheme.factorCap());
            }
        }
    }

    private static void nonNegative(Integer v, String field) {
        if (v != null && v < 0) {
            throw new ApiProblem(400, "Bad request", field, "field \"" + field + "\" must be >= 0, got " + v);
        }
    }

    /** Re-scores the evaluation with the inputs just stored, as a person's change (no system reopen). */
    private void rescore(EvaluationWorkflowEntity w) {
        Employee emp = registry.source(w.sourceId).flatMap(s -> s.identities().employeeByCode(w.employeeCode))
                .orElseThrow(() -> new ApiProblem(409, "Conflict", null, "employee " + w.employeeCode + " is no longer in the "
                        + "identity map of source " + w.sourceId + ": cannot re-score"));
        hook.byPerson(() -> scoring.score(new EmployeePeriod(w.employeeCode, emp.unitCode(), emp.unitName(), w.period, w.sourceId)));
    }

    EvaluationWorkflowEntity workflow(String employee, String period) {
        return workflows.findByEmployeeCodeAndPeriod(employee, period).orElseThrow(() -> new ApiProblem(404, "Not found", null,
                "no evaluation of employee " + employee + " for period " + period));
    }

    Scheme scheme(EvaluationWorkflowEntity w) {
        return registry.source(w.sourceId).map(MappingRegistry.SourceSetup::scheme).orElseThrow(() -> new ApiProblem(409,
                "Conflict", null, "source " + w.sourceId + " of the evaluation is no longer configured"));
    }

    static void requireState(EvaluationWorkflowEntity w, String what, WorkflowState... allowed) {
        WorkflowState s = WorkflowState.valueOf(w.state);
        if (!EnumSet.copyOf(List.of(allowed)).contains(s)) {
            throw new ApiProblem(409, "Conflict", null, "cannot " + what + " for the evaluation of " + w.employeeCode + " ("
                    + w.period + "): it is " + s + "; allowed in " + List.of(allowed));
        }
    }

    static String states(List<EvaluationWorkflowEntity> all) {
        return all.stream().map(x -> x.employeeCode + " " + x.state).toList().toString();
    }

    static AuditTrail.Subject subject(EvaluationWorkflowEntity w) {
        return AuditTrail.Subject.evaluation(w.employeeCode, w.unitCode, w.period);
    }

    /**
     * @param w the workflow row
     * @param e its latest evaluation version, or null
     * @return the audit view of the row with the evaluation's figures ({@link WorkflowHook#snapshot})
     */
    ObjectNode snapshot(EvaluationWorkflowEntity w, EvaluationEntity e) {
        return hook.snapshot(w, e);
    }

    /**
     * @param w the workflow row
     * @return the latest evaluation version of its employee and period (after a re-scoring in this
     *     transaction: the new one), or null
     */
    EvaluationEntity latest(EvaluationWorkflowEntity w) {
        return evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(w.employeeCode, w.period).orElse(null);
    }

    private JsonNode selfJson(SelfAssessmentEntity s) {
        if (s == null) {
            return null;
        }
        ObjectNode n = mapper.createObjectNode();
        n.put("proposedRating", s.proposedRating);
        n.put("generalCriteriaPoints", s.generalCriteriaPoints);
        n.put("comment", s.comment);
        n.put("submittedBy", s.submittedBy);
        n.put("submittedAt", s.submittedAt.toString());
        return n;
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String inputsOf(ReviewerInputEntity r) {
        return "reviewer inputs of " + r.employeeCode + ":" + r.period;
    }
}
