package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.EvaluationWorkflowEntity;
import vn.kpibridge.routes.persistence.EvaluationWorkflowRepository;
import vn.kpibridge.routes.security.Caller;

/**
 * Keeps the workflow in step with new evaluation versions (called by ScoringService in its
 * transaction):
 *
 * <ul>
 *   <li>the first version of an (employee, period) starts the workflow as PROVISIONAL;</li>
 *   <li>a new version driven by records (not by a person's input) of an APPROVED or PUBLISHED
 *       evaluation sends it back for review: state REOPENED with the reason "new records", the
 *       earlier approval and publication kept for the record; the published message stays what it
 *       was until the authority approves and publishes again;</li>
 *   <li>in the other states the workflow just points at the new version (the people's inputs are
 *       applied to it anyway).</li>
 * </ul>
 * Each of these is an audit entry by {@link Caller#SYSTEM}. A version made by a person's input
 * (self-assessment, review) runs inside {@link #byPerson}: the service that made it records the
 * state change and the audit entry itself.
 */
@Component
public class WorkflowHook {
    private static final ThreadLocal<Boolean> BY_PERSON = ThreadLocal.withInitial(() -> false);

    private final EvaluationWorkflowRepository workflows;
    private final AuditTrail audit;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param workflows workflow rows (one at a time)
     * @param audit the audit trail
     * @param kpiClock the workflow clock ({@code updated_at})
     * @param jdbc the same database, for the set-based {@link #versionsStored}
     */
    public WorkflowHook(EvaluationWorkflowRepository workflows, AuditTrail audit, Clock kpiClock, JdbcTemplate jdbc) {
        this.workflows = workflows;
        this.audit = audit;
        this.clock = kpiClock;
        this.jdbc = jdbc;
    }

    /**
     * Runs a re-scoring caused by a person's input: the hook then only points the workflow at the
     * new version.
     *
     * @param work the scoring call
     * @param <T> its result
     * @return its result
     */
    public <T> T byPerson(Supplier<T> work) {
        boolean before = BY_PERSON.get();
        BY_PERSON.set(true);
        try {
            return work.get();
        } finally {
            BY_PERSON.set(before);
        }
    }

    /**
     * @param sourceId the source whose scheme scored it
     * @param e the evaluation version just stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void versionStored(String sourceId, EvaluationEntity e) {
        EvaluationWorkflowEntity w = workflows.findByEmployeeCodeAndPeriod(e.employeeCode, e.period).orElse(null);
        AuditTrail.Subject subject = AuditTrail.Subject.evaluation(e.employeeCode, e.unitCode, e.period);
        if (w == null) {
            w = provisional(sourceId, e, OffsetDateTime.now(clock));
            workflows.save(w);
            audit.record(Caller.SYSTEM, "EVALUATION_CREATED", subject, null, snapshot(w, e), "scored from records");
            return;
        }
        if (BY_PERSON.get()) {
            w.evaluationVersion = e.version;
            w.updatedAt = OffsetDateTime.now(clock);
            workflows.save(w);
            return;
        }
        ObjectNode before = snapshot(w, null);
        String reason = rescoredFromRecords(w, sourceId, e);
        w.updatedAt = OffsetDateTime.now(clock);
        workflows.save(w);
        audit.record(Caller.SYSTEM, "RESCORED_FROM_RECORDS", subject, before, snapshot(w, e), reason);
    }

    /** @return the workflow of a first version: PROVISIONAL, pointing at it */
    private static EvaluationWorkflowEntity provisional(String sourceId, EvaluationEntity e, OffsetDateTime now) {
        EvaluationWorkflowEntity w = new EvaluationWorkflowEntity();
        w.employeeCode = e.employeeCode;
        w.unitCode = e.unitCode;
        w.period = e.period;
        w.sourceId = sourceId;
        w.schemeId = e.schemeId;
        w.state = WorkflowState.PROVISIONAL.name();
        w.evaluationVersion = e.version;
        w.updatedAt = now;
        return w;
    }

    /**
     * Points a workflow at a new version driven by records; an APPROVED or PUBLISHED one goes back
     * for review (REOPENED, with the reason).
     *
     * @return the audit entry's reason
     */
    private static String rescoredFromRecords(EvaluationWorkflowEntity w, String sourceId, EvaluationEntity e) {
        int old = w.evaluationVersion;
        w.evaluationVersion = e.version;
        w.unitCode = e.unitCode;
        w.sourceId = sourceId;
        w.schemeId = e.schemeId;
        String reason = "new records changed the result: v" + old + " -> v" + e.version;
        WorkflowState state = WorkflowState.valueOf(w.state);
        if (state == WorkflowState.APPROVED || state == WorkflowState.PUBLISHED) {
            w.state = WorkflowState.REOPENED.name();
            w.reopenReason = reason + " after " + state.name().toLowerCase(java.util.Locale.ROOT) + "; back for review";
            reason = w.reopenReason;
        }
        return reason;
    }

    /**
     * {@link #versionStored} for many new versions of one period at once: one read of their
     * workflow rows ({@code employee_code = any(?)}), one JDBC batch of inserts (first versions,
     * PROVISIONAL), one of updates (each checked against its {@code row_version}, which goes up by
     * one as the JPA update does) and one of audit entries. The stored rows and entries are the
     * same as calling {@link #versionStored} for each version in order (ids ascending in that
     * order), {@link #byPerson} included.
     *
     * @param sourceId the source whose scheme scored them
     * @param versions the versions just stored, all of the same period, at most one per employee
     * @throws IllegalArgumentException when the versions mix periods or repeat an employee
     * @throws OptimisticLockingFailureException when a workflow row changed after it was read
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void versionsStored(String sourceId, List<EvaluationEntity> versions) {
        if (versions.isEmpty()) {
            return;
        }
        String period = versions.get(0).period;
        List<String> codes = new ArrayList<>(versions.size());
        for (EvaluationEntity e : versions) {
            if (!period.equals(e.period)) {
                throw new IllegalArgumentException("versions of periods " + period + " and " + e.period + " in one batch");
            }
            codes.add(e.employeeCode);
        }
        Map<String, long[]> ids = new HashMap<>();
        Map<String, EvaluationWorkflowEntity> existing = new HashMap<>();
        // one probe of uq_evaluation_workflow per employee (lateral, limit 1), whatever the statistics say
        jdbc.query("select w.id, w.row_version, w.employee_code, w.unit_code, w.period, w.source_id, w.scheme_id, w.state, "
                + "w.evaluation_version, w.approved_rating, w.approved_version, w.published_version, w.publications, "
                + "w.reopen_reason from unnest(?::varchar[]) as t(c) cross join lateral (select * from evaluation_workflow "
                + "where employee_code = t.c and period = ? limit 1) w", rs -> {
                    EvaluationWorkflowEntity w = new EvaluationWorkflowEntity();
                    w.rowVersion = rs.getLong(2);
                    w.employeeCode = rs.getString(3);
                    w.unitCode = rs.getString(4);
                    w.period = rs.getString(5);
                    w.sourceId = rs.getString(6);
                    w.schemeId = rs.getString(7);
                    w.state = rs.getString(8);
                    w.evaluationVersion = rs.getInt(9);
                    w.approvedRating = rs.getString(10);
                    w.approvedVersion = (Integer) rs.getObject(11);
                    w.publishedVersion = (Integer) rs.getObject(12);
                    w.publications = rs.getInt(13);
                    w.reopenReason = rs.getString(14);
                    existing.put(w.employeeCode, w);
                    ids.put(w.employeeCode, new long[] {rs.getLong(1), w.rowVersion});
                }, codes.toArray(String[]::new), period);
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean byPerson = BY_PERSON.get();
        List<EvaluationWorkflowEntity> inserts = new ArrayList<>();
        List<EvaluationWorkflowEntity> updates = new ArrayList<>();
        List<AuditTrail.Entry> entries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EvaluationEntity e : versions) {
            if (!seen.add(e.employeeCode)) {
                throw new IllegalArgumentException("employee " + e.employeeCode + " twice in one batch of versions");
            }
            EvaluationWorkflowEntity w = existing.get(e.employeeCode);
            AuditTrail.Subject subject = AuditTrail.Subject.evaluation(e.employeeCode, e.unitCode, e.period);
            if (w == null) {
                w = provisional(sourceId, e, now);
                inserts.add(w);
                entries.add(new AuditTrail.Entry(Caller.SYSTEM, "EVALUATION_CREATED", subject, null, snapshot(w, e),
                        "scored from records"));
                continue;
            }
            if (byPerson) {
                w.evaluationVersion = e.version;
                w.updatedAt = now;
                updates.add(w);
                continue;
            }
            ObjectNode before = snapshot(w, null);
            String reason = rescoredFromRecords(w, sourceId, e);
            w.updatedAt = now;
            updates.add(w);
            entries.add(new AuditTrail.Entry(Caller.SYSTEM, "RESCORED_FROM_RECORDS", subject, before, snapshot(w, e), reason));
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into evaluation_workflow (employee_code, unit_code, period, source_id, scheme_id, state, "
                    + "evaluation_version, publications, row_version, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
                    inserts, 500, (ps, w) -> {
                        ps.setString(1, w.employeeCode);
                        ps.setString(2, w.unitCode);
                        ps.setString(3, w.period);
                        ps.setString(4, w.sourceId);
                        ps.setString(5, w.schemeId);
                        ps.setString(6, w.state);
                        ps.setInt(7, w.evaluationVersion);
                        ps.setObject(8, w.updatedAt);
                    });
        }
        if (!updates.isEmpty()) {
            int[][] counts = jdbc.batchUpdate("update evaluation_workflow set unit_code = ?, source_id = ?, scheme_id = ?, "
                    + "state = ?, evaluation_version = ?, reopen_reason = ?, updated_at = ?, row_version = row_version + 1 "
                    + "where id = ? and row_version = ?", updates, 500, (ps, w) -> {
                        long[] key = ids.get(w.employeeCode);
                        ps.setString(1, w.unitCode);
                        ps.setString(2, w.sourceId);
                        ps.setString(3, w.schemeId);
                        ps.setString(4, w.state);
                        ps.setInt(5, w.evaluationVersion);
                        ps.setString(6, w.reopenReason);
                        ps.setObject(7, w.updatedAt);
                        ps.setLong(8, key[0]);
                        ps.setLong(9, key[1]);
                    });
            int i = 0;
            for (int[] batch : counts) {
                for (int c : batch) {
                    if (c == 0) {
                        throw new OptimisticLockingFailureException("workflow of " + updates.get(i).employeeCode + " "
                                + period + " changed while it was re-scored; retry");
                    }
                    i++;
                }
            }
        }
        audit.recordAll(entries);
    }

    /**
     * @param w the workflow row
     * @param e its evaluation version, or null to leave the figures out
     * @return the audit/API view: state, versions, ratings, and the evaluation's points when given
     */
    ObjectNode snapshot(EvaluationWorkflowEntity w, EvaluationEntity e) {
        ObjectNode n = mapper.createObjectNode();
        n.put("state", w.state);
        n.put("evaluationVersion", w.evaluationVersion);
        if (e != null) {
            n.put("totalPoints", e.totalPoints);
            n.put("proposedRating", e.proposedRating);
        }
        if (w.approvedRating != null) {
            n.put("approvedRating", w.approvedRating);
            n.put("approvedVersion", w.approvedVersion);
        }
        if (w.publishedVersion != null) {
            n.put("publishedVersion", w.publishedVersion);
            n.put("publications", w.publications);
        }
        return n;
    }
}
