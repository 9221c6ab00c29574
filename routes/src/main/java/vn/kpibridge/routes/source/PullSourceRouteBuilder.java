package vn.kpibridge.routes.source;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kpibridge.routes.flow.KpiRouteBuilder;

/**
 * Common part of the pull-source flows (REST and SQL): failure handling that fails the pull
 * visibly. What a pull touched goes on to scoring and reporting with
 * {@link KpiRouteBuilder#rescoreTouched(org.apache.camel.model.ProcessorDefinition)}, as for files.
 *
 * <p>Failure handling, on top of {@link KpiRouteBuilder}'s dead-letter channel:
 * <ul>
 *   <li>a technical failure (a {@link SourcePullException#retryable() retryable} source error:
 *       5xx, 408, 429, connection failure or time-out; or any other exception, e.g. the
 *       database) is redelivered at the failing step with the same {@code kpi.redelivery.*}
 *       back-off as the base class, then the original pull request goes to the dead-letter
 *       queue {@code kpi.queues.dead-letter} with header {@link SourceHeaders#PULL_ERROR} (sent
 *       one-way: a caller using request/reply does not wait for an answer from the queue);</li>
 *   <li>any other source error (refused credentials, a missing setting, an answer of the wrong
 *       shape) is not redelivered nor dead-lettered: trying again cannot help;</li>
 *   <li>in both cases the exception is not handled: the caller of the pull gets it, with the
 *       source, call and reason in its message, and the watermark stays where it was.</li>
 * </ul>
 */
public abstract class PullSourceRouteBuilder extends KpiRouteBuilder {
    private static final Logger log = LoggerFactory.getLogger(PullSourceRouteBuilder.class);

    /** Installs the failure handling described above for the routes of this builder. */
    protected void pullFailureHandling() {
        withBackOff(onException(SourcePullException.class)
                .onWhen(PullSourceRouteBuilder::retryable))
                .logRetryStackTrace(false)
                .logExhausted(false)
                .useOriginalMessage()
                .handled(false)
                .process(e -> pullFailed(e, true))
                .to(ExchangePattern.InOnly, "jms:queue:{{kpi.queues.dead-letter}}");
        onException(SourcePullException.class)
                .maximumRedeliveries(0)
                .logExhausted(false)
                .handled(false)
                .process(e -> pullFailed(e, false));
        withBackOff(onException(Exception.class))
                .logExhausted(false)
                .useOriginalMessage()
                .handled(false)
                .process(e -> pullFailed(e, true))
                .to(ExchangePattern.InOnly, "jms:queue:{{kpi.queues.dead-letter}}");
    }

    private static boolean retryable(Exchange e) {
        Throwable t = e.getException() != null ? e.getException()
                : e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SourcePullException s) {
                return s.retryable();
            }
        }
        return false;
    }

    private static void pullFailed(Exchange e, boolean deadLettered) {
        Throwable t = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        PullRun run = e.getProperty(SourceHeaders.RUN, PullRun.class);
        if (run != null) {
            run.awaitInFlight(log);
        }
        String source = run != null ? run.sourceId() : t instanceof SourcePullException s ? s.sourceId()
                : e.getMessage().getBody(String.class);
        String reason = t == null ? "unknown error" : t.getMessage();
        log.error("Pull of source {} failed {}: {}. Watermark stays at {}; the next pull resumes from there.{}", source,
                run == null ? "before it started" : run.progress(), reason,
                run == null || run.watermarkBefore() == null ? "none" : run.watermarkBefore(),
                deadLettered ? " Pull request sent to the dead-letter queue." : "");
        e.getMessage().setHeader(SourceHeaders.PULL_ERROR, reason);
    }
}
