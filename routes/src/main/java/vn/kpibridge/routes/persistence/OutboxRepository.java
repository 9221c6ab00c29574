package vn.kpibridge.routes.persistence;

import java.util.Collection;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The outbox. */
public interface OutboxRepository extends JpaRepository<OutboxMessageEntity, Long> {
    /**
     * Claims up to {@code limit} pending messages of a target that are due ({@code next_attempt_at}
     * reached), oldest first, locking them for the current transaction; rows locked by another
     * instance are skipped (competing relays).
     */
    @Query(value = "select * from outbox_message where status = 'PENDING' and target = ?1 and next_attempt_at <= now() "
            + "order by id limit ?2 for update skip locked", nativeQuery = true)
    List<OutboxMessageEntity> claimPending(String target, int limit);

    /** @return ids of the due pending messages of a target, oldest first, up to {@code limit} (not locked) */
    @Query(value = "select id from outbox_message where status = 'PENDING' and target = ?1 and next_attempt_at <= now() "
            + "order by id limit ?2", nativeQuery = true)
    List<Long> findDueIds(String target, int limit);

    /**
     * Claims one message for a delivery attempt when it is still pending and due: attempts + 1,
     * not due again before {@code leaseSeconds} have passed. Atomic: of two relays claiming the
     * same message, one updates the row and the other finds it no longer due.
     *
     * @return 1 when claimed, 0 when not pending or not due
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(value = "update outbox_message set attempts = attempts + 1, last_attempt_at = now(), updated_at = now(), "
            + "next_attempt_at = now() + make_interval(secs => ?2) "
            + "where id = ?1 and status = 'PENDING' and next_attempt_at <= now()", nativeQuery = true)
    int claimDue(long id, double leaseSeconds);

    /** @return the message, locked for the current transaction */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from OutboxMessageEntity m where m.id = ?1")
    Optional<OutboxMessageEntity> findForUpdate(long id);

    /** @return pending messages of these targets stored since a time and never tried */
    @Query("select count(m) from OutboxMessageEntity m where m.target in ?1 and m.status = 'PENDING' and m.attempts = 0 "
            + "and m.createdAt >= ?2")
    long countUntried(Collection<String> targets, java.time.OffsetDateTime since);

    /** @return rows {target, status, count} of the messages stored since a time */
    @Query("select m.target, m.status, count(m) from OutboxMessageEntity m where m.createdAt >= ?1 "
            + "group by m.target, m.status")
    List<Object[]> countByTargetAndStatusSince(java.time.OffsetDateTime since);

    /** @return how many messages of these targets have a status */
    long countByTargetInAndStatus(Collection<String> targets, String status);

    /** @return the message of a target with this key, if any. */
    Optional<OutboxMessageEntity> findByTargetAndIdempotencyKey(String target, String idempotencyKey);

    /** @return true when a message with this key exists for the target. */
    boolean existsByTargetAndIdempotencyKey(String target, String idempotencyKey);

    /** @return messages of a target with one of the statuses, oldest first */
    List<OutboxMessageEntity> findByTargetAndStatusInOrderById(String target, Collection<String> statuses);

    /** @return messages with one of the statuses, oldest first */
    List<OutboxMessageEntity> findByStatusInOrderById(Collection<String> statuses);
}
