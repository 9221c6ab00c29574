package vn.kpibridge.routes.flow;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.persistence.EmployeeAssessmentEntity;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.WorkItemEntity;
import vn.kpibridge.routes.security.UnitTree;
import vn.kpibridge.routes.workflow.HumanInputs;
import vn.kpibridge.routes.workflow.WorkflowHook;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.ExcellentQuota;
import vn.kpibridge.scoring.OrgUnit;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.ScoringEngine;
import vn.kpibridge.scoring.WorkItem;

/**
 * Re-scores many employees of one (unit, period) at once (issue 8 point 3, "set-based reads for
 * scoring"): the stored results are exactly those of calling {@link ScoringService#score} for each
 * employee in the order given (same versions, result JSON and SHA-256, outbox messages, workflow
 * states and audit entries; an unchanged result adds nothing), with a handful of statements per
 * unit instead of about eight per employee:
 *
 * <ol>
 *   <li>reads, one statement each for all the employees ({@code employee_code = any(?)}): their work
 *       items (record id order, as {@link ScoringService}), assessment records, self-assessments and
 *       reviewer inputs ({@link HumanInputs#storedInputs}), and the latest evaluation version of each
 *       ({@code distinct on (employee_code)});</li>
 *   <li>scoring with the source's scheme ({@link ScoringEngine}, the people's inputs applied by
 *       {@link HumanInputs}), in memory;</li>
 *   <li>writes, as JDBC batches, only for the changed results: the new evaluation versions, their
 *       outbox messages ({@link OutboxService#enqueueEvaluations}), workflow rows and audit entries
 *       ({@link WorkflowHook#versionsStored}).</li>
 * </ol>
 * One transaction per call (it joins the caller's, whose pending JPA changes are flushed first so
 * the reads see them).
 *
 * <p>Thread-safe: units may be scored in parallel (one call per unit); two calls for the same
 * employees at the same time are not supported (the second may fail on the unique version key
 * {@code uq_evaluation}, as two {@link ScoringService#score} calls would).
 */
@Service
public class UnitPeriodScoring {
    private static final String ITEM_COLUMNS = "employee_code, record_id, title, product_code, axis, coefficient, share, "
            + "planned_quantity, done_quantity, quality_failures, late_deliveries, leadership_failures, objective_cause, "
            + "quality_factor, timeliness_factor, leadership_factor";

    /**
     * The scores of one call.
     *
     * @param outcomes one per employee, in the order the employees were given (duplicates dropped)
     * @param results the scoring module's result of each employee, same order: the input of
     *     {@link ExcellentQuota} (see {@link UnitPeriodScoring#quota})
     */
    public record UnitScores(List<ScoreOutcome> outcomes, List<EmployeeResult> results) {
        /** Copies the lists. */
        public UnitScores {
            outcomes = List.copyOf(outcomes);
            results = List.copyOf(results);
        }

        /** @return how many new evaluation versions were stored */
        public long newVersions() {
            return outcomes.stream().filter(ScoreOutcome::newVersion).count();
        }
    }

    private final MappingRegistry registry;
    private final JdbcTemplate jdbc;
    private final HumanInputs humanInputs;
    private final OutboxService outbox;
    private final WorkflowHook workflow;
    private final UnitTree tree;
    @PersistenceContext
    private EntityManager entityManager;

