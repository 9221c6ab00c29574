package vn.kpibridge.routes.source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Access tokens of OAuth2 client-credentials sources (RFC 6749 §4.4), kept in memory until they
 * expire, so pulls do not ask the token endpoint each time. A token is dropped 30 s before its
 * {@code expires_in} (or at half its lifetime when that is shorter); a token answer without
 * {@code expires_in} is used for its pull only. A token the API refuses (401) is dropped at once.
 */
@Component
public class OAuth2TokenCache {
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private record Entry(String token, Instant expiresAt) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /**
     * @param key the client: source, token endpoint, client id and scope
     * @return a token that has not expired, if one is cached
     */
    public Optional<String> get(String key) {
        Entry e = tokens.get(key);
        if (e == null || !clock.instant().isBefore(e.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(e.token());
    }

    /**
     * @param key the client
     * @param token the access token
     * @param expiresInSeconds the token's lifetime from the answer, or null when it gave none
     */
    public void put(String key, String token, Long expiresInSeconds) {
        if (expiresInSeconds == null || expiresInSeconds <= 0) {
            tokens.remove(key);
            return;
        }
        Duration life = Duration.ofSeconds(expiresInSeconds);
        Duration margin = life.dividedBy(2).compareTo(MARGIN) < 0 ? life.dividedBy(2) : MARGIN;
        tokens.put(key, new Entry(token, clock.instant().plus(life).minus(margin)));
    }

    /** @param key the client whose token the API refused */
    public void evict(String key) {
        tokens.remove(key);
    }
}
