package vn.kpibridge.routes.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Delivery attempts of outbox messages to remote targets. */
public interface OutboxDeliveryAttemptRepository extends JpaRepository<OutboxDeliveryAttemptEntity, Long> {
    /** @return the attempt of a message in a round, if it was recorded */
    Optional<OutboxDeliveryAttemptEntity> findByMessageIdAndRoundAndAttempt(long messageId, int round, int attempt);

    /**
     * Marks the attempts of a message still SENDING as ABANDONED (their process stopped during the
     * call), with the reason as answer.
     *
     * @return how many were marked
     */
    @Modifying(flushAutomatically = true)
    @Query("update OutboxDeliveryAttemptEntity a set a.outcome = 'ABANDONED', a.answer = ?2 where a.messageId = ?1 "
            + "and a.outcome = 'SENDING'")
    int markAbandoned(long messageId, String reason);

    /** @return how many attempts have this outcome (SENDING: calls running or cut off) */
    long countByOutcome(String outcome);
}