    /**
     * @param registry the sources (scheme, identity map)
     * @param jdbc the database
     * @param humanInputs the people's inputs
     * @param outbox the outbox
     * @param workflow the workflow hook
     * @param tree unit names and parents (for the quota's wording)
     */
    public UnitPeriodScoring(MappingRegistry registry, JdbcTemplate jdbc, HumanInputs humanInputs, OutboxService outbox,
            WorkflowHook workflow, UnitTree tree) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.humanInputs = humanInputs;
        this.outbox = outbox;
        this.workflow = workflow;
        this.tree = tree;
    }

    /**
     * Re-scores the employees of one (unit, period).
     *
     * @param sourceId the source whose mapping gives the scheme and the identity map
     * @param unitCode the unit the employees are re-scored for (names the partition in errors; each
     *     stored version carries the employee's unit from the identity map, as {@link ScoringService})
     * @param period period code, e.g. "2026-06"
     * @param employeeCodes employee codes; duplicates are scored once; empty gives an empty list
     * @return one outcome per employee, in the order given: {@code newVersion} tells whether a
     *     version was stored now
     * @throws IllegalStateException when the source is not configured, an employee code is not in
     *     its identity map (naming it), or an employee cannot be scored; nothing is stored then
     */
    @Transactional
    public List<ScoreOutcome> score(String sourceId, String unitCode, String period, Collection<String> employeeCodes) {
        return scoreUnit(sourceId, unitCode, period, employeeCodes).outcomes();
    }

    /**
     * {@link #score}, also giving the scoring module's results for the quota pass ({@link #quota}).
     *
     * @param sourceId the source
     * @param unitCode the unit
     * @param period period code
     * @param employeeCodes employee codes
     * @return the outcomes and the results, in the order given
     * @throws IllegalStateException as {@link #score}
     */
    @Transactional
    public UnitScores scoreUnit(String sourceId, String unitCode, String period, Collection<String> employeeCodes) {
        SourceSetup setup = registry.source(sourceId)
                .orElseThrow(() -> new IllegalStateException("source " + sourceId + " is not configured"));
        Map<String, Employee> employees = new LinkedHashMap<>();
        for (String code : employeeCodes) {
            if (!employees.containsKey(code)) {
                employees.put(code, setup.identities().employeeByCode(code).orElseThrow(() -> new IllegalStateException(
                        "employee " + code + " (unit " + unitCode + ", " + period + ") not in " + setup.identities().file())));
            }
        }
        if (employees.isEmpty()) {
            return new UnitScores(List.of(), List.of());
        }
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
        String[] codes = employees.keySet().toArray(String[]::new);

        // 1. set-based reads
        Map<String, List<WorkItem>> items = new HashMap<>();
        jdbc.query("select " + ITEM_COLUMNS + " from work_item where period = ? and employee_code = any(?) "
                + "order by record_id", rs -> {
                    items.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(ScoringService.toWorkItem(workItem(rs)));
                }, period, codes);
        Map<String, EmployeeAssessmentEntity> assessments = new HashMap<>();
        jdbc.query("select employee_code, general_criteria_points, self_proposed_rating, force_majeure "
                + "from employee_assessment where period = ? and employee_code = any(?)", rs -> {
                    EmployeeAssessmentEntity a = new EmployeeAssessmentEntity();
                    a.employeeCode = rs.getString(1);
                    a.period = period;
                    a.generalCriteriaPoints = rs.getBigDecimal(2);
                    a.selfProposedRating = rs.getString(3);
                    a.forceMajeure = rs.getString(4);
                    assessments.put(a.employeeCode, a);
                }, period, codes);
        Map<String, HumanInputs.Stored> inputs = humanInputs.storedInputs(period, employees.keySet());
        Map<String, Latest> latest = new HashMap<>();
        // the latest version per employee, probing uq_evaluation backwards once per employee (a lateral
        // subquery with limit 1): "employee_code = any(?)" let the planner scan the whole table while
        // it was being filled (no statistics yet), 57 s of the 4x full-month run's database time
        jdbc.query("select t.c, e.version, e.result_sha256 from unnest(?::varchar[]) as t(c) cross join lateral "
                + "(select version, result_sha256 from evaluation where employee_code = t.c and period = ? "
                + "order by version desc limit 1) e", rs -> {
                    latest.put(rs.getString(1), new Latest(rs.getInt(2), rs.getString(3)));
                }, codes, period);

        // 2. scoring, in memory
        Scheme scheme = setup.scheme();
        ScoringEngine engine = new ScoringEngine(scheme);
        List<ScoreOutcome> outcomes = new ArrayList<>(employees.size());
        List<EmployeeResult> results = new ArrayList<>(employees.size());
        List<NewVersion> versions = new ArrayList<>();
        List<ScoreOutcome> published = new ArrayList<>();
        for (Employee employee : employees.values()) {
            var subject = humanInputs.subject(employee, ScoringService.input(employee,
                    items.getOrDefault(employee.code(), List.of()), assessments.get(employee.code())),
                    inputs.getOrDefault(employee.code(), HumanInputs.Stored.NONE));
            EmployeeResult result = engine.score(null, subject, null, null);
            Evaluation evaluation = result.evaluation();
            if (evaluation == null) {
                throw new IllegalStateException("employee " + employee.code() + " (unit " + unitCode + ", " + period
                        + ") cannot be scored: " + result.eligibility());
            }
            results.add(result);
            // the stored JSON as UTF-8 bytes: hashed and stored as they are, never decoded to a string
            byte[] resultJson = ScoringService.resultJsonBytes(evaluation);
            String sha = ScoringService.resultSha256(resultJson);
            Latest last = latest.get(employee.code());
            if (last != null && last.sha().equals(sha)) {
                outcomes.add(new ScoreOutcome(evaluation, period, last.version(), false));
                continue;
            }
            int version = last == null ? 1 : last.version() + 1;
            versions.add(new NewVersion(ScoringService.newVersion(employee, period, scheme.id(), evaluation, sha, version),
                    resultJson));
            ScoreOutcome o = new ScoreOutcome(evaluation, period, version, true);
            outcomes.add(o);
            published.add(o);
        }

        // 3. batched writes, only for the changed results
        if (!versions.isEmpty()) {
            insertVersions(versions);
            outbox.enqueueEvaluations(published);
            workflow.versionsStored(sourceId, versions.stream().map(NewVersion::row).toList());
        }
        return new UnitScores(outcomes, results);
    }

    /**
     * The EXCELLENT quota over a unit's results, as the approval applies it ({@link ExcellentQuota}
     * with the scheme's reading; seed 002 II.2 (5), DOMAIN.md 3a): the system's proposal only,
     * nothing is stored.
     *
     * @param sourceId the source (its scheme has the quota settings)
     * @param unitCode the unit (its name and parent from the unit tree, when known)
     * @param results the unit's results, e.g. {@link UnitScores#results()}
     * @return the results with their quota marks and final proposals, and one outcome per group
     * @throws IllegalStateException when the source is not configured
     * @throws IllegalArgumentException when the unit's granted rate exceeds the scheme's maximum
     */
    public ExcellentQuota.Applied quota(String sourceId, String unitCode, List<EmployeeResult> results) {
        SourceSetup setup = registry.source(sourceId)
                .orElseThrow(() -> new IllegalStateException("source " + sourceId + " is not configured"));
        return ExcellentQuota.apply(setup.scheme(), OrgUnit.of(unitCode, tree.name(unitCode), tree.parent(unitCode)), results);
    }

    /**
     * Inserts the new versions as JDBC batches of 500. The result is bound as its UTF-8 bytes
     * ({@code bytea}) and turned into the json value by the server ({@code convert_from(?, 'UTF8')::json}:
     * checked to be UTF-8 and JSON, stored as the same text), so no Java string is built and pgjdbc
     * encodes nothing: {@code result::text} is exactly the bytes hashed into {@code result_sha256}.
     *
     * @param versions the new versions with their results' bytes
     */
    private void insertVersions(List<NewVersion> versions) {
        jdbc.batchUpdate("insert into evaluation (employee_code, unit_code, period, scheme_id, version, result_sha256, "
                + "total_points, points_band, proposed_rating, result, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, convert_from(?, 'UTF8')::json, ?)", versions, 500, (ps, v) -> {
                    EvaluationEntity e = v.row();
                    ps.setString(1, e.employeeCode);
                    ps.setString(2, e.unitCode);
                    ps.setString(3, e.period);
                    ps.setString(4, e.schemeId);
                    ps.setInt(5, e.version);
                    ps.setString(6, e.resultSha256);
                    ps.setBigDecimal(7, e.totalPoints);
                    ps.setString(8, e.pointsBand);
                    ps.setString(9, e.proposedRating);
                    ps.setBytes(10, v.result());
                    ps.setObject(11, e.createdAt);
                });
    }

    private static WorkItemEntity workItem(ResultSet rs) throws SQLException {
        WorkItemEntity w = new WorkItemEntity();
        w.employeeCode = rs.getString(1);
        w.recordId = rs.getString(2);
        w.title = rs.getString(3);
        w.productCode = rs.getString(4);
        w.axis = rs.getString(5);
        w.coefficient = rs.getBigDecimal(6);
        w.share = rs.getBigDecimal(7);
        w.plannedQuantity = rs.getBigDecimal(8);
        w.doneQuantity = rs.getBigDecimal(9);
        w.qualityFailures = rs.getInt(10);
        w.lateDeliveries = rs.getInt(11);
        w.leadershipFailures = rs.getInt(12);
        w.objectiveCause = rs.getString(13);
        w.qualityFactor = rs.getBigDecimal(14);
        w.timelinessFactor = rs.getBigDecimal(15);
        w.leadershipFactor = rs.getBigDecimal(16);
        return w;
    }

    private record Latest(int version, String sha) {
    }

    /** A new version to insert: its row ({@code result} unset) and its result's UTF-8 bytes. */
    private record NewVersion(EvaluationEntity row, byte[] result) {
    }
}
