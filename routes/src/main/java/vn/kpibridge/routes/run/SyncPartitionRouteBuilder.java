package vn.kpibridge.routes.run;

import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.flow.ScoreOutcome;
import vn.kpibridge.routes.flow.SyncRunTracker;
import vn.kpibridge.routes.flow.UnitPeriodScoring;

/**
 * Partitioned re-scoring for scale-out (issue 7): a sync run's work split into (source, unit,
 * period) messages on an Artemis queue that every instance consumes.
 *
 * <ul>
 *   <li>{@code rescore-partition} ({@code direct:rescorePartition}, body the JSON of a
 *       {@link SyncPartition}): a partition re-scored at once, outside a run, then its unit's
 *       reports written at once ({@code direct:writeUnitSummary}); a failure is
 *       redelivered with the {@code kpi.redelivery.*} back-off, then the JSON goes to the
 *       dead-letter queue and the ingest that touched it goes on.</li>
 *   <li>{@code score-partition} ({@code direct:scorePartition}, body {@link SyncPartition}):
 *       re-scores the partition's employees set-based in one transaction ({@link UnitPeriodScoring}:
 *       a changed result is a new evaluation version with its outbox messages and workflow step, an
 *       unchanged one stores nothing). Answers the number of new evaluation versions (Integer).
 *       Writes no report: within a run the unit's reports are the run's second stage
 *       ({@link UnitReportsRouteBuilder}), outside one {@code rescore-partition} writes them. Every
 *       ingest path reaches it through {@code KpiRouteBuilder.rescoreTouched}: at once outside a
 *       run, through the queue within one.</li>
 *   <li>{@code sync-partition} ({@code jms:queue:kpi.partitions}, {@code kpi.sync-run.partition-consumers}
 *       concurrent consumers on every instance, transacted JMS session; body = partition id):
 *       claims the partition ({@link SyncPartitionService#claim}: a copy of a message already
 *       processed is dropped), re-scores it, marks it DONE (its reports are owed to the report
 *       stage). Messages carry the JMS group
 *       {@code JMSXGroupID = unit|period}, so the broker gives every partition of one (unit,
 *       period) to one consumer, one after the other (two sources touching the same employees
 *       never re-score them at once). A failure is redelivered with the {@code kpi.redelivery.*}
 *       back-off, then the partition is FAILED with the reason (the run ends PARTIAL) and the
 *       message goes to the dead-letter queue.</li>
 *   <li>{@code sync-run-partitions} ({@code direct:syncRunPartitions}, header
 *       {@link SyncRunHeaders#RUN_ID}; called by the run once its pulls and files are in): sends the
 *       run's PENDING partitions to the queue and waits until every one is DONE or FAILED, by any
 *       instance, logging progress every 5 s; gives up after {@code kpi.sync-run.partition-timeout-seconds}
 *       (IllegalStateException: the run ends FAILED, its open partitions are taken over by the next
 *       run) or when the application stops (the run ends INTERRUPTED, likewise).</li>
 * </ul>
 */
@Component
public class SyncPartitionRouteBuilder extends PartitionStageRouteBuilder {
    /** Exchange property of {@code sync-partition}: the claimed {@link SyncPartition}. */
    static final String PARTITION = "KpiSyncPartition";

    private final SyncPartitionService partitions;
    private final SyncRunProperties props;
    private final UnitPeriodScoring scoring;
    private final SyncRunTracker tracker;

    /**
     * @param partitions the partitions table
     * @param runs the run under way on this instance
     * @param props time-out and consumers
     * @param metrics failures ({@code kpi_failures_total{kind="partition"}})
     * @param scoring set-based re-scoring of a unit's employees
     * @param tracker what the {@code sync} command prints
     */
    public SyncPartitionRouteBuilder(SyncPartitionService partitions, SyncRunService runs, SyncRunProperties props,
            SyncMetrics metrics, UnitPeriodScoring scoring, SyncRunTracker tracker) {
        super(runs, metrics);
        this.scoring = scoring;
        this.tracker = tracker;
        this.partitions = partitions;
        this.props = props;
    }

    @Override
    protected void routes() {
        // no error handler of its own: a failure reaches the caller (sync-partition, rescore-partition)
        from("direct:scorePartition").routeId("score-partition")
                .errorHandler(noErrorHandler())
                .setProperty(PARTITION, body())
                .process(e -> {
                    SyncPartition p = partition(e);
                    List<ScoreOutcome> outcomes = scoring.score(p.sourceId(), p.unitCode(), p.period(),
                            p.employeeCodes());
                    outcomes.forEach(tracker::scored);
                    e.getMessage().setBody((int) outcomes.stream().filter(ScoreOutcome::newVersion).count());
                });

        // a partition re-scored at once (no run under way here), body its JSON, then its unit's
        // reports at once; redelivered, then dead-lettered as readable JSON, the ingest that touched
        // it goes on (write-unit-summary and enqueue-period-closed have no error handler of their own)
        from("direct:rescorePartition").routeId("rescore-partition")
                .unmarshal().json(JsonLibrary.Jackson, SyncPartition.class)
                .to("direct:scorePartition")
                .setBody(simple("${exchangeProperty." + PARTITION + ".unit()}"))
                .to("direct:writeUnitSummary");

        partitionConsumer("{{kpi.queues.partitions}}", "{{kpi.sync-run.partition-consumers}}", "sync-partition",
                "partition", PARTITION, (p, reason) -> {
                    partitions.failed(p.id(), reason);
                    log.warn("{} FAILED after its redeliveries, message sent to the dead-letter queue: {}", p, reason);
                })
                .process(this::claim)
                .filter(exchangeProperty(PARTITION).isNotNull())
                    .setBody(exchangeProperty(PARTITION))
                    .to("direct:scorePartition")
                    .process(e -> partitions.done(partition(e).id(), e.getMessage().getBody(Integer.class)));

        from("direct:syncRunPartitions").routeId("sync-run-partitions")
                .process(this::dispatchAndAwait);
    }

    private static SyncPartition partition(Exchange e) {
        return e.getProperty(PARTITION, SyncPartition.class);
    }

    private void claim(Exchange e) {
        long id = Long.parseLong(e.getMessage().getBody(String.class).trim());
        boolean redelivered = Boolean.TRUE.equals(e.getMessage().getHeader("JMSRedelivered", Boolean.class));
        partitions.claim(id, redelivered).ifPresent(p -> e.setProperty(PARTITION, p));
    }


    private void dispatchAndAwait(Exchange e) throws InterruptedException {
        long runId = e.getMessage().getHeader(SyncRunHeaders.RUN_ID, Long.class);
        awaitStage(runId, props.partitionTimeoutSeconds(), new Stage() {
            @Override
            public void dispatch() {
                partitions.dispatchPending(runId, p -> send("{{kpi.queues.partitions}}", p));
            }

            @Override
            public boolean finished(SyncRunView.Partitions c) {
                return c.open() == 0;
            }

            @Override
            public String progress(SyncRunView.Partitions c) {
                return "partitions " + c.done() + " of " + c.total() + " done, " + c.failed() + " failed, " + c.open()
                        + " open; " + c.newVersions() + " new evaluation versions; by instance " + c.byInstance();
            }

            @Override
            public String stopping(SyncRunView.Partitions c) {
                return "application stopping with " + c.open() + " partitions open; the next run takes them over";
            }

            @Override
            public String timedOut(SyncRunView.Partitions c, Duration limit) {
                return c.open() + " of " + c.total() + " partitions were not re-scored within " + limit.toSeconds()
                        + " s (kpi.sync-run.partition-timeout-seconds); the next run takes them over";
            }
        });
    }
}
