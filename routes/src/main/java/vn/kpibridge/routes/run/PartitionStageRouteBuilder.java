package vn.kpibridge.routes.run;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.model.ProcessorDefinition;
import vn.kpibridge.routes.flow.KpiRouteBuilder;

/**
 * What the two stages of a sync run share (issue 7 partitions, issue 8 reports): messages of
 * partition ids on an Artemis queue that every instance consumes, and the run waiting until the
 * stage is through.
 *
 * <ul>
 *   <li>{@link #send}: a partition's id to a queue, in its (unit, period) JMS group
 *       ({@code JMSXGroupID}), so one consumer takes a unit's messages one after the other;</li>
 *   <li>{@link #partitionConsumer}: the consuming route, {@code concurrentConsumers} per instance, a
 *       transacted JMS session kept across messages, redelivered with the {@code kpi.redelivery.*}
 *       back-off, then the stage's failure step ({@code kpi_failures_total{kind}} counted, the
 *       partition marked) and the original message to the dead-letter queue;</li>
 *   <li>{@link #awaitStage}: the run's wait, dispatching what is pending and logging progress every
 *       5 s until the stage is through, the application stops or the time-out passes.</li>
 * </ul>
 */
abstract class PartitionStageRouteBuilder extends KpiRouteBuilder {
    /** The run's partitions, as the wait reads them. */
    protected final SyncRunService runs;
    private final SyncMetrics metrics;
    private ProducerTemplate producer;

    /**
     * One stage of a run as {@link #awaitStage} drives it; every method gets the run's partitions as
     * counted now.
     */
    protected interface Stage {
        /** Sends what is pending (called before every count). */
        void dispatch();

        /** @return true when the stage is through */
        boolean finished(SyncRunView.Partitions c);

        /** @return the progress line, after "Sync run N: " */
        String progress(SyncRunView.Partitions c);

        /** @return the warning when the application stops first, after "Sync run N: " */
        String stopping(SyncRunView.Partitions c);

        /** @return the reason of the time-out */
        String timedOut(SyncRunView.Partitions c, Duration limit);
    }

    /**
     * @param runs the runs (live run, partition counts)
     * @param metrics failures ({@code kpi_failures_total})
     */
    protected PartitionStageRouteBuilder(SyncRunService runs, SyncMetrics metrics) {
        this.runs = runs;
        this.metrics = metrics;
    }

    /**
     * Sends a partition's id to a queue in its (unit, period) group.
     *
     * @param queue queue name or placeholder, e.g. {@code {{kpi.queues.partitions}}}
     * @param p the partition
     */
    protected void send(String queue, SyncPartition p) {
        producer().sendBodyAndHeader("jms:queue:" + queue + "?exchangePattern=InOnly", String.valueOf(p.id()),
                "JMSXGroupID", p.group());
    }

    /**
     * The consuming route of a stage, up to its own steps.
     *
     * @param queue queue name or placeholder
     * @param consumers concurrent consumers (placeholder)
     * @param routeId route id
     * @param kind the failure kind counted in {@code kpi_failures_total{kind}}
     * @param partitionProperty exchange property holding the partition being processed (null
     *     before it is claimed)
     * @param failed marks the partition with the reason once its redeliveries are spent
     * @return the route, for the stage's steps
     */
    protected ProcessorDefinition<?> partitionConsumer(String queue, String consumers, String routeId, String kind,
            String partitionProperty, BiConsumer<SyncPartition, String> failed) {
        return withBackOff(from("jms:queue:" + queue + "?concurrentConsumers=" + consumers
                // one JMS session and consumer per thread kept across messages (Spring opens and closes
                // them per message under a transaction manager otherwise)
                + "&cacheLevelName=CACHE_CONSUMER"
                + "&transacted=true")
                .routeId(routeId)
                .onException(Exception.class))
                    .useOriginalMessage()
                    .handled(true).logExhausted(false)
                    .process(e -> {
                        Throwable t = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
                        String reason = t == null ? "unknown error" : t.getClass().getSimpleName() + ": " + t.getMessage();
                        metrics.failure(kind);
                        SyncPartition p = e.getProperty(partitionProperty, SyncPartition.class);
                        if (p != null) {
                            failed.accept(p, reason);
                        } else {
                            log.warn("Message {} of {} not processed, sent to the dead-letter queue: {}",
                                    e.getMessage().getBody(String.class), routeId, reason);
                        }
                    })
                    .to(ExchangePattern.InOnly, "jms:queue:{{kpi.queues.dead-letter}}")
                .end();
    }

    /**
     * Waits until a stage of a run is through: dispatches, counts, logs every 5 s and at the end,
     * polling every 100 ms.
     *
     * @param runId the run
     * @param timeoutSeconds longest wait
     * @param stage the stage
     * @throws IllegalStateException with {@link Stage#timedOut} when the time-out passes (the run
     *     ends FAILED, the next run takes over what is open)
     * @throws InterruptedException when interrupted
     */
    protected void awaitStage(long runId, long timeoutSeconds, Stage stage) throws InterruptedException {
        LiveRun live = runs.live(runId);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long nextLog = start;
        while (true) {
            stage.dispatch();
            SyncRunView.Partitions c = runs.partitions(runId);
            long now = System.nanoTime();
            boolean finished = stage.finished(c);
            if (finished || now >= nextLog) {
                log.info("Sync run {}: {}", runId, stage.progress(c));
                nextLog = now + TimeUnit.SECONDS.toNanos(5);
            }
            if (finished) {
                return;
            }
            if (live.stopRequested()) {
                log.warn("Sync run {}: {}", runId, stage.stopping(c));
                return;
            }
            if (now >= deadline) {
                throw new IllegalStateException(stage.timedOut(c, Duration.ofSeconds(timeoutSeconds)));
            }
            Thread.sleep(100);
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            producer = getContext().createProducerTemplate();
        }
        return producer;
    }
}
