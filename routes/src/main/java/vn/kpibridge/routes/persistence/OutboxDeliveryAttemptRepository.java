package vn.kpibridge.routes.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Delivery attempts of outbox messages to remote targets. */
public interface OutboxDeliveryAttemptRepository extends JpaRepository<OutboxDeliveryAttemptEntity, Long> {
    /** @return the attempts of a message, oldest first */
    List<OutboxDeliveryAttemptEntity> findByMessageIdOrderById(long messageId);

    /** @return the attempt of a message in a round, if it was recorded */
    Optional<OutboxDeliveryAttemptEntity> findByMessageIdAndRoundAndAttempt(long messageId, int round, int attempt);

    /** @return how many attempts have this outcome (SENDING: calls running or cut off) */
    long countByOutcome(String outcome);
}
