package vn.kpibridge.routes.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.spi.RouteController;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.flow.FileInboxRouteBuilder;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.flow.SyncRunTracker;
import vn.kpibridge.routes.source.PullResult;
import vn.kpibridge.routes.source.SourcePullException;

/**
 * The sync run: one route does a run, whatever started it.
 *
 * <ul>
 *   <li>{@code sync-run} ({@code direct:syncRun}; header {@link SyncRunHeaders#RUN_ID} of a run
 *       started with {@link SyncRunService#begin}, or {@link SyncRunHeaders#TRIGGER} to start one
 *       here): pulls every configured REST and SQL source in id order through
 *       {@code direct:syncRunSource}, then, when a file source is configured, takes in what is in
 *       the file inbox (starting the {@code file-inbox} route when it is stopped, as under the
 *       {@code sync} command, and waiting until a poll finds it empty), then ends the run. Every pull and file re-scores
 *       the (employee, period) pairs it touched, as (source, unit, period) partitions that
 *       {@code direct:syncRunPartitions} then sends to the partitions queue and waits for (every
 *       instance consumes it; {@link SyncPartitionRouteBuilder}); once they are re-scored (the run's
 *       {@code scored_at}), {@code direct:syncRunReports} has the re-scored units' reports written
 *       through the reports queue and waits for them ({@link UnitReportsRouteBuilder}). Answers the
 *       {@link SyncRunView}. A failure of the run itself (database, inbox time-out) ends it
 *       FAILED with the reason, answered the same way; a run refused because another one runs
 *       throws {@link SyncRunConflictException} to the caller.</li>
 *   <li>{@code sync-run-source} ({@code direct:syncRunSource}, body = source id): one source of
 *       a run through {@code direct:pullRestSource} or {@code direct:pullSqlSource}, whose own
 *       error handling redelivers a source that is down with the {@code kpi.redelivery.*}
 *       back-off and dead-letters the pull request; the failure that remains is recorded on the
 *       source (FAILED, with the reason naming the source and call) and the run goes on with the
 *       next source, ending PARTIAL.</li>
 *   <li>{@code sync-run-progress} (timer, {@code kpi.sync-run.progress-interval-ms}): writes
 *       the per-source counts of the run under way and its heartbeat.</li>
 *   <li>{@code sync-schedule} (only when {@code kpi.schedule.enabled}): Quartz cron trigger
 *       {@code kpi-bridge/nightly-sync} on {@code kpi.schedule.cron} in {@code kpi.schedule.time-zone},
 *       in the clustered JDBC job store shared by every instance (so it fires on one of them);
 *       {@code stateful} (never two at once), {@code recoverableJob} (a firing whose instance dies
 *       is re-run by another). Sends a SCHEDULED run to {@code direct:syncRun}; a firing while a
 *       run is under way is logged and dropped. The trigger is registered (or, when
 *       {@code kpi.schedule.cron} changed, rescheduled) as the endpoint starts, with the
 *       application's start: the job store {@link LockingDataSourceJobStore} does it in one
 *       transaction under Quartz's lock, so instances starting in the same instant register it one
 *       after the other (the second one finds the first one's trigger) instead of one failing with
 *       a duplicate key or "Trigger could not be found in quartz scheduler". A registration that
 *       still fails (database error) fails the application's start: Camel starts the endpoint
 *       before any route, so no route controller could retry it.</li>
 * </ul>
 */
@Component
public class SyncRunRouteBuilder extends KpiRouteBuilder {
    private final SyncRunService runs;
    private final SyncRunTracker tracker;
    private final SyncRunProperties props;
    private final ScheduleProperties schedule;
    private final KpiProperties kpi;
    private final JdbcTemplate jdbc;
    private final SyncPartitionService partitions;
    private ProducerTemplate producer;

