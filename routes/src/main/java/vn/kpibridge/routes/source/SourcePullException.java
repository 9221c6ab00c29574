package vn.kpibridge.routes.source;

/**
 * A pull of a REST or SQL source that cannot go on. The message names the source, the call (login,
 * page number, method and URL without credentials) or the query, and the reason; it never holds a
 * password, token or key.
 *
 * <p>{@link #retryable()} tells the routes' error handling what kind of failure it is: a
 * technical one (the server answered 5xx, 408 or 429, the connection failed or timed out) is
 * redelivered with back-off and then dead-lettered; any other (401/403 on login, a missing
 * setting, an answer of the wrong shape) fails the pull at once, since trying again cannot help.
 */
public class SourcePullException extends RuntimeException {
    private final String sourceId;
    private final boolean retryable;

    /**
     * @param sourceId the source
     * @param message what failed and why, without credentials
     * @param retryable true for a technical failure worth redelivering
     * @param cause the underlying error, or null
     */
    public SourcePullException(String sourceId, String message, boolean retryable, Throwable cause) {
        super("source " + sourceId + ": " + message, cause);
        this.sourceId = sourceId;
        this.retryable = retryable;
    }

    /** @return the source id */
    public String sourceId() {
        return sourceId;
    }

    /** @return true when redelivery may help (server error, connection failure, time-out) */
    public boolean retryable() {
        return retryable;
    }
}
