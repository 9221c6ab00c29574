package vn.kpibridge.routes.target;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.OutboxService;

/**
 * The processors of {@link HrTargetRouteBuilder}: build the push of a claimed message, read the
 * HR system's answer or the failure, and record the attempt's outcome on the outbox row.
 *
 * <p>Requests carry only the headers set here (every push starts from an empty header set), so
 * no Camel header reaches the HR system; the authentication header is removed as soon as the
 * answer is read and is never logged.
 */
@Component
public class HrDeliverySteps {
    /** Exchange property holding the {@link DeliveryClaim}. */
    public static final String CLAIM = "kpiDeliveryClaim";
    private static final String REQUEST = "kpiHrRequest";
    private static final int BODY_START = 500;
    private static final Logger log = LoggerFactory.getLogger(HrDeliverySteps.class);

    private final HrTarget hr;
    private final OutboxService outbox;
    private final HrTargetProperties props;

    /**
     * @param hr the HR target (mapping, authentication)
     * @param outbox where attempts are recorded
     * @param props time limits (the lease of a claim)
     */
    public HrDeliverySteps(HrTarget hr, OutboxService outbox, HrTargetProperties props) {
        this.hr = hr;
        this.outbox = outbox;
        this.props = props;
    }

    /**
     * Claims the message whose id is the body for one attempt; the body becomes the
     * {@link DeliveryClaim}, or null when another relay took it first or it is no longer due.
     *
     * @param e exchange with the message id as body
     */
    public void claim(Exchange e) {
        Long id = e.getMessage().getBody(Long.class);
        e.getMessage().setBody(outbox.claimForDelivery(id, props.lease()).orElse(null));
    }

    /**
     * Sets the HTTP method, URL, headers and JSON body of the push.
     *
     * @param e exchange with a {@link DeliveryClaim} body
     * @throws TargetCallException when the push cannot be made ready (see {@link HrTarget#request})
     */
    public void prepare(Exchange e) {
        DeliveryClaim c = e.getMessage().getBody(DeliveryClaim.class);
        e.setProperty(CLAIM, c);
        HrTarget.HrRequest r = hr.request(c.idempotencyKey(), c.payload());
        e.setProperty(REQUEST, r);
        Message m = e.getMessage();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_METHOD, r.method());
        m.setHeader(Exchange.HTTP_URI, r.url());
        r.headers().forEach(m::setHeader);
        m.setBody(r.body());
    }

    /**
     * Records the HR system's answer: 2xx delivered; 408, 429 and 5xx retried after the back-off
     * (or the answer's Retry-After when longer); any other status parked with the answer. A 401
     * drops the cached OAuth2 token.
     *
     * @param e exchange holding the answer
     */
    public void answered(Exchange e) {
        int status = e.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        DeliveryResult r = DeliveryResult.ofStatus(status, answer(e), retryAfter(e.getMessage().getHeader("Retry-After",
                String.class)));
        if (status == 401) {
            HrTarget.HrRequest req = e.getProperty(REQUEST, HrTarget.HrRequest.class);
            hr.tokenRefused(req == null ? null : req.oauth2Key());
        }
        finish(e, r);
    }

    /**
     * Records a failure without an answer (connection refused, time-out) or a push that could not
     * be made ready.
     *
     * @param e exchange with the caught exception
     */
    public void failed(Exchange e) {
        Exception ex = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        DeliveryResult r = ex instanceof TargetCallException t ? t.result() : DeliveryResult.ofError(describe(ex));
        finish(e, r);
    }

    private void finish(Exchange e, DeliveryResult r) {
        e.getMessage().removeHeaders("*");
        DeliveryClaim c = e.getProperty(CLAIM, DeliveryClaim.class);
        if (c == null) {
            c = e.getMessage().getBody(DeliveryClaim.class);
        }
        String status = outbox.finishAttempt(c, r);
        log.info("HR push of {} (message {}, attempt {}): {} -> {}", c.idempotencyKey(), c.messageId(), c.attempt(),
                r.answer().length() > 200 ? r.answer().substring(0, 200) + "…" : r.answer(), status);
    }

    /**
     * @param e an exchange holding an HTTP answer
     * @return "HTTP 503 Service Unavailable: " and the first 500 characters of the body
     */
    static String answer(Exchange e) {
        Message m = e.getMessage();
        int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = m.getHeader(Exchange.HTTP_RESPONSE_TEXT, "", String.class);
        String body = m.getBody(String.class);
        body = body == null ? "" : body.strip();
        if (body.length() > BODY_START) {
            body = body.substring(0, BODY_START) + "…";
        }
        return "HTTP " + status + (text.isBlank() ? "" : " " + text) + (body.isEmpty() ? "" : ": " + body);
    }

    /**
     * @param ex a failure of a call
     * @return its kind and message, e.g. "time-out: Read timed out"
     */
    static String describe(Throwable ex) {
        if (ex == null) {
            return "unknown failure";
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = root instanceof SocketTimeoutException || root.getClass().getSimpleName().contains("Timeout")
                ? "time-out" : root instanceof java.net.ConnectException ? "connection refused" : "failure";
        return kind + ": " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    /**
     * @param value a Retry-After header: seconds or an HTTP date (RFC 9110 §10.2.3)
     * @return the wait it asks for, or null when absent or unreadable
     */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.trim(),
                        DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ex) {
                return null;
            }
        }
    }
}
