package vn.kpibridge.routes.flow;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.persistence.OutboxMessageEntity;
import vn.kpibridge.routes.persistence.OutboxRepository;

/**
 * The transactional outbox: {@link #enqueue} joins the caller's transaction (the one storing the
 * evaluation), so a message exists exactly when its evaluation does; relay routes claim pending
 * messages and mark them delivered. Delivery is at least once; the idempotency key
 * ({@code employee:period:vN}) lets a receiver drop a copy.
 */
@Service
public class OutboxService {
    /** Target: the Artemis queue of evaluation messages ({@code kpi.queues.evaluations}). */
    public static final String EVALUATIONS_QUEUE = "EVALUATIONS_QUEUE";

    private final OutboxRepository outbox;

    public OutboxService(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds a message in the caller's transaction; a second message with the same target and key
     * is not added.
     *
     * @param target delivery target, e.g. {@link #EVALUATIONS_QUEUE}
     * @param kind message kind, e.g. "evaluation"
     * @param idempotencyKey key the receiver can deduplicate on
     * @param payloadJson JSON payload
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String target, String kind, String idempotencyKey, String payloadJson) {
        if (outbox.existsByTargetAndIdempotencyKey(target, idempotencyKey)) {
            return;
        }
        OutboxMessageEntity m = new OutboxMessageEntity();
        m.target = target;
        m.kind = kind;
        m.idempotencyKey = idempotencyKey;
        m.payload = payloadJson;
        outbox.save(m);
    }

    /**
     * Claims pending messages of a target for the current (route) transaction.
     *
     * @param target the target
     * @param limit most messages to claim
     * @return the claimed messages, oldest first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxMessageEntity> claim(String target, int limit) {
        return outbox.claimPending(target, limit);
    }

    /** Marks a claimed message delivered with the target's answer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delivered(OutboxMessageEntity m, String answer) {
        m.status = OutboxMessageEntity.DELIVERED;
        m.attempts++;
        m.lastAnswer = answer;
        m.deliveredAt = OffsetDateTime.now();
        m.updatedAt = m.deliveredAt;
        outbox.save(m);
    }

    /** @return messages of a target not yet delivered. */
    @Transactional(readOnly = true)
    public long pending(String target) {
        return outbox.countByTargetAndStatus(target, OutboxMessageEntity.PENDING);
    }
}
