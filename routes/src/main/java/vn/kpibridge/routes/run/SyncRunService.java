package vn.kpibridge.routes.run;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.flow.SyncRunTracker;
import vn.kpibridge.routes.source.PullResult;

/**
 * Sync runs as stored things (tables {@code sync_run}, {@code sync_run_source}): starts a run,
 * keeps each source's state and counts while it runs (in memory in a {@link LiveRun}, written to
 * the database at each change and every {@code kpi.sync-run.progress-interval-ms} with the run's
 * heartbeat), ends it with its status, and answers the status API and the source health.
 *
 * <p>One run at a time in the cluster: the start inserts a RUNNING row, and a partial unique
 * index refuses a second one ({@link SyncRunConflictException}). A run whose heartbeat is older
 * than {@code kpi.sync-run.stale-after-seconds} is taken as interrupted (its instance was killed)
 * and marked INTERRUPTED, at the start of this instance and before a new run starts.
 *
 * <p>Shutdown: when the application context closes, the run under way starts no further source;
 * Camel's graceful shutdown lets the source under way finish (up to {@code camel.main.shutdown-timeout});
 * a run still unfinished when this bean is destroyed is marked INTERRUPTED with the counts of what
 * was stored. Watermarks are not touched here: a pull advances its own only once every page is stored.
 */
@Service
public class SyncRunService {
    private static final Logger log = LoggerFactory.getLogger(SyncRunService.class);

    private final SyncRunRepository runs;
    private final SyncRunSourceRepository sourceRows;
    private final MappingRegistry registry;
    private final SourceReadiness readiness;
    private final SyncMetrics metrics;
    private final SyncRunTracker tracker;
    private final SyncRunProperties props;
    private final TransactionTemplate tx;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final AtomicReference<LiveRun> active = new AtomicReference<>();

    /**
     * @param runs sync runs
     * @param sourceRows their per-source rows
     * @param registry configured sources
     * @param readiness whether a source is configured on this installation
     * @param metrics business meters
     * @param tracker the inbox flow's tracker, told which run takes in the inbox
     * @param props run settings
     * @param tx transactions
     * @param jdbc the application's database (the runs' partitions)
     */
    public SyncRunService(SyncRunRepository runs, SyncRunSourceRepository sourceRows, MappingRegistry registry,
            SourceReadiness readiness, SyncMetrics metrics, SyncRunTracker tracker, SyncRunProperties props,
            TransactionTemplate tx, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.sourceRows = sourceRows;
        this.registry = registry;
        this.readiness = readiness;
        this.metrics = metrics;
        this.tracker = tracker;
        this.props = props;
        this.tx = tx;
    }

    /**
     * Starts a run: marks stale RUNNING runs INTERRUPTED, stores the new run as RUNNING with one
     * row per configured source (SKIPPED with the reason when not configured here).
     *
     * @param trigger what starts it
     * @return the run under way on this instance
     * @throws SyncRunConflictException when another run is RUNNING in the cluster
     */
    public LiveRun begin(SyncTrigger trigger) {
        return begin(trigger, null);
    }

