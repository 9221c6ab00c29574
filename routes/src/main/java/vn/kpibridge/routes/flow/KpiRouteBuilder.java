package vn.kpibridge.routes.flow;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import vn.kpibridge.routes.api.ApiProblem;

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

    /**
     * The error handler's {@code kpi.redelivery.*} exponential back-off on a route's own
     * {@code onException}, retries logged at WARN.
     *
     * @param onException the clause to configure
     * @return it, for chaining
     */
    protected static org.apache.camel.model.OnExceptionDefinition withBackOff(
            org.apache.camel.model.OnExceptionDefinition onException) {
        return onException
                .maximumRedeliveries("{{kpi.redelivery.maximum-redeliveries}}")
                .redeliveryDelay("{{kpi.redelivery.redelivery-delay-ms}}")
                .useExponentialBackOff()
                .backOffMultiplier("{{kpi.redelivery.backoff-multiplier}}")
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN);
    }

    /** Defines the routes of the flow. */
    protected abstract void routes() throws Exception;

    /**
     * Re-scores what an ingest touched, as every source does after taking in records: the touched
     * (employee, period) pairs are grouped into (source, unit, period) partitions
     * ({@code SyncPartitionService.deferOrInline}); within a sync run on this instance they are
     * stored for the run, which sends them to the partitions queue once its pulls are done
     * ({@code SyncPartitionRouteBuilder}); otherwise each goes at once, as JSON, to {@code direct:rescorePartition}
     * (its employees re-scored, then its unit's summary written; a failure is dead-lettered and the
     * ingest goes on). The message body is kept.
     *
     * @param route the route to extend
     * @param result Simple expression of the {@link IngestResult}, without {@code ${}}: {@code body}
     *     or e.g. {@code exchangeProperty.kpiIngestResult}
     * @return the route, for chaining
     */
    protected ProcessorDefinition<?> rescoreTouched(ProcessorDefinition<?> route, String result) {
        return route
                .split(method("syncPartitionService", "deferOrInline(${" + result + "})"))
                    .marshal().json(org.apache.camel.model.dataformat.JsonLibrary.Jackson)
                    .to("direct:rescorePartition")
                .end();
    }

    /**
     * {@link #rescoreTouched(ProcessorDefinition, String)} for a body that is the {@link IngestResult}.
     *
     * @param route the route to extend
     * @return the route, for chaining
     */
    protected ProcessorDefinition<?> rescoreTouched(ProcessorDefinition<?> route) {
        return rescoreTouched(route, "body");
    }

    /**
     * Installs the answer of the API routes of this builder to an {@link ApiProblem}: handled, and
     * answered as {@code application/problem+json} with its status ({@link ApiProblem#respond}).
     */
    protected void apiProblems() {
        onException(ApiProblem.class)
                // an answered 4xx is not a failure: never redelivered, no WARN with the exchange
                .maximumRedeliveries(0)
                .logExhausted(false)
                .handled(true)
                .process(ApiProblem::respond);
    }
}