    /**
     * @param runs the runs
     * @param tracker the inbox flow's tracker (idle signal)
     * @param props run settings
     * @param schedule the schedule
     * @param kpi inbox folder
     * @param jdbc the application's database (rejected files of the run)
     * @param partitions the runs' partitions (taken over from interrupted runs at the start)
     */
    public SyncRunRouteBuilder(SyncRunService runs, SyncRunTracker tracker, SyncRunProperties props,
            ScheduleProperties schedule, KpiProperties kpi, JdbcTemplate jdbc, SyncPartitionService partitions) {
        this.partitions = partitions;
        this.runs = runs;
        this.tracker = tracker;
        this.props = props;
        this.schedule = schedule;
        this.kpi = kpi;
        this.jdbc = jdbc;
    }

    @Override
    protected void routes() {
        from("direct:syncRun").routeId("sync-run")
                .onException(SyncRunConflictException.class)
                    .maximumRedeliveries(0).handled(false).logExhausted(false)
                .end()
                .onException(Exception.class)
                    .maximumRedeliveries(0).handled(true).logExhausted(false)
                    .process(this::runFailed)
                .end()
                .process(this::begin)
                .split(method(this, "sourcesToPull"))
                    .to("direct:syncRunSource")
                .end()
                .process(this::takeInInbox)
                // the re-scoring work of the run, partitioned on the queue every instance consumes
                .to("direct:syncRunPartitions")
                // then the report stage: the re-scored units' reports, on the reports queue likewise
                .to("direct:syncRunReports")
                // the bulk-loaded tables vacuumed once the results are out (their insert autovacuum is off, V16)
                .process(e -> runs.vacuumLoadedTables(live(e)))
                .process(e -> e.getMessage().setBody(runs.finish(live(e), null)));

        from("direct:syncRunSource").routeId("sync-run-source")
                .onException(Exception.class)
                    .maximumRedeliveries(0).handled(true).logExhausted(false)
                    .process(this::sourceFailed)
                .end()
                .process(this::pullSource);

        from("timer:sync-run-progress?period={{kpi.sync-run.progress-interval-ms}}").routeId("sync-run-progress")
                .onException(Exception.class)
                    .maximumRedeliveries(0).handled(true).logExhausted(false)
                    .log(LoggingLevel.WARN, "Sync run progress not written: ${exception.message}")
                .end()
                .process(e -> runs.flushProgress());

        if (schedule.enabled()) {
            String cron = schedule.cron().trim().replaceAll("\\s+", "+");
            from("quartz://kpi-bridge/nightly-sync?cron=" + cron + "&trigger.timeZone=" + schedule.timeZone()
                    + "&stateful=true&recoverableJob=true")
                    .routeId("sync-schedule")
                    .onException(SyncRunConflictException.class)
                        .maximumRedeliveries(0).handled(true).logExhausted(false)
                        .log(LoggingLevel.WARN, "Scheduled sync run not started: ${exception.message}")
                    .end()
                    .setHeader(SyncRunHeaders.TRIGGER, constant(SyncTrigger.SCHEDULED.name()))
                    // camel-quartz: the fire time this firing answers
                    .setHeader(SyncRunHeaders.SCHEDULED_FOR, header("scheduledFireTime"))
                    .to("direct:syncRun");
        }
    }

    /**
     * @param e a {@code sync-run} exchange
     * @return the REST and SQL sources its run pulls
     */
    public List<String> sourcesToPull(Exchange e) {
        return runs.sourcesToPull(live(e));
    }

    private static LiveRun live(Exchange e) {
        return e.getProperty(SyncRunHeaders.LIVE_RUN, LiveRun.class);
    }

    private void begin(Exchange e) {
        Long id = e.getMessage().getHeader(SyncRunHeaders.RUN_ID, Long.class);
        LiveRun live;
        if (id != null) {
            live = runs.live(id);
        } else {
            String trigger = e.getMessage().getHeader(SyncRunHeaders.TRIGGER, String.class);
            java.util.Date scheduledFor = e.getMessage().getHeader(SyncRunHeaders.SCHEDULED_FOR, java.util.Date.class);
            live = runs.begin(trigger == null ? SyncTrigger.MANUAL_API : SyncTrigger.valueOf(trigger),
                    scheduledFor == null ? null : scheduledFor.toInstant().atOffset(java.time.ZoneOffset.UTC));
        }
        // partitions left open by a run whose instance died are this run's to finish
        partitions.adoptOrphans(live.id());
        e.setProperty(SyncRunHeaders.LIVE_RUN, live);
        e.getMessage().setHeader(SyncRunHeaders.RUN_ID, live.id());
    }