    /**
     * {@link #begin(SyncTrigger)} for a scheduled firing.
     *
     * @param trigger what starts it
     * @param scheduledFor the Quartz fire time it answers, or null
     * @return the run under way on this instance
     * @throws SyncRunConflictException when another run is RUNNING in the cluster
     */
    public LiveRun begin(SyncTrigger trigger, OffsetDateTime scheduledFor) {
        interruptStale();
        SyncRunEntity fresh = new SyncRunEntity();
        fresh.triggeredBy = trigger;
        fresh.scheduledFor = scheduledFor;
        fresh.instanceId = props.instance();
        SyncRunEntity run;
        try {
            run = tx.execute(s -> runs.saveAndFlush(fresh));
        } catch (DataIntegrityViolationException e) {
            SyncRunEntity other = runs.findFirstByStatus(SyncRunStatus.RUNNING).orElse(null);
            if (other == null) {
                throw e;
            }
            throw new SyncRunConflictException(other.getId(), "sync run " + other.getId() + " (" + other.triggeredBy
                    + ") is running on instance " + other.instanceId + " since " + other.startedAt
                    + "; last heartbeat " + other.heartbeatAt);
        }
        long runId = run.getId();
        List<SourceSetup> setups = new ArrayList<>(registry.sources().values());
        setups.sort(Comparator.comparing(s -> s.mapping().id()));
        List<LiveSource> live = new ArrayList<>();
        List<SyncRunSourceEntity> rows = new ArrayList<>();
        List<Optional<String>> skips = new ArrayList<>();
        for (SourceSetup s : setups) {
            SyncRunSourceEntity row = new SyncRunSourceEntity();
            row.runId = runId;
            row.sourceId = s.mapping().id();
            row.sourceType = s.mapping().type();
            Optional<String> skip = readiness.notConfigured(s.mapping());
            if (skip.isPresent()) {
                row.status = SourceRunStatus.SKIPPED;
                row.errorText = skip.get();
            }
            rows.add(row);
            skips.add(skip);
        }
        List<SyncRunSourceEntity> saved = tx.execute(s -> sourceRows.saveAll(rows));
        for (int i = 0; i < saved.size(); i++) {
            SyncRunSourceEntity row = saved.get(i);
            LiveSource src = new LiveSource(row.sourceId, row.sourceType, row.getId());
            skips.get(i).ifPresent(src::skipped);
            live.add(src);
        }
        LiveRun l = new LiveRun(runId, trigger, run.startedAt, live);
        active.set(l);
        log.info("Sync run {} started ({}, instance {}): sources {}", runId, trigger, run.instanceId,
                live.stream().map(s -> s.sourceId() + " (" + s.type() + (s.status() == SourceRunStatus.SKIPPED
                        ? ", not configured: skipped" : "") + ")").toList());
        skips.stream().flatMap(Optional::stream).forEach(r -> log.info("Sync run {}: skipped, {}", runId, r));
        return l;
    }

    /**
     * @param id a run id
     * @return the run under way on this instance with this id
     * @throws IllegalStateException when this instance is not running it
     */
    public LiveRun live(long id) {
        LiveRun l = active.get();
        if (l == null || l.id() != id) {
            throw new IllegalStateException("sync run " + id + " is not under way on this instance");
        }
        return l;
    }

    /** @return the run under way on this instance, if any */
    public Optional<LiveRun> active() {
        return Optional.ofNullable(active.get());
    }

    /**
     * @param live the run
     * @return the REST and SQL sources the run pulls (configured, not yet reached), in id order
     */
    public List<String> sourcesToPull(LiveRun live) {
        return live.sources().values().stream().filter(s -> s.status() == SourceRunStatus.PENDING)
                .filter(s -> SourceMapping.TYPE_REST.equals(s.type()) || SourceMapping.TYPE_SQL.equals(s.type()))
                .map(LiveSource::sourceId).toList();
    }

    /**
     * Marks a source RUNNING before its pull, or INTERRUPTED when the application is stopping.
     *
     * @param live the run
     * @param sourceId the source
     * @param pull the exchange that carries the pull (its {@code PullRun} gives the live counts)
     * @return false when the source must not be pulled (application stopping)
     */
    public boolean sourceStarted(LiveRun live, String sourceId, Exchange pull) {
        LiveSource s = live.sources().get(sourceId);
        if (live.stopRequested()) {
            s.interrupted("not pulled: the application was stopping");
            persist(live, s);
            return false;
        }
        s.started(pull);
        persist(live, s);
        log.info("Sync run {}: pulling source {} ({})", live.id(), sourceId, s.type());
        return true;
    }

