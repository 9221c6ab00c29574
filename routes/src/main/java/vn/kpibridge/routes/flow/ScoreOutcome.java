package vn.kpibridge.routes.flow;

import vn.kpibridge.scoring.Evaluation;

/**
 * The result of re-scoring one (employee, period).
 *
 * @param evaluation the computed evaluation
 * @param period period code
 * @param version stored version of this result (unchanged results keep the latest version)
 * @param newVersion true when the result differs from the latest stored one and was stored now
 */
public record ScoreOutcome(Evaluation evaluation, String period, int version, boolean newVersion) {

    /**
     * Builds the evaluation message of a new version (JSON text, see {@link ScoringService#message});
     * built on each call, only when a message needs it (the outbox stores a reference to the
     * version instead of the message, see {@link OutboxService#payload}).
     *
     * @return the message, or null when the result was unchanged (no version, no message)
     */
    public String messageJson() {
        return newVersion ? ScoringService.message(evaluation, period, version) : null;
    }

    /** @return the idempotency key of the message: employee, period and version. */
    public String idempotencyKey() {
        return vn.kpibridge.routes.persistence.EvaluationEntity.idempotencyKey(evaluation.employeeId(), period, version);
    }
}
