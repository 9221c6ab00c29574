package vn.kpibridge.routes.target;

/**
 * An outbox message claimed for one delivery attempt to a remote target (its lease taken, its
 * attempt row written as SENDING).
 *
 * @param messageId outbox message id
 * @param target target name, e.g. "HR"
 * @param idempotencyKey key sent with the message
 * @param payload the stored message JSON
 * @param round re-drives of the message so far
 * @param attempt this attempt's number within the round, from 1
 */
public record DeliveryClaim(long messageId, String target, String idempotencyKey, String payload, int round,
        int attempt) {
}
