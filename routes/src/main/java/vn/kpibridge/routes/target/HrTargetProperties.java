package vn.kpibridge.routes.target;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Settings of the HR push ({@code kpi.targets.hr.*} in application.yml). Whether the push is on
 * ({@code kpi.targets.hr.enabled}) and the target mapping file ({@code kpi.targets.hr.mapping})
 * are read from the environment at each use, so that they follow it: see {@link HrTarget#enabled()}
 * and {@link HrTarget#file()}.
 *
 * @param connectTimeoutMs longest wait for a connection, milliseconds
 * @param responseTimeoutMs longest wait for the answer, milliseconds
 * @param batchSize most messages one poll delivers (one after the other)
 * @param retry back-off between attempts and the number of attempts before a message is dead
 */
@ConfigurationProperties(prefix = "kpi.targets.hr")
public record HrTargetProperties(int connectTimeoutMs, int responseTimeoutMs, int batchSize,
        Retry retry) {

    /**
     * @return how long a claimed message is reserved for the running call: twice the connect and
     *     response limits (an OAuth2 token call and the push); after that, a message whose call
     *     never reported back (the process stopped) is sent again with the same idempotency key
     */
    public Duration lease() {
        return Duration.ofMillis(2L * (connectTimeoutMs + responseTimeoutMs));
    }

    /**
     * Exponential back-off across polls, stored on the outbox row so it survives restarts: after
     * attempt n fails, the next is due {@code initialDelayMs * multiplier^(n-1)} later, at most
     * {@code maxDelayMs}; after {@code maxAttempts} failed attempts the message is DEAD. Defaults
     * (30 s, x2, 1 h, 15 attempts) keep a message alive through about 8 hours of target downtime.
     *
     * @param maxAttempts attempts before the message is dead (at least 1)
     * @param initialDelayMs wait after the first failure, milliseconds
     * @param multiplier growth of the wait per attempt (at least 1)
     * @param maxDelayMs longest wait, milliseconds
     */
    public record Retry(int maxAttempts, long initialDelayMs, double multiplier, long maxDelayMs) {
        /** Checks the values. */
        public Retry {
            if (maxAttempts < 1 || initialDelayMs < 0 || multiplier < 1 || maxDelayMs < initialDelayMs) {
                throw new IllegalArgumentException("kpi.targets.hr.retry: need max-attempts >= 1, initial-delay-ms >= 0, "
                        + "multiplier >= 1 and max-delay-ms >= initial-delay-ms");
            }
        }

        /**
         * @param failedAttempts attempts failed so far in this round (1 after the first failure)
         * @return the wait before the next attempt (Spring's {@link ExponentialBackOff})
         */
        public Duration delayAfter(int failedAttempts) {
            ExponentialBackOff backOff = new ExponentialBackOff(initialDelayMs, multiplier);
            backOff.setMaxInterval(maxDelayMs);
            BackOffExecution execution = backOff.start();
            long delay = initialDelayMs;
            for (int i = 0; i < Math.max(1, failedAttempts); i++) {
                delay = execution.nextBackOff();
            }
            return Duration.ofMillis(delay);
        }
    }
}
