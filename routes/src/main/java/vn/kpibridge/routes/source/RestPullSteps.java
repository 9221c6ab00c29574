package vn.kpibridge.routes.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.config.SourceMapping.Auth;
import vn.kpibridge.connectors.config.SourceMapping.Incremental;
import vn.kpibridge.connectors.config.SourceMapping.Login;
import vn.kpibridge.connectors.config.SourceMapping.OAuth2;
import vn.kpibridge.connectors.config.SourceMapping.Rest;
import vn.kpibridge.connectors.pull.JsonLocator;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.pull.RecordDerivation.Derived;
import vn.kpibridge.connectors.pull.UpdatedTimes;
import vn.kpibridge.connectors.rest.RestPager;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.flow.Headers;
import vn.kpibridge.routes.flow.IngestResult;

/**
 * The steps of {@link RestSourceRouteBuilder}'s routes, one method per processor: prepare the
 * pull, build the login / token / page requests for the Camel HTTP component, read the answers,
 * and keep the run's state ({@link RestPullRun}) in the exchange.
 *
 * <p>Requests carry only the headers set here: every step starts from an empty header set, so
 * neither Camel headers nor a previous answer's headers reach the source, and the authentication
 * header is removed again as soon as the answer is read.
 */
@Component
public class RestPullSteps {
    private static final Logger log = LoggerFactory.getLogger(RestPullSteps.class);

    private final MappingRegistry registry;
    private final SourcePlaceholders placeholders;
    private final WatermarkStore watermarks;
    private final OAuth2TokenCache tokens;
    private final SourcePullProperties props;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * @param registry configured sources
     * @param placeholders placeholder resolution
     * @param watermarks stored watermarks
     * @param tokens OAuth2 token cache
     * @param props pull settings
     */
    public RestPullSteps(MappingRegistry registry, SourcePlaceholders placeholders, WatermarkStore watermarks,
            OAuth2TokenCache tokens, SourcePullProperties props) {
        this.registry = registry;
        this.placeholders = placeholders;
        this.watermarks = watermarks;
        this.tokens = tokens;
        this.props = props;
    }

    /** @return the REST run of the exchange */
    static RestPullRun run(Exchange e) {
        return e.getProperty(SourceHeaders.RUN, RestPullRun.class);
    }

    /**
     * Prepares a pull: finds the source (header {@code KpiSourceId}, else the body), resolves its
     * settings' placeholders, reads the watermark and sets up the static authentication.
     *
     * @param e the pull request
     * @throws SourcePullException (not retryable) for an unknown or non-REST source or a missing setting
     */
    public void start(Exchange e) {
        Message m = e.getMessage();
        String sourceId = SourceHeaders.requestedSourceId(m);
        sourceId = sourceId.trim();
        final String id = sourceId;
        SourceSetup setup = registry.source(id).orElseThrow(() -> new SourcePullException(id,
                "no source mapping with this id; configured: " + registry.sources().keySet(), false, null));
        SourceMapping mapping = setup.mapping();
        Rest rest = m.getHeader(SourceHeaders.REST_SETTINGS, Rest.class);
        if (rest == null) {
            rest = mapping.rest();
        }
        if (rest == null) {
            throw new SourcePullException(id, "is of type " + mapping.type() + ", not rest; nothing to pull", false, null);
        }
        String base = placeholders.resolve(id, "rest.baseUrl", rest.baseUrl()).trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        checkHttpUrl(id, "rest.baseUrl", base);
        Set<String> secretQuery = new HashSet<>();
        rest.query().forEach((k, v) -> {
            if (SourcePlaceholders.hasPlaceholder(v)) {
                secretQuery.add(k);
            }
        });
        Incremental inc = rest.incremental();
        LocalDateTime watermark = watermarks.read(id).orElse(null);
        if (watermark == null && inc != null && inc.initial() != null) {
            watermark = UpdatedTimes.parseIso(inc.initial(), "rest.incremental.initial");
        }
        RecordDerivation derivation = RecordDerivation.forRest(rest, mapping.dateFormats());
        Auth auth = rest.auth();
        RestPullRun run = new RestPullRun(id, rest, base, placeholders.resolveAll(id, "rest.query", rest.query()),
                secretQuery, placeholders.resolveAll(id, "rest.headers", rest.headers()),
                new RestPager(rest.paging(), props.maxPages()), derivation, watermark, credentialNames(auth));
        switch (auth.type()) {
            case Auth.HEADER -> {
                run.authHeader = auth.header();
                run.authValue = placeholders.resolve(id, "rest.auth.value", auth.value());
            }
            case Auth.BASIC -> {
                String user = placeholders.resolve(id, "rest.auth.username", auth.username());
                String password = placeholders.resolve(id, "rest.auth.password", auth.password());
                run.authHeader = "Authorization";
                run.authValue = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                // login-token and OAuth2 get their token from a call; none sends nothing
            }
        }
        e.setProperty(SourceHeaders.RUN, run);
        e.setProperty(SourceHeaders.SOURCE_ID, id);
        log.info("Pull of source {} started: {} {}, auth {}, paging {}, watermark {}", id, rest.method(), run.listUrl,
                auth.type(), rest.paging().type(), watermark == null ? "none (full pull)" : watermark);
    }

