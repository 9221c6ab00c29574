package vn.kpibridge.routes.target;

import java.time.Duration;

/**
 * What one delivery attempt to a remote target came to.
 *
 * @param kind {@link Kind#DELIVERED}, {@link Kind#REFUSED} (not worth retrying: the message is
 *     parked) or {@link Kind#FAILED} (worth retrying, until the attempts run out)
 * @param httpStatus the target's HTTP status, or null when no answer came (connection, time-out,
 *     configuration)
 * @param answer short text: status line and the start of the body, or the error; never a credential
 * @param retryAfter the target's {@code Retry-After} (RFC 9110 §10.2.3), or null
 */
public record DeliveryResult(Kind kind, Integer httpStatus, String answer, Duration retryAfter) {
    /** Longest answer text kept, characters. */
    public static final int MAX_ANSWER = 2000;

    /** Outcome kinds. */
    public enum Kind {
        /** 2xx: delivered. */
        DELIVERED,
        /** 4xx other than 408/429 (or 3xx): the target refuses this message; retrying cannot help. */
        REFUSED,
        /** 5xx, 408, 429, no answer, or a setting missing: retry with back-off. */
        FAILED
    }

    /** Cuts the answer to {@link #MAX_ANSWER} characters. */
    public DeliveryResult {
        if (answer != null && answer.length() > MAX_ANSWER) {
            answer = answer.substring(0, MAX_ANSWER) + "…";
        }
    }

    /**
     * Classifies an HTTP answer (RFC 9110 §15): 2xx delivered; 408 Request Timeout, 429 Too Many
     * Requests and 5xx retried; any other status refused (parked with the answer).
     *
     * @param status HTTP status
     * @param answer status line and body start
     * @param retryAfter the Retry-After of the answer, or null
     * @return the result
     */
    public static DeliveryResult ofStatus(int status, String answer, Duration retryAfter) {
        Kind kind;
        if (status >= 200 && status < 300) {
            kind = Kind.DELIVERED;
        } else if (status == 408 || status == 429 || status >= 500) {
            kind = Kind.FAILED;
        } else {
            kind = Kind.REFUSED;
        }
        return new DeliveryResult(kind, status, answer, retryAfter);
    }

    /**
     * @param error a failure without an answer (connection refused, time-out, missing setting)
     * @return a retryable result naming the error
     */
    public static DeliveryResult ofError(String error) {
        return new DeliveryResult(Kind.FAILED, null, error, null);
    }
}
