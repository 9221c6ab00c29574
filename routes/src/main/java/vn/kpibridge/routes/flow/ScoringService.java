package vn.kpibridge.routes.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.persistence.EmployeeAssessmentEntity;
import vn.kpibridge.routes.persistence.EmployeeAssessmentRepository;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationRepository;
import vn.kpibridge.routes.persistence.WorkItemEntity;
import vn.kpibridge.routes.persistence.WorkItemRepository;
import vn.kpibridge.routes.workflow.HumanInputs;
import vn.kpibridge.routes.workflow.WorkflowHook;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.EvaluationSubject;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.ScoringEngine;
import vn.kpibridge.scoring.WorkItem;

/**
 * Re-scores one (employee, period) from the stored work items and assessment with the scheme of
 * the source, and stores a new evaluation version, with its outbox message, only when the result
 * changed (so a second run over the same records adds nothing and publishes nothing).
 *
 * <p>Human inputs are never overwritten by records: the employee's self-assessment and the
 * reviewer's inputs are applied over the records at every scoring, and every new version is
 * reported to the workflow ({@link WorkflowHook}: a new evaluation starts PROVISIONAL; a changed
 * result of an approved one goes back for review).
 *
 * <p>The message JSON carries the display figures (percentages and points with 2 decimals, the
 * Vietnamese rating labels) next to the exact evaluation with its per-item table and rules fired.
 */
@Service
public class ScoringService {
    private final MappingRegistry registry;
    private final WorkItemRepository workItems;
    private final EmployeeAssessmentRepository assessments;
    private final EvaluationRepository evaluations;
    private final OutboxService outbox;
    private final HumanInputs humanInputs;
    private final WorkflowHook workflow;
    /** Writes the stored result and the message (indented, as stored since issue 2); thread-safe. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ScoringService(MappingRegistry registry, WorkItemRepository workItems,
            EmployeeAssessmentRepository assessments, EvaluationRepository evaluations, OutboxService outbox,
            HumanInputs humanInputs, WorkflowHook workflow) {
        this.humanInputs = humanInputs;
        this.workflow = workflow;
        this.outbox = outbox;
        this.registry = registry;
        this.workItems = workItems;
        this.assessments = assessments;
        this.evaluations = evaluations;
    }

    /**
     * @param target the employee and period to score
     * @return the outcome; {@code newVersion} tells whether anything was stored
     * @throws IllegalStateException when the source or employee is no longer configured
     */
    @Transactional
    public ScoreOutcome score(EmployeePeriod target) {
        SourceSetup setup = registry.source(target.sourceId())
                .orElseThrow(() -> new IllegalStateException("source " + target.sourceId() + " is not configured"));
        Employee employee = setup.identities().employeeByCode(target.employeeCode())
                .orElseThrow(() -> new IllegalStateException("employee " + target.employeeCode() + " not in "
                        + setup.identities().file()));
        // the people's inputs (self-assessment, reviewer inputs) are applied over the records (issue 6)
        Evaluation evaluation = new ScoringEngine(setup.scheme()).score(null, subject(employee, target.period()), null, null)
                .evaluation();

        byte[] resultJson = resultJsonBytes(evaluation);
        String sha = IngestService.sha256(resultJson);
        EvaluationEntity latest = evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(
                target.employeeCode(), target.period()).orElse(null);
        if (latest != null && latest.resultSha256.equals(sha)) {
            return new ScoreOutcome(evaluation, target.period(), latest.version, false);
        }
        EvaluationEntity e = newVersion(employee, target.period(), setup.scheme().id(), evaluation,
                new String(resultJson, java.nio.charset.StandardCharsets.UTF_8), sha, latest == null ? 1 : latest.version + 1);
        evaluations.save(e);
        ScoreOutcome outcome = new ScoreOutcome(evaluation, target.period(), e.version, true);
        // same transaction as the evaluation: the messages (queue, evaluation.finalized event, HR
        // push when on) exist exactly when the version does
        outbox.enqueueEvaluation(outcome, e.getId());
        workflow.versionStored(target.sourceId(), e);
        return outcome;
    }

    /**
     * What is scored for an employee and period: the stored work items and assessment record, with
     * the stored self-assessment and reviewer inputs applied ({@link HumanInputs}).
     *
     * @param employee the employee as the identity map knows them
     * @param period period code
     * @return the subject for {@link ScoringEngine}, without period facts or unit (as before issue 6)
     */
    @Transactional(readOnly = true)
    public EvaluationSubject subject(Employee employee, String period) {
        List<WorkItem> items = workItems.findByEmployeeCodeAndPeriodOrderByRecordId(employee.code(), period).stream()
                .map(ScoringService::toWorkItem).toList();
        EmployeeAssessmentEntity a = assessments.findByEmployeeCodeAndPeriod(employee.code(), period).orElse(null);
        return humanInputs.subject(employee, period, input(employee, items, a));
    }

