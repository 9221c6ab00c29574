package vn.kpibridge.routes.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.routes.source.OAuth2TokenCache;
import vn.kpibridge.routes.source.SourcePlaceholders;
import vn.kpibridge.routes.source.SourcePullException;
import vn.kpibridge.routes.target.TargetMapping.Auth;
import vn.kpibridge.routes.target.TargetMapping.OAuth2;
import vn.kpibridge.routes.persistence.StoredJson;

/**
 * The HR system as a REST target: its mapping file ({@code kpi.targets.hr.mapping}, default
 * {@code mappings/targets/hr.yml}), whether the push is on, and the HTTP request of one
 * evaluation message (URL, method, headers with authentication and {@code Idempotency-Key},
 * JSON body under the HR system's field names).
 *
 * <p>The mapping file is read at start-up (a bad file stops the application with file, line and
 * reason) and again when it changes on disk. Placeholders ({@code ${HR_API_URL}}...) are resolved
 * from the environment at each use with {@link SourcePlaceholders}; OAuth2 tokens are kept in the
 * shared {@link OAuth2TokenCache}.
 */
@Component
public class HrTarget {
    /** Outbox target name of the HR push. */
    public static final String TARGET = "HR";
    /** Header carrying the idempotency key ({@code employee:period:vN}) to the HR system. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** Camel component (HTTP, time limits {@code kpi.targets.hr.*-timeout-ms}) used for HR calls. */
    public static final String HTTP_COMPONENT = "hr-http";

    private static final Logger log = LoggerFactory.getLogger(HrTarget.class);
    private static final Pattern FIELD = Pattern.compile("(?<!\\$)\\{([A-Za-z]+)}");

    private record Loaded(Path file, FileTime modified, TargetMapping mapping) {
    }

    /**
     * One push, ready for the Camel HTTP component.
     *
     * @param method HTTP method
     * @param url absolute URL
     * @param headers headers to send (authentication included: never log them)
     * @param body JSON body
     * @param oauth2Key the token cache key when the push carries an OAuth2 token, else null
     */
    public record HrRequest(String method, String url, Map<String, String> headers, String body, String oauth2Key) {
    }

    private final Environment env;
    private final SourcePlaceholders placeholders;
    private final OAuth2TokenCache tokens;
    private final ObjectProvider<ProducerTemplate> template;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile Loaded loaded;

    /**
     * Reads the mapping file when it exists.
     *
     * @param env environment (placeholders, {@code kpi.targets.hr.enabled}, the file's path)
     * @param placeholders placeholder resolution
     * @param tokens OAuth2 token cache
     * @param template Camel producer for the OAuth2 token call
     * @throws MappingFileException when the file exists and is invalid
     */
    public HrTarget(Environment env, SourcePlaceholders placeholders, OAuth2TokenCache tokens,
            ObjectProvider<ProducerTemplate> template) {
        this.env = env;
        this.placeholders = placeholders;
        this.tokens = tokens;
        this.template = template;
        mapping().ifPresentOrElse(m -> log.info("HR target: mapping {} ({}), push {}", file(), m.name(),
                        enabled() ? "on" : "off (request.baseUrl is empty; set it or kpi.targets.hr.enabled)"),
                () -> log.info("HR target: no mapping file {}; HR push off", file()));
    }

    /**
     * @return the mapping file in use: {@code kpi.targets.hr.mapping} (default
     *     {@code ${kpi.mappings-dir}/targets/hr.yml}), read from the environment at each use
     */
    public Path file() {
        return Path.of(env.getProperty("kpi.targets.hr.mapping", "./mappings/targets/hr.yml"));
    }

