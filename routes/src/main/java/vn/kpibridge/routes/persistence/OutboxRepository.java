package vn.kpibridge.routes.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The outbox. */
public interface OutboxRepository extends JpaRepository<OutboxMessageEntity, Long> {
    /**
     * Claims up to {@code limit} pending messages of a target, oldest first, locking them for the
     * current transaction; rows locked by another instance are skipped (competing relays).
     */
    @Query(value = "select * from outbox_message where status = 'PENDING' and target = ?1 order by id "
            + "limit ?2 for update skip locked", nativeQuery = true)
    List<OutboxMessageEntity> claimPending(String target, int limit);

    /** @return how many messages of a target are still pending. */
    long countByTargetAndStatus(String target, String status);

    /** @return true when a message with this key exists for the target. */
    boolean existsByTargetAndIdempotencyKey(String target, String idempotencyKey);
}
