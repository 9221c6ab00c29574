package vn.kpibridge.routes.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>The stored result ({@code evaluation.result}) and the messages are compact JSON (no
 * indentation, since migration V14): they are read by programs, and the indentation was a quarter
 * of a 19 KB result that PostgreSQL compressed and the pretty printer spent CPU on. {@link #resultJsonBytes}
 * is the one definition of a result's bytes; the human-facing files ({@code PartyExportPackage},
 * {@code ScoringPreview}) keep their own indented writers.
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
    /**
     * Writes the stored result and the message, and reads a stored result back: Jackson's defaults,
     * compact output (no indentation since V14; indented before); thread-safe.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /**
     * The result's writer: an {@link Evaluation}'s fields in declaration order, compact, map entries
     * by key. The only maps are an axis' ratios, which the scoring builds as an {@code EnumMap}
     * (enum order, so ordering changes nothing for a scored evaluation); an evaluation read back has
     * them in a {@code LinkedHashMap} in the stored text's order, which for a version stored as
     * jsonb before V12 is jsonb's (by key length): ordering by key writes it as it was scored.
     */
    private static final ObjectWriter RESULT_WRITER = MAPPER.writerFor(Evaluation.class)
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    /** The result's reader. */
    private static final ObjectReader RESULT_READER = MAPPER.readerFor(Evaluation.class);

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
        String sha = resultSha256(resultJson);
        EvaluationEntity latest = evaluations.findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(
                target.employeeCode(), target.period()).orElse(null);
        if (latest != null && latest.resultSha256.equals(sha)) {
            return new ScoreOutcome(evaluation, target.period(), latest.version, false);
        }
        EvaluationEntity e = newVersion(employee, target.period(), setup.scheme().id(), evaluation, sha,
                latest == null ? 1 : latest.version + 1);
        // the JPA path binds the result as a string (EvaluationEntity.result, "?::json"); the batch path
        // (UnitPeriodScoring) binds the bytes themselves
        e.result = new String(resultJson, StandardCharsets.UTF_8);
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
     * A new evaluation version as stored (shared with {@link UnitPeriodScoring}), without its result
     * text: the caller binds the bytes of {@link #resultJsonBytes} (the batch path) or sets
     * {@link EvaluationEntity#result} to them as text before saving it with JPA.
     *
     * @param employee the employee (code and unit from the identity map)
     * @param period period code
     * @param schemeId scheme id
     * @param evaluation the evaluation
     * @param sha {@link #resultSha256} of its result JSON
     * @param version the version number (latest + 1, or 1)
     * @return the unsaved entity, {@code result} null
     */
    static EvaluationEntity newVersion(Employee employee, String period, String schemeId, Evaluation evaluation,
            String sha, int version) {
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
        return e;
    }

    /**
     * The one definition of a stored result ({@code evaluation.result}, type json since V12): the
     * evaluation as compact JSON (Jackson's defaults: the record's components in declaration order,
     * numbers as {@code BigDecimal.toString()} gives them, e.g. {@code 1E+1} for a stripped 10, no
     * whitespace between tokens; map entries by key, i.e. the ratios in {@code Ratio} order), UTF-8
     * encoded. Its {@link #resultSha256} tells whether a result changed; both scoring paths
     * ({@link #score}, {@link UnitPeriodScoring}) and migration V14 ({@code V14__Compact_evaluation_results})
     * write these bytes and nothing else, so the same evaluation is always the same bytes and the
     * same SHA-256.
     *
     * @param evaluation an evaluation
     * @return the UTF-8 bytes of the result JSON (14,485 characters on average for the benchmark's
     *     39 items per employee; 19,187 indented before V14)
     * @throws IllegalStateException when Jackson cannot write it (not expected for a scored evaluation)
     */
    public static byte[] resultJsonBytes(Evaluation evaluation) {
        try {
            return RESULT_WRITER.writeValueAsBytes(evaluation);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param resultJson the UTF-8 bytes of a result ({@link #resultJsonBytes})
     * @return the lower-case hex SHA-256 of exactly those bytes, as stored in {@code evaluation.result_sha256}
     */
    public static String resultSha256(byte[] resultJson) {
        return IngestService.sha256(resultJson);
    }

    /**
     * Reads a stored result back with the mapper that writes it.
     *
     * @param resultJson a stored {@code evaluation.result} (compact, or indented as before V14)
     * @return the evaluation
     * @throws java.io.IOException when the text is not JSON, or not the JSON of an {@link Evaluation}
     *     (e.g. a property {@link Evaluation} does not have)
     */
    public static Evaluation readResult(String resultJson) throws java.io.IOException {
        return RESULT_READER.readValue(resultJson);
    }

    /**
     * Builds the published message: identity, period, version, display figures with Vietnamese
     * labels, and the exact evaluation (per-item table "Bảng 2", axes, rules fired); compact JSON
     * (indented before V14: no reader of the queue or the HR push depends on the whitespace).
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
            return message(readResult(resultJson), period, version);
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
