package vn.kpibridge.routes.run;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One sync run (table {@code sync_run}, migrations V5, V8, V10). */
@Entity
@Table(name = "sync_run")
public class SyncRunEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    public SyncTrigger triggeredBy;
    @Enumerated(EnumType.STRING)
    public SyncRunStatus status = SyncRunStatus.RUNNING;
    public String instanceId;
    public OffsetDateTime startedAt = OffsetDateTime.now();
    public OffsetDateTime heartbeatAt = OffsetDateTime.now();
    /** every partition DONE or FAILED: the last one's finish time (migration V10); null until then */
    public OffsetDateTime scoredAt;
    public OffsetDateTime finishedAt;
    public Long elapsedMs;
    public String errorText;
    /** the Quartz fire time a SCHEDULED run answers; null for manual runs */
    public OffsetDateTime scheduledFor;

    /** @return the run id, null before it is stored */
    public Long getId() {
        return id;
    }
}
