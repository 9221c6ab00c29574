package vn.kpibridge.routes.run;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * What one sync run did with one configured source (table {@code sync_run_source}, migration V5).
 * Counts are of this run only: pages are REST pages, SQL row batches or inbox files; errors are
 * the records kept as REJECTED or QUARANTINED, plus rejected files, plus 1 when the pull failed;
 * {@code quarantined} (migration V9) counts the poison records apart.
 */
@Entity
@Table(name = "sync_run_source")
public class SyncRunSourceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public Long runId;
    public String sourceId;
    public String sourceType;
    @Enumerated(EnumType.STRING)
    public SourceRunStatus status = SourceRunStatus.PENDING;
    public int pages;
    public int records;
    public int stored;
    public int duplicates;
    public int mapped;
    public int unmapped;
    public int rejected;
    public int quarantined;
    public int errors;
    public long elapsedMs;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
    public String errorText;

    /** @return the row id, null before it is stored */
    public Long getId() {
        return id;
    }
}