    /**
     * Pulls one source in an exchange of its own, sent to its pull route: that route's error
     * handling (redelivery, dead letter) works on it as on any pull, and the failure that remains
     * is read from it here (an exception already handled by the pull route's error handler would
     * not reach this route's).
     */
    private void pullSource(Exchange e) {
        String sourceId = e.getMessage().getBody(String.class);
        e.setProperty(SyncRunHeaders.SOURCE_ID, sourceId);
        LiveRun live = live(e);
        String uri = SourceMapping.TYPE_REST.equals(live.sources().get(sourceId).type()) ? "direct:pullRestSource"
                : "direct:pullSqlSource";
        // a pull request carries the source id and nothing else
        Exchange pull = ExchangeBuilder.anExchange(getContext()).withBody(sourceId).build();
        if (!runs.sourceStarted(live, sourceId, pull)) {
            return;
        }
        producer().send(uri, pull);
        if (pull.getException() != null) {
            runs.sourceFailed(live, sourceId, reason(pull.getException()));
        } else {
            runs.sourceCompleted(live, sourceId, pull.getMessage().getBody(PullResult.class));
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = getContext().createProducerTemplate();
        }
        return producer;
    }

    private static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SourcePullException s) {
                return s.getMessage();
            }
        }
        return t == null ? "unknown error" : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private void sourceFailed(Exchange e) {
        String sourceId = e.getProperty(SyncRunHeaders.SOURCE_ID, String.class);
        runs.sourceFailed(live(e), sourceId == null ? e.getMessage().getBody(String.class) : sourceId,
                reason(e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }

    private void takeInInbox(Exchange e) throws Exception {
        LiveRun live = live(e);
        if (!runs.inboxStarted(live)) {
            return;
        }
        RouteController rc = getContext().getRouteController();
        boolean running = rc.getRouteStatus("file-inbox").isStarted();
        try {
            if (!running) {
                rc.startRoute("file-inbox");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(props.inboxTimeoutSeconds());
            do {
                tracker.expectWork();
                long left = deadline - System.nanoTime();
                if (left <= 0 || !tracker.awaitIdle(left, TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("the inbox " + kpi.inbox().path().toAbsolutePath()
                            + " was not drained within " + props.inboxTimeoutSeconds() + " s (kpi.sync-run."
                            + "inbox-timeout-seconds)");
                }
                // an empty poll that began before a file arrived: wait for the next one
            } while (filesWaiting());
        } catch (Exception ex) {
            runs.inboxAbandoned(live);
            throw ex;
        } finally {
            if (!running) {
                rc.stopRoute("file-inbox");
            }
        }
        Map<String, Integer> rejected = new HashMap<>();
        jdbc.query("select source_id, count(*) from source_file where status = 'REJECTED' and first_seen_at >= ? "
                + "group by source_id", rs -> {
                    rejected.put(rs.getString(1), rs.getInt(2));
                }, live.startedAt());
        runs.inboxDone(live, rejected);
    }

    /** @return true when a file of a file source waits in the inbox (not in .done or .error) */
    private boolean filesWaiting() throws java.io.IOException {
        return !FileInboxRouteBuilder.waitingFiles(kpi.inbox().path()).isEmpty();
    }

    private void runFailed(Exchange e) {
        Throwable t = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = t == null ? "unknown error" : t.getClass().getSimpleName() + ": " + t.getMessage();
        LiveRun live = live(e);
        if (live == null) {
            throw new IllegalStateException("sync run not started: " + reason, t);
        }
        runs.inboxAbandoned(live);
        e.getMessage().setBody(runs.finish(live, reason));
    }
}