    /**
     * @param live the run
     * @param sourceId the source
     * @param r what its complete pull did
     */
    public void sourceCompleted(LiveRun live, String sourceId, PullResult r) {
        LiveSource s = live.sources().get(sourceId);
        s.completed(r);
        persist(live, s);
        metrics.records(sourceId, r.records(), r.mapped(), r.unmapped(), r.rejected(), r.quarantined());
        log.info("Sync run {}: source {} done: {} pages, {} records, {} mapped, {} unmapped, {} rejected, "
                + "{} quarantined, {} ms", live.id(), sourceId, r.pages(), r.records(), r.mapped(), r.unmapped(),
                r.rejected(), r.quarantined(), r.elapsedMs());
    }

    /**
     * Records a pull that failed after its redeliveries; the pages it stored stay counted.
     *
     * @param live the run
     * @param sourceId the source
     * @param reason the failure, naming the source and the call
     */
    public void sourceFailed(LiveRun live, String sourceId, String reason) {
        LiveSource s = live.sources().get(sourceId);
        s.failed(reason);
        persist(live, s);
        SourceCounts c = s.counts();
        metrics.records(sourceId, c.records(), c.mapped(), c.unmapped(), c.rejected(), c.quarantined());
        metrics.failure("source-pull");
        log.warn("Sync run {}: source {} failed after {} pages ({} records stored before the failure), the run goes "
                + "on with the others: {}", live.id(), sourceId, c.pages(), c.records(), reason);
    }

    /**
     * Marks the file-inbox sources RUNNING and has the files taken in from now on counted to them.
     *
     * @param live the run
     * @return false when no file source is configured (there is nothing the inbox could take in;
     *     its start, poll and stop cost the run about a second) or the application is stopping (the
     *     inbox is not taken in)
     */
    public boolean inboxStarted(LiveRun live) {
        List<LiveSource> files = fileSources(live);
        if (files.isEmpty()) {
            return false;
        }
        if (live.stopRequested()) {
            files.forEach(s -> {
                s.interrupted("inbox not taken in: the application was stopping");
                persist(live, s);
            });
            return false;
        }
        files.forEach(s -> {
            s.started(null);
            persist(live, s);
        });
        tracker.attach(live);
        return true;
    }

    /**
     * Ends the inbox step: the file-inbox sources are COMPLETED.
     *
     * @param live the run
     * @param rejectedFiles files moved to the error folder during the run, by source id
     */
    public void inboxDone(LiveRun live, Map<String, Integer> rejectedFiles) {
        tracker.detach(live);
        for (LiveSource s : fileSources(live)) {
            if (s.status() == SourceRunStatus.RUNNING) {
                s.inboxDone(rejectedFiles.getOrDefault(s.sourceId(), 0));
                persist(live, s);
                SourceCounts c = s.counts();
                log.info("Sync run {}: inbox of source {} taken in: {} files, {} records, {} mapped, {} unmapped, "
                        + "{} errors", live.id(), s.sourceId(), c.pages(), c.records(), c.mapped(), c.unmapped(),
                        c.errors());
            }
        }
    }

    /** Stops counting inbox files to the run (the inbox step failed). */
    public void inboxAbandoned(LiveRun live) {
        tracker.detach(live);
    }

