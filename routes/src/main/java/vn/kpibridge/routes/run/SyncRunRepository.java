package vn.kpibridge.routes.run;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Sync runs. */
public interface SyncRunRepository extends JpaRepository<SyncRunEntity, Long> {
    /** @return the run in state RUNNING, if any (at most one: unique partial index) */
    Optional<SyncRunEntity> findFirstByStatus(SyncRunStatus status);

    /** @return the newest runs first */
    List<SyncRunEntity> findAllByOrderByIdDesc(Pageable page);

    /**
     * Marks RUNNING runs whose heartbeat is older than {@code before} as INTERRUPTED: their
     * instance was killed or lost its database.
     *
     * @return how many runs were marked
     */
    @Modifying
    @Query("update SyncRunEntity r set r.status = vn.kpibridge.routes.run.SyncRunStatus.INTERRUPTED, "
            + "r.finishedAt = CURRENT_TIMESTAMP, r.errorText = ?2 "
            + "where r.status = vn.kpibridge.routes.run.SyncRunStatus.RUNNING and r.heartbeatAt < ?1")
    int interruptStale(OffsetDateTime before, String reason);

    /** Records that the run's instance is alive. */
    @Modifying
    @Query("update SyncRunEntity r set r.heartbeatAt = CURRENT_TIMESTAMP where r.id = ?1")
    int heartbeat(long id);
}
