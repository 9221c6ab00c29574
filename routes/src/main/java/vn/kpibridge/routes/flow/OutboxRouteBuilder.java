package vn.kpibridge.routes.flow;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.persistence.OutboxMessageEntity;

/**
 * Relays the outbox to the local broker, and enqueues the {@code period.closed} event.
 *
 * <p>One relay route per local target, each polling every {@code kpi.outbox.poll-delay-ms}
 * (started with the application unless {@code kpi.outbox.auto-start} is false):
 * <ul>
 *   <li>{@code outbox-evaluations-relay}: {@link OutboxService#EVALUATIONS_QUEUE} to the queue
 *       {@code kpi.queues.evaluations};</li>
 *   <li>{@code outbox-evaluation-finalized-relay}: {@link OutboxService#EVALUATION_FINALIZED_TOPIC}
 *       to the topic {@code kpi.events.topics.evaluation-finalized};</li>
 *   <li>{@code outbox-period-closed-relay}: {@link OutboxService#PERIOD_CLOSED_TOPIC} to the topic
 *       {@code kpi.events.topics.period-closed}.</li>
 * </ul>
 * Each, in one database transaction, claims up to {@code kpi.outbox.batch-size} pending messages
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances can relay side by side), sends each as
 * JSON text with its {@code KpiIdempotencyKey} header (and {@code KpiEvent} = the event type on
 * the topics) and marks it delivered. A failed send rolls the transaction back and the messages
 * stay pending for the next poll; a crash after a send and before the commit re-sends, which the
 * idempotency key absorbs. The HR system is relayed by
 * {@link vn.kpibridge.routes.target.HrTargetRouteBuilder}.
 *
 * <p>{@code direct:enqueuePeriodClosed} (route {@code enqueue-period-closed}, body
 * {@link EmployeePeriod} of a unit, exchange property {@link Headers#LATEST_EVALUATIONS} the
 * latest evaluations its reports were written from) enqueues the unit's {@code period.closed}
 * event ({@link OutboxService#enqueuePeriodClosed}); {@code write-unit-summary} calls it after the
 * unit's reports are written.
 */
@Component
public class OutboxRouteBuilder extends KpiRouteBuilder {
    /** Header naming the event type of a topic message ("evaluation.finalized", "period.closed"). */
    public static final String EVENT_HEADER = "KpiEvent";
    private static final String OUTBOX_MESSAGE = "kpiOutboxMessage";
    private static final String PAYLOADS = "kpiOutboxPayloads";

    private final OutboxService outbox;
    private final SyncRunTracker tracker;

    public OutboxRouteBuilder(OutboxService outbox, SyncRunTracker tracker) {
        this.outbox = outbox;
        this.tracker = tracker;
    }

    @Override
    protected void routes() {
        relay("outbox-evaluations-relay", "outbox-evaluations", OutboxService.EVALUATIONS_QUEUE,
                "queue:" + getContext().resolvePropertyPlaceholders("{{kpi.queues.evaluations}}"));
        relay("outbox-evaluation-finalized-relay", "outbox-evaluation-finalized", OutboxService.EVALUATION_FINALIZED_TOPIC,
                "topic:" + getContext().resolvePropertyPlaceholders("{{kpi.events.topics.evaluation-finalized}}"));
        relay("outbox-period-closed-relay", "outbox-period-closed", OutboxService.PERIOD_CLOSED_TOPIC,
                "topic:" + getContext().resolvePropertyPlaceholders("{{kpi.events.topics.period-closed}}"));

        from("direct:enqueuePeriodClosed")
                .routeId("enqueue-period-closed")
                // a step of score-partition: a failure goes back to the caller's error handling
                .errorHandler(noErrorHandler())
                .process(e -> outbox.enqueuePeriodClosed(e.getIn().getBody(EmployeePeriod.class),
                        Headers.latestEvaluations(e)));
    }

    private void relay(String routeId, String scheduler, String target, String destination) {
        int batchSize = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{kpi.outbox.batch-size}}"));
        boolean queue = OutboxService.EVALUATIONS_QUEUE.equals(target);
        from("scheduler:" + scheduler + "?delay={{kpi.outbox.poll-delay-ms}}&initialDelay=200")
                .routeId(routeId)
                .autoStartup("{{kpi.outbox.auto-start}}")
                // a failure rolls the claim back: the messages stay PENDING for the next poll
                .errorHandler(noErrorHandler())
                .transacted()
                .process(e -> {
                    List<OutboxMessageEntity> claimed = outbox.claim(target, batchSize);
                    // the payloads of the batch, read at once (claim check: a version's own messages refer to it)
                    e.setProperty(PAYLOADS, outbox.payloads(claimed));
                    e.getIn().setBody(claimed);
                })
                .split(body())
                    .process(e -> {
                        OutboxMessageEntity m = e.getIn().getBody(OutboxMessageEntity.class);
                        e.setProperty(OUTBOX_MESSAGE, m);
                        e.getIn().setHeader(Headers.IDEMPOTENCY_KEY, m.idempotencyKey);
                        if (!queue) {
                            e.getIn().setHeader(EVENT_HEADER, m.kind);
                        }
                        e.getIn().setBody(((Map<?, ?>) e.getProperty(PAYLOADS, Map.class)).get(m.getId()));
                    })
                    .to("jms:" + destination + "?jmsMessageType=Text")
                    .process(e -> {
                        outbox.delivered(e.getProperty(OUTBOX_MESSAGE, OutboxMessageEntity.class), "sent to "
                                + destination.replace(':', ' '));
                        if (queue) {
                            tracker.messagePublished();
                        }
                    })
                .end();
    }
}
