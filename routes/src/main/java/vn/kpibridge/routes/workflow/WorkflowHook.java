package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
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
    private final ObjectMapper mapper = new ObjectMapper();

    public WorkflowHook(EvaluationWorkflowRepository workflows, AuditTrail audit, Clock kpiClock) {
        this.workflows = workflows;
        this.audit = audit;
        this.clock = kpiClock;
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
            w = new EvaluationWorkflowEntity();
            w.employeeCode = e.employeeCode;
            w.unitCode = e.unitCode;
            w.period = e.period;
            w.sourceId = sourceId;
            w.schemeId = e.schemeId;
            w.state = WorkflowState.PROVISIONAL.name();
            w.evaluationVersion = e.version;
            w.updatedAt = OffsetDateTime.now(clock);
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
        w.updatedAt = OffsetDateTime.now(clock);
        workflows.save(w);
        audit.record(Caller.SYSTEM, "RESCORED_FROM_RECORDS", subject, before, snapshot(w, e), reason);
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
