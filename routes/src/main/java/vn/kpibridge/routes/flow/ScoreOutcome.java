package vn.kpibridge.routes.flow;

import vn.kpibridge.scoring.Evaluation;

/**
 * The result of re-scoring one (employee, period).
 *
 * @param evaluation the computed evaluation
 * @param period period code
 * @param version stored version of this result (unchanged results keep the latest version)
 * @param newVersion true when the result differs from the latest stored one and was stored now
 * @param messageJson the evaluation message (JSON) queued for a new version; null when unchanged
 */
public record ScoreOutcome(Evaluation evaluation, String period, int version, boolean newVersion, String messageJson) {

    /** @return the idempotency key of the message: employee, period and version. */
    public String idempotencyKey() {
        return vn.kpibridge.routes.persistence.EvaluationEntity.idempotencyKey(evaluation.employeeId(), period, version);
    }
}