    /**
     * @return the mapping, read again when the file changed; empty when there is no file
     * @throws MappingFileException when the file is invalid
     */
    public Optional<TargetMapping> mapping() {
        Path f = file();
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new MappingFileException(f.toString(), 0, "cannot read: " + e, e);
        }
        Loaded l = loaded;
        if (l == null || !l.file().equals(f) || !l.modified().equals(modified)) {
            l = new Loaded(f, modified, TargetMappingFiles.load(f));
            loaded = l;
        }
        return Optional.of(l.mapping());
    }

    /**
     * Whether evaluations are pushed to HR: {@code kpi.targets.hr.enabled} true or false when set;
     * when empty (the default), on exactly when the mapping file exists and its
     * {@code request.baseUrl} resolves to a non-empty value. Read at each use, so it follows the
     * environment.
     *
     * @return true when the push is on
     */
    public boolean enabled() {
        String flag = env.getProperty("kpi.targets.hr.enabled", "").trim();
        if (!flag.isEmpty()) {
            return Boolean.parseBoolean(flag);
        }
        try {
            Optional<TargetMapping> m = mapping();
            return m.isPresent() && !resolve("request.baseUrl", m.get().request().baseUrl()).isBlank();
        } catch (TargetCallException | MappingFileException e) {
            return false;
        }
    }

    /**
     * Builds the push of one evaluation message; with OAuth2 client credentials, takes a token
     * from the cache or asks the token endpoint (RFC 6749 §4.4.2).
     *
     * @param idempotencyKey the message's key, sent as {@value #IDEMPOTENCY_HEADER}
     * @param messageJson the evaluation message stored in the outbox
     * @return the request
     * @throws TargetCallException (retryable) when the mapping is missing or invalid, a
     *     placeholder has no value, the URL is not http(s), or the token endpoint cannot be
     *     reached or answers 5xx/408/429; (refused) when the token endpoint answers another 4xx
     */
    public HrRequest request(String idempotencyKey, String messageJson) {
        TargetMapping m;
        try {
            m = mapping().orElseThrow(() -> new TargetCallException(DeliveryResult.ofError("configuration: mapping file "
                    + file() + " not found")));
        } catch (MappingFileException e) {
            throw new TargetCallException(DeliveryResult.ofError("configuration: " + e.getMessage()));
        }
        JsonNode message = StoredJson.read(messageJson, "outbox message " + idempotencyKey);
        Map<String, JsonNode> ours = EvaluationFields.read(message);
        String base = resolve("request.baseUrl", m.request().baseUrl()).trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String url = base + fillPath(resolve("request.path", m.request().path()), ours);
        checkHttpUrl("request.baseUrl", url);
        Map<String, String> headers = new LinkedHashMap<>();
        m.request().headers().forEach((k, v) -> headers.put(k, resolve("request.headers." + k, v)));
        headers.put(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        headers.put("Accept", "application/json");
        headers.put(IDEMPOTENCY_HEADER, idempotencyKey);
        Auth auth = m.auth();
        String oauth2Key = null;
        switch (auth.type()) {
            case Auth.BEARER -> headers.put("Authorization", "Bearer " + resolve("auth.token", auth.token()));
            case Auth.API_KEY -> headers.put(auth.header(), resolve("auth.value", auth.value()));
            case Auth.BASIC -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString((resolve(
                    "auth.username", auth.username()) + ":" + resolve("auth.password", auth.password()))
                    .getBytes(StandardCharsets.UTF_8)));
            case Auth.OAUTH2 -> {
                oauth2Key = oauth2Key(auth.oauth2());
                headers.put("Authorization", "Bearer " + oauth2Token(auth.oauth2(), oauth2Key));
            }
            default -> {
                // none
            }
        }
        String body;
        try {
            body = EvaluationFields.payload(mapper, m.payload(), message).toString();
        } catch (IllegalArgumentException e) {
            throw new TargetCallException(DeliveryResult.ofError("configuration: " + file() + ": " + e.getMessage()));
        }
        return new HrRequest(m.request().method(), url, headers, body, oauth2Key);
    }

    /**
     * Drops a cached OAuth2 token the HR system refused (401), so the next attempt asks for a new one.
     *
     * @param oauth2Key the key from {@link HrRequest#oauth2Key()}, or null
     */
    public void tokenRefused(String oauth2Key) {
        if (oauth2Key != null) {
            tokens.evict(oauth2Key);
        }
    }

    /**
     * @return where the push goes, for messages: method, URL with the base URL's placeholder name
     *     instead of its value (e.g. "POST ${HR_API_URL:}/api/v1/ket-qua-danh-gia")
     */
    public String describe() {
        return mapping().map(m -> m.request().method() + " " + m.request().baseUrl() + m.request().path())
                .orElse("no mapping file " + file());
    }

    /**
     * @return why the push is off, for messages (never a resolved value)
     */
    public String offReason() {
        String flag = env.getProperty("kpi.targets.hr.enabled", "").trim();
        if (!flag.isEmpty()) {
            return "kpi.targets.hr.enabled=" + flag;
        }
        try {
            return mapping().map(m -> file() + ": request.baseUrl " + m.request().baseUrl() + " is empty")
                    .orElse("no mapping file " + file());
        } catch (MappingFileException e) {
            return e.getMessage();
        }
    }

    private String oauth2Key(OAuth2 o) {
        return "target:" + TARGET + "|" + resolve("auth.oauth2.tokenUrl", o.tokenUrl()) + "|"
                + resolve("auth.oauth2.clientId", o.clientId()) + "|" + o.scope();
    }

    private String oauth2Token(OAuth2 o, String key) {
        Optional<String> cached = tokens.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        String url = resolve("auth.oauth2.tokenUrl", o.tokenUrl());
        checkHttpUrl("auth.oauth2.tokenUrl", url);
        String clientId = resolve("auth.oauth2.clientId", o.clientId());
        String secret = resolve("auth.oauth2.clientSecret", o.clientSecret());
        String scope = o.scope() == null ? null : resolve("auth.oauth2.scope", o.scope());
        OAuth2TokenCache.TokenRequest request = OAuth2TokenCache.tokenForm(clientId, secret, scope,
                "body".equals(o.clientAuth()));
        String call = "OAuth2 token request (POST " + url + ")";
        Exchange answer = template.getObject().send(HTTP_COMPONENT + "://oauth2-token?throwExceptionOnFailure=false",
                ex -> {
                    var msg = ex.getMessage();
                    msg.setHeader(Exchange.HTTP_METHOD, "POST");
                    msg.setHeader(Exchange.HTTP_URI, url);
                    msg.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
                    msg.setHeader("Accept", "application/json");
                    if (request.authorization() != null) {
                        msg.setHeader("Authorization", request.authorization());
                    }
                    msg.setBody(request.body());
                });
        if (answer.getException() != null) {
            throw new TargetCallException(DeliveryResult.ofError(call + " failed: " + HrDeliverySteps.describe(
                    answer.getException())));
        }
        int status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String text = answer.getMessage().getBody(String.class);
        if (status < 200 || status >= 300) {
            DeliveryResult r = DeliveryResult.ofStatus(status, call + " answered " + HrDeliverySteps.answer(answer), null);
            throw new TargetCallException(r);
        }
        JsonNode body;
        try {
            body = mapper.readTree(text == null ? "" : text);
        } catch (IOException e) {
            body = null;
        }
        OAuth2TokenCache.Token token = tokens.take(key, body).orElseThrow(() -> new TargetCallException(
                DeliveryResult.ofError(call + " answered without access_token")));
        log.info("HR target: OAuth2 token received ({}), valid {} s", call,
                token.expiresInSeconds() == null ? "for this push" : token.expiresInSeconds());
        return token.accessToken();
    }

    private String resolve(String setting, String value) {
        try {
            String v = placeholders.resolve(TARGET, setting, value);
            return v == null ? "" : v;
        } catch (SourcePullException e) {
            String text = e.getMessage().replaceFirst("^source " + TARGET + ": ", "");
            throw new TargetCallException(DeliveryResult.ofError("configuration: " + file() + ": " + text));
        }
    }

    private String fillPath(String path, Map<String, JsonNode> ours) {
        Matcher m = FIELD.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = ours.get(m.group(1));
            if (v == null || v.isContainerNode()) {
                throw new TargetCallException(DeliveryResult.ofError("configuration: " + file() + ": request.path: {"
                        + m.group(1) + "} is not a text field of the message (" + String.join(", ",
                                EvaluationFields.NAMES) + ")"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v.asText(), StandardCharsets.UTF_8)
                    .replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void checkHttpUrl(String setting, String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new TargetCallException(DeliveryResult.ofError("configuration: " + file() + ": " + setting
                    + " does not give an absolute http(s) URL"));
        }
    }
}
