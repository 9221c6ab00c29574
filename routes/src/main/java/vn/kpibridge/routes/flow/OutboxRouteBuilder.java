package vn.kpibridge.routes.flow;

import org.springframework.stereotype.Component;
import vn.kpibridge.routes.persistence.OutboxMessageEntity;

/**
 * Relays the outbox to its targets.
 *
 * <p>Route {@code outbox-evaluations-relay}: every {@code kpi.outbox.poll-delay-ms}, in one
 * database transaction, claims up to {@code kpi.outbox.batch-size} pending messages of target
 * {@link OutboxService#EVALUATIONS_QUEUE} ({@code FOR UPDATE SKIP LOCKED}, so several instances
 * can relay side by side), sends each to the Artemis queue {@code kpi.queues.evaluations} with its
 * {@code KpiIdempotencyKey} header and marks it delivered. A failed send rolls the transaction
 * back and the messages stay pending for the next poll (after the shared redelivery policy); a
 * crash after a send and before the commit re-sends, which the idempotency key absorbs.
 */
@Component
public class OutboxRouteBuilder extends KpiRouteBuilder {
    private final OutboxService outbox;
    private final SyncRunTracker tracker;

    public OutboxRouteBuilder(OutboxService outbox, SyncRunTracker tracker) {
        this.outbox = outbox;
        this.tracker = tracker;
    }

    @Override
    protected void routes() {
        int batchSize = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{kpi.outbox.batch-size}}"));
        String queue = getContext().resolvePropertyPlaceholders("{{kpi.queues.evaluations}}");
        from("scheduler:outbox-evaluations?delay={{kpi.outbox.poll-delay-ms}}&initialDelay=200")
                .routeId("outbox-evaluations-relay")
                // a failure rolls the claim back: the messages stay PENDING for the next poll
                .errorHandler(noErrorHandler())
                .transacted()
                .process(e -> e.getIn().setBody(outbox.claim(OutboxService.EVALUATIONS_QUEUE, batchSize)))
                .split(body())
                    .process(e -> {
                        OutboxMessageEntity m = e.getIn().getBody(OutboxMessageEntity.class);
                        e.setProperty(OUTBOX_MESSAGE, m);
                        e.getIn().setHeader(Headers.IDEMPOTENCY_KEY, m.idempotencyKey);
                        e.getIn().setBody(m.payload);
                    })
                    .to("jms:queue:" + queue + "?jmsMessageType=Text")
                    .process(e -> {
                        outbox.delivered(e.getProperty(OUTBOX_MESSAGE, OutboxMessageEntity.class), "sent to queue " + queue);
                        tracker.messagePublished();
                    })
                .end();
    }

    private static final String OUTBOX_MESSAGE = "kpiOutboxMessage";
}
