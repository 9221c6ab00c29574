package vn.kpibridge.routes.target;

import org.apache.camel.component.http.HttpComponent;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.flow.OutboxService;

/**
 * Delivers the outbox's HR messages to the HR system's REST API (issue 5 point 2).
 *
 * <p>Route {@code outbox-hr-relay}: every {@code kpi.outbox.poll-delay-ms}, while the HR push is on
 * ({@link HrTarget#enabled()}), takes up to {@code kpi.targets.hr.batch-size} due pending
 * messages, one after the other: claims it ({@link OutboxService#claimForDelivery}: attempts + 1,
 * a lease of {@link HrTargetProperties#lease()}, attempt row SENDING), pushes it with the Camel
 * HTTP component {@value HrTarget#HTTP_COMPONENT} (time limits
 * {@code kpi.targets.hr.connect-timeout-ms} / {@code response-timeout-ms}) carrying the
 * {@code Idempotency-Key} header, and records the outcome ({@link OutboxService#finishAttempt}):
 * delivered, retried after an exponential back-off stored on the row (so it survives restarts
 * and hours of downtime), parked on a 4xx other than 408/429, dead after
 * {@code kpi.targets.hr.retry.max-attempts}. No database transaction is open during the call.
 * It has no error handler of its own: every failure is recorded on the message.
 */
@Component
public class HrTargetRouteBuilder extends KpiRouteBuilder {
    private final HrDeliverySteps steps;
    private final HrTarget hr;
    private final OutboxService outbox;
    private final HrTargetProperties props;

    /**
     * @param steps the processors
     * @param hr the HR target
     * @param outbox the outbox
     * @param props time limits and batch size
     */
    public HrTargetRouteBuilder(HrDeliverySteps steps, HrTarget hr, OutboxService outbox, HrTargetProperties props) {
        this.steps = steps;
        this.hr = hr;
        this.outbox = outbox;
        this.props = props;
    }

    @Override
    protected void routes() {
        HttpComponent http = new HttpComponent();
        http.setConnectTimeout(props.connectTimeoutMs());
        http.setConnectionRequestTimeout(props.connectTimeoutMs());
        http.setResponseTimeout(props.responseTimeoutMs());
        http.setSoTimeout(props.responseTimeoutMs());
        // retries are ours (stored on the outbox row, with back-off): the client must not repeat a
        // push by itself (HttpClient 5 repeats 503/429 answers by default)
        http.setHttpClientConfigurer(builder -> builder.disableAutomaticRetries());
        getContext().addComponent(HrTarget.HTTP_COMPONENT, http);

        from("scheduler:outbox-hr?delay={{kpi.outbox.poll-delay-ms}}&initialDelay=300")
                .routeId("outbox-hr-relay")
                .autoStartup("{{kpi.outbox.auto-start}}")
                .errorHandler(noErrorHandler())
                .filter(e -> hr.enabled())
                .process(e -> e.getIn().setBody(outbox.dueIds(OutboxService.HR, props.batchSize())))
                .split(body())
                    .process(steps::claim)
                    .filter(body().isNotNull())
                    .doTry()
                        .process(steps::prepare)
                        .to(HrTarget.HTTP_COMPONENT + "://hr-target?throwExceptionOnFailure=false")
                        .process(steps::answered)
                    .doCatch(Exception.class)
                        .process(steps::failed)
                    .end()
                    .end()
                .end();
    }
}
