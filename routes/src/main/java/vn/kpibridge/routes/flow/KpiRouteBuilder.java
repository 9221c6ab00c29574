package vn.kpibridge.routes.flow;

import org.apache.camel.builder.RouteBuilder;

/**
 * Base class of every kpi-bridge RouteBuilder: installs the shared error handling.
 *
 * <p>Technical errors (database, broker, disk) are redelivered with exponential back-off
 * ({@code kpi.redelivery.*}) and then sent, with the original message, to the dead-letter queue
 * {@code kpi.queues.dead-letter}. Business errors (a bad record, an unknown product) never reach
 * this handler: the services keep them with their reason and the batch goes on.
 */
public abstract class KpiRouteBuilder extends RouteBuilder {

    @Override
    public final void configure() throws Exception {
        int max = Integer.parseInt(getContext().resolvePropertyPlaceholders("{{kpi.redelivery.maximum-redeliveries}}"));
        long delay = Long.parseLong(getContext().resolvePropertyPlaceholders("{{kpi.redelivery.redelivery-delay-ms}}"));
        double multiplier = Double.parseDouble(getContext().resolvePropertyPlaceholders("{{kpi.redelivery.backoff-multiplier}}"));
        errorHandler(deadLetterChannel("jms:queue:{{kpi.queues.dead-letter}}?exchangePattern=InOnly")
                .useOriginalMessage()
                .maximumRedeliveries(max)
                .redeliveryDelay(delay)
                .useExponentialBackOff()
                .backOffMultiplier(multiplier)
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .logExhaustedMessageHistory(false));
        routes();
    }

    /** Defines the routes of the flow. */
    protected abstract void routes() throws Exception;
}
