package vn.kpibridge.routes.run;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The report stage of a sync run (issue 8): a unit's report workbooks and party package are the
 * slow part of re-scoring (seconds of POI per unit against milliseconds of SQL), so a run stores
 * every result first and writes the reports after, on the same scale-out queue pattern as the
 * partitions ({@link SyncPartitionRouteBuilder}).
 *
 * <ul>
 *   <li>{@code sync-run-reports} ({@code direct:syncRunReports}, header {@link SyncRunHeaders#RUN_ID};
 *       called by the run after {@code direct:syncRunPartitions}): when every partition of the run is
 *       DONE or FAILED, stamps {@code sync_run.scored_at} ({@link SyncRunService#scored}), then sends
 *       one message per DONE partition (one per (source, unit, period)) to the queue
 *       {@code kpi.queues.reports} (body the partition id, {@code JMSXGroupID = unit|period}) and
 *       waits until each one's reports are written or failed, by any instance, logging progress every
 *       5 s. A partition that a late file of the run adds meanwhile is sent to the partitions queue
 *       and its reports follow. Gives up after {@code kpi.sync-run.report-timeout-seconds}
 *       (IllegalStateException: the run ends FAILED, the scores stay stored and the next run takes
 *       over the reports still owed) or when the application stops (the run ends INTERRUPTED,
 *       likewise).</li>
 *   <li>{@code unit-reports} ({@code jms:queue:kpi.reports}, {@code kpi.sync-run.report-consumers}
 *       concurrent consumers on every instance, transacted JMS session; body = partition id): drops
 *       a message whose reports are no longer owed ({@link SyncPartitionService#forReports}), writes
 *       the unit's reports ({@code direct:writeUnitSummary}: the forms, each employee's workbook,
 *       the signed party package, the {@code period.closed} event) and stamps the partition's
 *       {@code reports_written_at}. A failure is redelivered with the {@code kpi.redelivery.*}
 *       back-off, then the partition gets {@code reports_error} with the reason (the run ends
 *       PARTIAL naming the unit, its scores stay stored), {@code kpi_failures_total{kind="report"}}
 *       is counted and the message goes to the dead-letter queue.</li>
 * </ul>
 */
@Component
public class UnitReportsRouteBuilder extends PartitionStageRouteBuilder {
    /** Exchange property of {@code unit-reports}: the {@link SyncPartition} whose reports are written. */
    static final String PARTITION = "KpiReportPartition";

    private final SyncPartitionService partitions;
    private final SyncRunProperties props;

    /**
     * @param partitions the partitions table (the reports owed)
     * @param runs the run under way on this instance
     * @param props time-out and consumers
     * @param metrics failures ({@code kpi_failures_total{kind="report"}})
     */
    public UnitReportsRouteBuilder(SyncPartitionService partitions, SyncRunService runs, SyncRunProperties props,
            SyncMetrics metrics) {
        super(runs, metrics);
        this.partitions = partitions;
        this.props = props;
    }

    @Override
    protected void routes() {
        partitionConsumer("{{kpi.queues.reports}}", "{{kpi.sync-run.report-consumers}}", "unit-reports", "report",
                PARTITION, (p, reason) -> {
                    partitions.reportsFailed(p.id(), reason);
                    log.warn("Reports of unit {} {} ({}) not written after their redeliveries, message sent to the "
                            + "dead-letter queue; the scores stay stored: {}", p.unitCode(), p.period(), p, reason);
                })
                .process(e -> partitions.forReports(Long.parseLong(e.getMessage().getBody(String.class).trim()))
                        .ifPresent(p -> e.setProperty(PARTITION, p)))
                .filter(exchangeProperty(PARTITION).isNotNull())
                    .setBody(simple("${exchangeProperty." + PARTITION + ".unit()}"))
                    .to("direct:writeUnitSummary")
                    .process(e -> partitions.reportsWritten(partition(e).id()));

        from("direct:syncRunReports").routeId("sync-run-reports")
                .process(this::dispatchAndAwait);
    }

    private static SyncPartition partition(Exchange e) {
        return e.getProperty(PARTITION, SyncPartition.class);
    }


    private void dispatchAndAwait(Exchange e) throws InterruptedException {
        long runId = e.getMessage().getHeader(SyncRunHeaders.RUN_ID, Long.class);
        LiveRun live = runs.live(runId);
        if (live.stopRequested() || runs.partitions(runId).open() > 0) {
            // the partitions stage stopped short (application stopping): the next run takes over
            return;
        }
        runs.scored(runId);
        awaitStage(runId, props.reportTimeoutSeconds(), new Stage() {
            @Override
            public void dispatch() {
                // a late file of the run may add a partition: re-scored first, its reports follow
                partitions.dispatchPending(runId, p -> send("{{kpi.queues.partitions}}", p));
                partitions.dispatchReports(runId, p -> send("{{kpi.queues.reports}}", p));
            }

            @Override
            public boolean finished(SyncRunView.Partitions c) {
                return c.open() == 0 && c.reportsOwed() == 0;
            }

            @Override
            public String progress(SyncRunView.Partitions c) {
                return "reports of " + c.reportsWritten() + " of " + c.done() + " re-scored partitions written, "
                        + c.reportsFailed() + " failed, " + (c.reportsOwed() + c.open()) + " owed";
            }

            @Override
            public String stopping(SyncRunView.Partitions c) {
                return "application stopping with the reports of " + (c.reportsOwed() + c.open())
                        + " partitions owed; the next run takes them over";
            }

            @Override
            public String timedOut(SyncRunView.Partitions c, Duration limit) {
                return "the reports of " + (c.reportsOwed() + c.open()) + " of " + (c.done() + c.open())
                        + " partitions were not written within " + limit.toSeconds() + " s (kpi.sync-run."
                        + "report-timeout-seconds); the scores are stored, the next run takes the reports over";
            }
        });
    }
}