    /**
     * The input the records give (shared with {@link UnitPeriodScoring}): identity from the map,
     * the work items, and the assessment record's general criteria, force majeure and self rating.
     *
     * @param employee the employee as the identity map knows them
     * @param items the work items, in record id order
     * @param a the assessment record, or null
     * @return the input before the people's inputs are applied
     */
    static EmployeeInput input(Employee employee, List<WorkItem> items, EmployeeAssessmentEntity a) {
        return new EmployeeInput(employee.code(), employee.fullName(), employee.position(),
                employee.unitCode(), employee.leader(), a == null ? null : a.generalCriteriaPoints, items,
                a == null ? null : a.forceMajeure, a == null || a.selfProposedRating == null ? null
                        : Rating.valueOf(a.selfProposedRating));
    }

    /**
     * A new evaluation version as stored (shared with {@link UnitPeriodScoring}).
     *
     * @param employee the employee (code and unit from the identity map)
     * @param period period code
     * @param schemeId scheme id
     * @param evaluation the evaluation
     * @param resultJson the result JSON of it ({@link #resultJsonBytes} as text)
     * @param sha the hex SHA-256 of its UTF-8 bytes
     * @param version the version number (latest + 1, or 1)
     * @return the unsaved entity
     */
    static EvaluationEntity newVersion(Employee employee, String period, String schemeId, Evaluation evaluation,
            String resultJson, String sha, int version) {
        EvaluationEntity e = new EvaluationEntity();
        e.employeeCode = employee.code();
        e.unitCode = employee.unitCode();
        e.period = period;
        e.schemeId = schemeId;
        e.version = version;
        e.resultSha256 = sha;
        e.totalPoints = evaluation.displayedTotal();
        e.pointsBand = evaluation.pointsBand().name();
        e.proposedRating = evaluation.proposedRating().name();
        e.result = resultJson;
        return e;
    }

    /**
     * The stored result JSON (indented) as UTF-8 bytes: its SHA-256 tells whether a result changed,
     * and the string is built only when a new version is stored.
     *
     * @param evaluation an evaluation
     * @return the UTF-8 bytes of the result JSON
     */
    static byte[] resultJsonBytes(Evaluation evaluation) {
        try {
            return MAPPER.writeValueAsBytes(evaluation);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Builds the published message: identity, period, version, display figures with Vietnamese
     * labels, and the exact evaluation (per-item table "Bảng 2", axes, rules fired).
     */
    static String message(Evaluation ev, String period, int version) {
        return write(messageTree(ev, period, version));
    }

    /**
     * The published message of a stored version, built from its stored result JSON (the claim
     * check of the outbox, {@link OutboxService#payload}): the same message as when it was scored.
     *
     * @param resultJson the version's {@code evaluation.result}
     * @param period period code
     * @param version version number
     * @return the message JSON
     * @throws IllegalStateException when the stored result cannot be read back as an evaluation
     */
    static String message(String resultJson, String period, int version) {
        try {
            return message(MAPPER.readValue(resultJson, Evaluation.class), period, version);
        } catch (java.io.IOException ex) {
            throw new IllegalStateException("the stored result of " + period + " v" + version + " cannot be read back: "
                    + ex.getMessage(), ex);
        }
    }

    private static ObjectNode messageTree(Evaluation ev, String period, int version) {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("idempotencyKey", EvaluationEntity.idempotencyKey(ev.employeeId(), period, version));
        m.put("employeeCode", ev.employeeId());
        m.put("fullName", ev.fullName());
        m.put("position", ev.position());
        m.put("unitCode", ev.unitCode());
        m.put("period", period);
        m.put("periodLabel", Period.parse(period).label());
        m.put("schemeId", ev.schemeId());
        m.put("version", version);
        ObjectNode display = m.putObject("display");
        display.put("generalPoints", Decimals.display(ev.generalPoints()));
        display.put("taskPoints", Decimals.display(ev.taskPoints()));
        display.put("totalPoints", ev.displayedTotal());
        display.put("quantityPercent", Decimals.percent(ev.quantityRatio()));
        var axes = display.putArray("axes");
        for (AxisResult ax : ev.axes()) {
            ObjectNode n = axes.addObject();
            n.put("code", ax.code());
            n.put("name", ax.name());
            n.put("maxPoints", ax.maxPoints());
            ax.ratios().forEach((r, v) -> n.put(r.name().toLowerCase(java.util.Locale.ROOT) + "Percent", Decimals.percent(v)));
            n.put("kpiPercent", Decimals.percent(ax.kpi()));
            n.put("points", Decimals.display(ax.points()));
        }
        display.put("pointsBand", ev.pointsBand().name());
        display.put("pointsBandLabel", ev.pointsBand().label());
        display.put("proposedRating", ev.proposedRating().name());
        display.put("proposedRatingLabel", ev.proposedRating().label());
        m.set("evaluation", MAPPER.valueToTree(ev));
        return m;
    }

    private static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static WorkItem toWorkItem(WorkItemEntity w) {
        // numeric columns come back with their column scale (1.2000000000): strip for exact, clean figures
        return new WorkItem(w.recordId, w.title, w.productCode, w.axis, strip(w.coefficient), strip(w.share),
                strip(w.plannedQuantity), strip(w.doneQuantity), new ItemReview(w.qualityFailures, w.lateDeliveries,
                        w.leadershipFailures, w.objectiveCause, strip(w.qualityFactor), strip(w.timelinessFactor),
                        strip(w.leadershipFactor)));
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }
}