    /**
     * Maintenance at the end of a run, once its results and reports are written (issue 8):
     * {@code VACUUM (ANALYZE) source_record, work_item}, the tables its pulls load in bulk, whose
     * insert-triggered autovacuum is off (migration V16) so that it does not run during the load
     * (in the benchmark's 800,000-record delta PostgreSQL used 34.6 CPU seconds in pull+store with
     * autovacuum on, 27.8 with it off). Logs what it
     * took. A failure (e.g. a database user that does not own the tables: PostgreSQL then skips them
     * with a warning) is logged and does not change the run's outcome. Runs outside any transaction
     * (VACUUM cannot run inside one).
     *
     * @param live the run
     */
    public void vacuumLoadedTables(LiveRun live) {
        long t0 = System.nanoTime();
        try {
            jdbc.execute("vacuum (analyze) source_record, work_item");
            log.info("Sync run {}: source_record and work_item vacuumed and analysed in {} ms", live.id(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("Sync run {}: vacuum of source_record and work_item failed ({}); autovacuum will do it",
                    live.id(), e.getMostSpecificCause().getMessage());
        }
    }

    /**
     * Ends a run: COMPLETED, PARTIAL (some source, partition or unit's reports failed), FAILED (every source tried failed, or
     * {@code runError}), or INTERRUPTED (the application is stopping).
     *
     * @param live the run
     * @param runError why the run itself failed, or null
     * @return the run as stored
     */
    public SyncRunView finish(LiveRun live, String runError) {
        synchronized (live) {
            if (active.get() != live) {
                return view(live.id()).orElseThrow();
            }
            SyncRunStatus status;
            List<String> errors = new ArrayList<>();
            int tried = 0;
            int failed = 0;
            for (LiveSource s : live.sources().values()) {
                if (live.stopRequested()) {
                    s.interrupted("the application was stopping");
                    persist(live, s);
                }
                if (s.status() == SourceRunStatus.PENDING || s.status() == SourceRunStatus.RUNNING) {
                    s.interrupted(runError != null ? "not reached: the run failed" : "not reached");
                    persist(live, s);
                }
                if (s.status() == SourceRunStatus.COMPLETED || s.status() == SourceRunStatus.FAILED) {
                    tried++;
                }
                if (s.status() == SourceRunStatus.FAILED) {
                    failed++;
                    errors.add(s.error());
                }
            }
            List<String> partitionFailures = partitionFailures(live.id());
            errors.addAll(partitionFailures);
            if (live.stopRequested()) {
                status = SyncRunStatus.INTERRUPTED;
                errors.add(0, "the application was stopping");
            } else if (runError != null) {
                status = SyncRunStatus.FAILED;
                errors.add(0, runError);
            } else if (failed > 0 && failed == tried) {
                status = SyncRunStatus.FAILED;
            } else if (failed > 0 || !partitionFailures.isEmpty()) {
                status = SyncRunStatus.PARTIAL;
            } else {
                status = SyncRunStatus.COMPLETED;
            }
            long elapsed = live.elapsedMs();
            String error = errors.isEmpty() ? null : String.join("; ", errors);
            tx.executeWithoutResult(t -> {
                SyncRunEntity r = runs.findById(live.id()).orElseThrow();
                r.status = status;
                r.finishedAt = OffsetDateTime.now();
                r.heartbeatAt = r.finishedAt;
                r.elapsedMs = elapsed;
                r.errorText = error;
            });
            active.compareAndSet(live, null);
            metrics.runFinished(live.trigger(), status, Duration.ofMillis(elapsed));
            if (status == SyncRunStatus.FAILED) {
                metrics.failure("sync-run");
            }
            if (status == SyncRunStatus.COMPLETED) {
                log.info("Sync run {} ({}) COMPLETED in {} ms", live.id(), live.trigger(), elapsed);
            } else {
                log.warn("Sync run {} ({}) {} in {} ms: {}", live.id(), live.trigger(), status, elapsed, error);
            }
            return view(live.id()).orElseThrow();
        }
    }

    /**
     * Writes the counts of the sources under way and the run's heartbeat (called every
     * {@code kpi.sync-run.progress-interval-ms}); nothing when no run is under way here.
     */
    public void flushProgress() {
        LiveRun live = active.get();
        if (live == null) {
            return;
        }
        synchronized (live) {
            if (active.get() != live) {
                return;
            }
            tx.executeWithoutResult(t -> runs.heartbeat(live.id()));
            live.sources().values().stream().filter(s -> s.status() == SourceRunStatus.RUNNING)
                    .forEach(s -> persist(live, s));
        }
    }

    /**
     * @param id run id
     * @return the run with its sources (the live counts when it runs on this instance), if it exists
     */
    public Optional<SyncRunView> view(long id) {
        return runs.findById(id).map(this::runView);
    }

    /**
     * @param limit most runs to return
     * @return the newest runs first, with their sources
     */
    public List<SyncRunView> history(int limit) {
        return runs.findAllByOrderByIdDesc(PageRequest.of(0, limit)).stream().map(this::runView).toList();
    }

    /** @return a loaded run with its sources: the live counts when it runs on this instance, else its rows */
    private SyncRunView runView(SyncRunEntity r) {
        long id = r.getId();
        LiveRun live = active.get();
        boolean here = live != null && live.id() == id;
        List<SyncRunView.Source> sources = here
                ? live.sources().values().stream().map(SyncRunService::view).toList()
                : sourceRows.findByRunIdOrderBySourceId(id).stream().map(SyncRunService::view).toList();
        long elapsed = r.elapsedMs != null ? r.elapsedMs
                : here ? live.elapsedMs()
                : Duration.between(r.startedAt, OffsetDateTime.now()).toMillis();
        return new SyncRunView(id, r.triggeredBy, r.status, r.instanceId, r.startedAt, r.scoredAt, r.finishedAt,
                elapsed, r.errorText, sources, partitions(id));
    }

    /**
     * @param sourceId a source id
     * @return the source's row in the latest run that reached it, for its health
     */
    public Optional<SyncRunSourceEntity> lastOutcome(String sourceId) {
        return sourceRows.findFirstBySourceIdAndStatusNotOrderByIdDesc(sourceId, SourceRunStatus.PENDING);
    }

    /** Marks runs left RUNNING by an instance that stopped without ending them (stale heartbeat). */
    @EventListener(ApplicationReadyEvent.class)
    public void interruptStale() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(props.staleAfterSeconds());
        String reason = "no heartbeat for " + props.staleAfterSeconds() + " s: the instance running it stopped "
                + "(killed or crashed); what it stored stays, the next run resumes from the stored watermarks";
        Integer n = tx.execute(t -> {
            int marked = runs.interruptStale(before, reason);
            if (marked > 0) {
                sourceRows.interruptUnfinished("the run was interrupted");
            }
            return marked;
        });
        if (n != null && n > 0) {
            log.warn("{} sync run(s) marked INTERRUPTED: {}", n, reason);
        }
    }

    /** The application is stopping: the run under way starts no further source. */
    @EventListener(ContextClosedEvent.class)
    public void requestStop() {
        LiveRun live = active.get();
        if (live != null) {
            log.warn("Application stopping: sync run {} starts no further source", live.id());
            live.requestStop();
        }
    }

    /** Marks a run still under way when the application is destroyed as INTERRUPTED. */
    @PreDestroy
    public void interruptActive() {
        LiveRun live = active.get();
        if (live == null) {
            return;
        }
        live.requestStop();
        try {
            finish(live, null);
        } catch (RuntimeException e) {
            log.warn("Sync run {} could not be marked INTERRUPTED ({}); it will be once its heartbeat is stale",
                    live.id(), e.getMessage());
        }
    }

    private List<LiveSource> fileSources(LiveRun live) {
        // every type whose records arrive as files: file-inbox (JSON), csv, xlsx, edxml
        return live.sources().values().stream().filter(s -> !SourceMapping.TYPE_REST.equals(s.type())
                && !SourceMapping.TYPE_SQL.equals(s.type())).toList();
    }

    /**
     * @param runId a run
     * @return its partitions counted by status and by the instance that processed them
     */
    public SyncRunView.Partitions partitions(long runId) {
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        Map<String, Integer> byInstance = new java.util.TreeMap<>();
        // new versions, reports written, reports failed
        int[] sums = {0, 0, 0};
        jdbc.query("select status, instance_id, count(*), coalesce(sum(new_versions), 0), count(reports_written_at), "
                + "count(reports_error) from sync_partition where run_id = ? and status <> 'MOVED' "
                + "group by status, instance_id", rs -> {
                    byStatus.merge(rs.getString(1), rs.getInt(3), Integer::sum);
                    if (rs.getString(2) != null) {
                        byInstance.merge(rs.getString(2), rs.getInt(3), Integer::sum);
                    }
                    sums[0] += rs.getInt(4);
                    sums[1] += rs.getInt(5);
                    sums[2] += rs.getInt(6);
                }, runId);
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        int done = byStatus.getOrDefault("DONE", 0);
        int failed = byStatus.getOrDefault("FAILED", 0);
        return new SyncRunView.Partitions(total, done, failed, total - done - failed, sums[0], sums[1], sums[2],
                byInstance);
    }

    /**
     * Stamps the end of the run's re-scoring ({@code sync_run.scored_at}, once): the finish time of its
     * last partition, or now when it has none. Its results are stored from then on; the report stage
     * follows.
     *
     * @param runId a run whose partitions are all DONE or FAILED
     */
    public void scored(long runId) {
        jdbc.update("update sync_run set scored_at = coalesce((select max(finished_at) from sync_partition where "
                + "run_id = ? and status in ('DONE', 'FAILED')), now()) where id = ? and scored_at is null", runId, runId);
    }

    private List<String> partitionFailures(long runId) {
        List<String> failures = new ArrayList<>(jdbc.query("select id, source_id, unit_code, period, error_text from "
                + "sync_partition where run_id = ? and status = 'FAILED' order by id", (rs, i) -> "partition "
                        + rs.getLong(1) + " (" + rs.getString(2) + ", " + rs.getString(3) + ", " + rs.getString(4)
                        + ") failed: " + rs.getString(5), runId));
        failures.addAll(jdbc.query("select id, source_id, unit_code, period, reports_error from sync_partition where "
                + "run_id = ? and status = 'DONE' and reports_error is not null order by id", (rs, i) -> "reports of "
                        + "unit " + rs.getString(3) + " " + rs.getString(4) + " (partition " + rs.getLong(1) + ", "
                        + rs.getString(2) + ") not written, its scores are stored: " + rs.getString(5), runId));
        return failures;
    }

    private void persist(LiveRun live, LiveSource s) {
        synchronized (live) {
            SourceCounts c = s.counts();
            tx.executeWithoutResult(t -> {
                SyncRunSourceEntity row = sourceRows.findById(s.rowId()).orElseThrow();
                row.status = s.status();
                row.pages = c.pages();
                row.records = c.records();
                row.stored = c.stored();
                row.duplicates = c.duplicates();
                row.mapped = c.mapped();
                row.unmapped = c.unmapped();
                row.rejected = c.rejected();
                row.quarantined = c.quarantined();
                row.errors = c.errors();
                row.elapsedMs = c.elapsedMs();
                row.startedAt = s.startedAt();
                row.finishedAt = s.finishedAt();
                row.errorText = s.error();
            });
        }
    }

    private static SyncRunView.Source view(LiveSource s) {
        SourceCounts c = s.counts();
        return new SyncRunView.Source(s.sourceId(), s.type(), s.status(), c.pages(), c.records(), c.stored(),
                c.duplicates(), c.mapped(), c.unmapped(), c.rejected(), c.quarantined(), c.errors(), c.elapsedMs(),
                s.error());
    }

    private static SyncRunView.Source view(SyncRunSourceEntity r) {
        return new SyncRunView.Source(r.sourceId, r.sourceType, r.status, r.pages, r.records, r.stored, r.duplicates,
                r.mapped, r.unmapped, r.rejected, r.quarantined, r.errors, r.elapsedMs, r.errorText);
    }
}
