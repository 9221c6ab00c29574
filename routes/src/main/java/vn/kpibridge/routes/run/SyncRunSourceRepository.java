package vn.kpibridge.routes.run;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Per-source rows of sync runs. */
public interface SyncRunSourceRepository extends JpaRepository<SyncRunSourceEntity, Long> {
    /** @return the sources of a run, in source id order */
    List<SyncRunSourceEntity> findByRunIdOrderBySourceId(long runId);

    /** @return the latest row of a source whose run reached it (not PENDING), for its health */
    Optional<SyncRunSourceEntity> findFirstBySourceIdAndStatusNotOrderByIdDesc(String sourceId,
            SourceRunStatus status);

    /** Marks the unfinished sources of runs just interrupted as stale. */
    @Modifying
    @Query("update SyncRunSourceEntity s set s.status = vn.kpibridge.routes.run.SourceRunStatus.INTERRUPTED, "
            + "s.errorText = ?1 where s.status in (vn.kpibridge.routes.run.SourceRunStatus.PENDING, "
            + "vn.kpibridge.routes.run.SourceRunStatus.RUNNING) and s.runId in (select r.id from SyncRunEntity r "
            + "where r.status = vn.kpibridge.routes.run.SyncRunStatus.INTERRUPTED)")
    int interruptUnfinished(String reason);
}