    /** @return true when the source uses login-token authentication (a login call comes first) */
    public boolean needsLogin(Exchange e) {
        return Auth.LOGIN_TOKEN.equals(run(e).rest.auth().type());
    }

    /**
     * Builds the login call of login-token authentication: the body fields, resolved, as JSON or
     * a form.
     *
     * @param e the exchange
     * @throws SourcePullException when a credential placeholder is not set
     */
    public void loginRequest(Exchange e) {
        RestPullRun run = run(e);
        String id = run.sourceId();
        Login login = run.rest.auth().login();
        Map<String, String> fields = placeholders.resolveAll(id, "rest.auth.login.body", login.body());
        String url = RestPullRun.join(run.baseUrl, placeholders.resolve(id, "rest.auth.login.path", login.path()));
        Message m = fresh(e);
        m.setHeader(Exchange.HTTP_METHOD, login.method());
        m.setHeader(Exchange.HTTP_URI, url);
        m.setHeader("Accept", "application/json");
        if ("GET".equals(login.method())) {
            m.setHeader(Exchange.HTTP_RAW_QUERY, form(fields));
        } else if ("form".equals(login.format())) {
            m.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
            m.setBody(form(fields));
        } else {
            m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
            try {
                m.setBody(mapper.writeValueAsString(fields));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        run.callUrl = url;
        run.call = "login (" + login.method() + " " + url + ")";
    }

    /**
     * Reads the token from the login answer.
     *
     * @param e the exchange holding the answer
     * @throws SourcePullException (not retryable) when the answer is not JSON or has no token
     */
    public void takeLoginToken(Exchange e) {
        RestPullRun run = run(e);
        Auth auth = run.rest.auth();
        JsonNode body = json(run, e);
        JsonLocator at = JsonLocator.compile(auth.login().token());
        String token = at.readText(body);
        if (token == null) {
            throw new SourcePullException(run.sourceId(), run.call + " answered without a token at " + at
                    + " (answer fields: " + fieldNames(body) + ")", false, null);
        }
        run.authHeader = auth.header();
        run.authValue = auth.prefix() + token;
        fresh(e);
        log.info("Pull of source {}: logged in ({})", run.sourceId(), run.call);
    }

    /**
     * @return true when the source uses OAuth2 client credentials and no unexpired token is
     *     cached; with a cached token, sets it on the run and returns false
     */
    public boolean needsOAuth2Token(Exchange e) {
        RestPullRun run = run(e);
        Auth auth = run.rest.auth();
        if (!Auth.OAUTH2.equals(auth.type())) {
            return false;
        }
        String id = run.sourceId();
        OAuth2 o = auth.oauth2();
        run.oauth2Key = id + "|" + placeholders.resolve(id, "rest.auth.oauth2.tokenUrl", o.tokenUrl()) + "|"
                + placeholders.resolve(id, "rest.auth.oauth2.clientId", o.clientId()) + "|" + o.scope();
        Optional<String> cached = tokens.get(run.oauth2Key);
        cached.ifPresent(t -> {
            run.authHeader = "Authorization";
            run.authValue = "Bearer " + t;
        });
        return cached.isEmpty();
    }

    /**
     * Builds the client-credentials token request (RFC 6749 §4.4.2,
     * {@link OAuth2TokenCache#tokenForm}): a form with {@code grant_type=client_credentials} and the
     * scope; the client authenticates with HTTP basic (§2.3.1, id and secret form-encoded) or in
     * the body.
     *
     * @param e the exchange
     * @throws SourcePullException when a setting is missing or the token URL is not http(s)
     */
    public void tokenRequest(Exchange e) {
        RestPullRun run = run(e);
        String id = run.sourceId();
        OAuth2 o = run.rest.auth().oauth2();
        String url = placeholders.resolve(id, "rest.auth.oauth2.tokenUrl", o.tokenUrl());
        checkHttpUrl(id, "rest.auth.oauth2.tokenUrl", url);
        String clientId = placeholders.resolve(id, "rest.auth.oauth2.clientId", o.clientId());
        String secret = placeholders.resolve(id, "rest.auth.oauth2.clientSecret", o.clientSecret());
        String scope = o.scope() == null ? null : placeholders.resolve(id, "rest.auth.oauth2.scope", o.scope());
        OAuth2TokenCache.TokenRequest request = OAuth2TokenCache.tokenForm(clientId, secret, scope,
                "body".equals(o.clientAuth()));
        Message m = fresh(e);
        if (request.authorization() != null) {
            m.setHeader("Authorization", request.authorization());
        }
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.HTTP_URI, url);
        m.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
        m.setHeader("Accept", "application/json");
        m.setBody(request.body());
        run.callUrl = url;
        run.call = "OAuth2 token request (POST " + url + ")";
    }

    /**
     * Reads {@code access_token} and {@code expires_in} from the token answer and caches the token.
     *
     * @param e the exchange holding the answer
     * @throws SourcePullException (not retryable) when the answer has no access token
     */
    public void takeOAuth2Token(Exchange e) {
        RestPullRun run = run(e);
        JsonNode body = json(run, e);
        OAuth2TokenCache.Token token = tokens.take(run.oauth2Key, body).orElseThrow(() -> new SourcePullException(
                run.sourceId(), run.call + " answered without access_token (answer fields: " + fieldNames(body) + ")", false,
                null));
        run.authHeader = "Authorization";
        run.authValue = "Bearer " + token.accessToken();
        fresh(e);
        log.info("Pull of source {}: OAuth2 token received ({}), valid {} s", run.sourceId(), run.call,
                token.expiresInSeconds() == null ? "for this pull" : token.expiresInSeconds());
    }

    /** @return true while the pull has another page to ask for */
    public boolean hasNextPage(Exchange e) {
        return run(e).more;
    }

    /**
     * Builds the request of the next page: the configured URL and fixed query, the paging
     * parameters, the watermark parameter (server-side incremental pulls), the fixed headers and
     * the authentication header; or the next link as given by the server.
     *
     * @param e the exchange
     */
    public void pageRequest(Exchange e) {
        RestPullRun run = run(e);
        RestPager.PageRequest p = run.page;
        Message m = fresh(e);
        String url;
        String rawQuery;
        String shown;
        if (p.url() != null) {
            URI u = URI.create(p.url());
            rawQuery = u.getRawQuery();
            url = rawQuery == null ? p.url() : p.url().substring(0, p.url().indexOf('?'));
            shown = p.url();
        } else {
            Map<String, String> q = new LinkedHashMap<>(run.query);
            q.putAll(p.params());
            if (run.sinceParam != null && run.watermarkBefore() != null) {
                q.put(run.sinceParam, run.watermarkBefore().format(run.sinceFormat));
            }
            url = run.listUrl;
            rawQuery = q.isEmpty() ? null : form(q);
            shown = url + (q.isEmpty() ? "" : "?" + shownQuery(q, run.secretQuery));
        }
        m.setHeader(Exchange.HTTP_METHOD, run.rest.method());
        m.setHeader(Exchange.HTTP_URI, url);
        if (rawQuery != null) {
            m.setHeader(Exchange.HTTP_RAW_QUERY, rawQuery);
        }
        m.setHeader("Accept", "application/json");
        run.headers.forEach(m::setHeader);
        if (run.authHeader != null) {
            m.setHeader(run.authHeader, run.authValue);
        }
        run.callUrl = rawQuery == null ? url : url + "?" + rawQuery;
        run.call = "page " + p.number() + " (" + run.rest.method() + " " + shown + ")";
    }

    /**
     * Reads a page: the records array, each record with its derived values, the client-side
     * watermark filter, and the next page's request, which becomes the pull's current page
     * ({@link #hasNextPage} is false after the last). The body becomes the {@link ExportFile} to
     * ingest; the run notes the page's name and skipped records ({@link PullRun#taken}).
     *
     * @param e the exchange holding the answer
     * @throws SourcePullException (not retryable) when the answer is not JSON, has no records
     *     array, or the paging loops
     */
    public void takePage(Exchange e) {
        RestPullRun run = run(e);
        JsonNode body = json(run, e);
        JsonNode items = run.items.read(body);
        if (items == null && body.isArray() && run.items.expression().isEmpty()) {
            items = body;
        }
        if (items == null || !items.isArray()) {
            throw new SourcePullException(run.sourceId(), run.call + ": the answer has no records array at "
                    + run.items + " (answer fields: " + fieldNames(body) + ")", false, null);
        }
        String link = e.getMessage().getHeader("Link", String.class);
        // derived on the common fork-join pool (JSONPath filters, date parsing: the pull thread's largest
        // share of work after the answer's parsing), then taken in the page's order
        List<JsonNode> page = new ArrayList<>(items.size());
        items.forEach(page::add);
        Object[] derived = new Object[page.size()];
        java.util.stream.IntStream.range(0, page.size()).parallel().forEach(i -> {
            try {
                derived[i] = run.derivation.apply(page.get(i));
            } catch (IllegalArgumentException ex) {
                derived[i] = ex;
            }
        });
        List<RawRecord> records = new ArrayList<>();
        int skipped = 0;
        for (int index = 0; index < derived.length; index++) {
            if (derived[index] instanceof IllegalArgumentException ex) {
                throw new SourcePullException(run.sourceId(), run.call + ": record #" + (index + 1) + ": "
                        + ex.getMessage(), false, ex);
            }
            Derived d = (Derived) derived[index];
            run.seen(d.updatedAt());
            if (run.clientFilter && run.watermarkBefore() != null && d.updatedAt() != null
                    && d.updatedAt().isBefore(run.watermarkBefore())) {
                skipped++;
            } else {
                records.add(new RawRecord(index, 0, d.payload()));
            }
        }
        RestPager.PageRequest next;
        try {
            next = run.pager.next(run.page, body, items.size(), link, run.callUrl).orElse(null);
        } catch (IllegalStateException ex) {
            throw new SourcePullException(run.sourceId(), run.call + ": " + ex.getMessage(), false, ex);
        }
        ObjectNode header = mapper.createObjectNode();
        if (body.isObject()) {
            body.fields().forEachRemaining(f -> {
                if (f.getValue().isValueNode()) {
                    header.set(f.getKey(), f.getValue());
                }
            });
        }
        Message m = fresh(e);
        m.setBody(new ExportFile(run.sourceId() + " " + run.what() + " page " + run.page.number(), header, records));
        run.taken("page " + run.page.number(), skipped);
        run.page = next;
        run.more = next != null;
    }

    /**
     * Turns a failed HTTP call (connection refused, time-out, TLS) into a retryable
     * {@link SourcePullException} naming the source and the call.
     *
     * @param e the exchange whose call failed
     */
    public void callFailed(Exchange e) {
        RestPullRun run = run(e);
        Throwable t = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Throwable root = t;
        boolean io = false;
        for (Throwable c = t; c != null; c = c.getCause()) {
            io |= c instanceof IOException;
            root = c;
        }
        throw new SourcePullException(run.sourceId(), run.call + " failed: " + (root == null ? "unknown error"
                : root.getClass().getSimpleName() + ": " + root.getMessage()), io, t);
    }

    /**
     * Checks the HTTP status of an answer: 2xx goes on; 5xx, 408 and 429 are retryable failures;
     * any other status (401 and 403 name the credential placeholders to check) fails the pull.
     *
     * @param e the exchange holding the answer
     * @throws SourcePullException when the status is not 2xx
     */
    public void checkStatus(Exchange e) {
        RestPullRun run = run(e);
        Message m = e.getMessage();
        Integer status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status != null && status >= 200 && status < 300) {
            return;
        }
        // the message is left as it is: the error handler restores the request from it and counts
        // redeliveries in its Camel headers
        String text = m.getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class);
        int s = status == null ? 0 : status;
        boolean retryable = s >= 500 || s == 408 || s == 429;
        String hint = "";
        if (s == 401 || s == 403) {
            if (run.oauth2Key != null) {
                tokens.evict(run.oauth2Key);
            }
            hint = run.credentialNames.isEmpty() ? "; check rest.auth of the source mapping"
                    : "; check the credentials " + run.credentialNames;
        }
        throw new SourcePullException(run.sourceId(), run.call + " answered HTTP " + s
                + (text == null || text.isBlank() ? "" : " " + text) + hint, retryable, null);
    }

    private JsonNode json(RestPullRun run, Exchange e) {
        byte[] bytes = e.getMessage().getBody(byte[].class);
        if (bytes == null || bytes.length == 0) {
            throw new SourcePullException(run.sourceId(), run.call + " answered with an empty body", false, null);
        }
        try {
            return mapper.readTree(bytes);
        } catch (IOException ex) {
            String reason = ex instanceof JsonProcessingException j ? j.getOriginalMessage() : ex.getMessage();
            throw new SourcePullException(run.sourceId(), run.call + ": the answer is not JSON: " + reason, false, ex);
        }
    }

    /**
     * Empties the message before a new step: no header or body of an earlier call (nor its
     * redelivery count) reaches the next one. Never used on a failed call, whose message the
     * error handler needs for its redeliveries.
     */
    private static Message fresh(Exchange e) {
        Message m = e.getMessage();
        m.removeHeaders("*");
        m.setBody(null);
        return m;
    }

    private static void checkHttpUrl(String sourceId, String setting, String url) {
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !Set.of("http", "https").contains(u.getScheme().toLowerCase())
                    || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException ex) {
            throw new SourcePullException(sourceId, setting + " \"" + url + "\" is not an http(s) URL with a host",
                    false, null);
        }
    }

    private static String credentialNames(Auth auth) {
        return switch (auth.type()) {
            case Auth.HEADER -> SourcePlaceholders.names(auth.value());
            case Auth.BASIC -> SourcePlaceholders.names(auth.username(), auth.password());
            case Auth.LOGIN_TOKEN -> SourcePlaceholders.names(auth.login().body().values().toArray(String[]::new));
            case Auth.OAUTH2 -> SourcePlaceholders.names(auth.oauth2().clientId(), auth.oauth2().clientSecret());
            default -> "";
        };
    }

    private static String fieldNames(JsonNode body) {
        if (body == null || !body.isObject()) {
            return body == null ? "none" : "a JSON " + body.getNodeType().name().toLowerCase();
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(enc(k) + "=" + enc(v == null ? "" : v)));
        return j.toString();
    }

    private static String shownQuery(Map<String, String> q, Set<String> secret) {
        StringJoiner j = new StringJoiner("&");
        q.forEach((k, v) -> j.add(k + "=" + (secret.contains(k) ? "***" : v)));
        return j.toString();
    }
}
