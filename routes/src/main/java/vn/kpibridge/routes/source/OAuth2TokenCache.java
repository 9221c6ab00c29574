package vn.kpibridge.routes.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Access tokens of OAuth2 client-credentials clients (RFC 6749 §4.4): REST sources and the HR
 * target. Builds the token request ({@link #tokenForm}), reads the token answer ({@link #take})
 * and keeps the token in memory until it expires, so calls do not ask the token endpoint each
 * time. A token is dropped 30 s before its {@code expires_in} (or at half its lifetime when that
 * is shorter); a token answer without {@code expires_in} is used for its call only. A token the
 * API refuses (401) is dropped at once ({@link #evict}).
 */
@Component
public class OAuth2TokenCache {
    /**
     * A client-credentials token request (RFC 6749 §4.4.2), to POST to the token endpoint with
     * {@code Content-Type: application/x-www-form-urlencoded; charset=UTF-8}.
     *
     * @param body the form: {@code grant_type=client_credentials}, the scope when given, and
     *     {@code client_id} / {@code client_secret} when the client authenticates in the body
     * @param authorization the {@code Authorization} header of HTTP basic client authentication
     *     (§2.3.1), or null when the client authenticates in the body; a secret: never log it
     */
    public record TokenRequest(String body, String authorization) {
    }

    /**
     * A token read from a token answer (RFC 6749 §5.1).
     *
     * @param accessToken {@code access_token}
     * @param expiresInSeconds {@code expires_in}, or null when the answer gave none
     */
    public record Token(String accessToken, Long expiresInSeconds) {
    }

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

    /**
     * Builds the client-credentials token request (RFC 6749 §4.4.2). The form and the basic
     * credentials are encoded as {@code application/x-www-form-urlencoded} (RFC 6749 Appendix B and
     * §2.3.1: UTF-8, a space as {@code +}).
     *
     * @param clientId the client id, resolved
     * @param clientSecret the client secret, resolved
     * @param scope the scope, resolved, or null to send none
     * @param clientAuthInBody true to send id and secret as form fields ({@code clientAuth: body}),
     *     false for HTTP basic ({@code clientAuth: basic}, the default)
     * @return the form body and, for basic, the Authorization header
     */
    public static TokenRequest tokenForm(String clientId, String clientSecret, String scope, boolean clientAuthInBody) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        String authorization = null;
        if (clientAuthInBody) {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        } else {
            authorization = "Basic " + Base64.getEncoder().encodeToString((formEncode(clientId) + ":"
                    + formEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        }
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(formEncode(k) + "=" + formEncode(v)));
        return new TokenRequest(body.toString(), authorization);
    }

    /**
     * Reads a successful token answer (RFC 6749 §5.1) and caches its token under the key.
     *
     * @param key the client
     * @param answer the answer's JSON, or null when it was not JSON
     * @return the token, or empty when the answer has no non-blank {@code access_token} (nothing is
     *     cached then)
     */
    public Optional<Token> take(String key, JsonNode answer) {
        JsonNode token = answer == null ? null : answer.get("access_token");
        if (token == null || token.asText().isBlank()) {
            return Optional.empty();
        }
        JsonNode expires = answer.get("expires_in");
        Long expiresIn = expires == null || expires.isNull() ? null : expires.asLong();
        put(key, token.asText(), expiresIn);
        return Optional.of(new Token(token.asText(), expiresIn));
    }

    private static String formEncode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
