package vn.kpibridge.routes;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.kpibridge.routes.security.KpiRole;

/**
 * Full-context flow tests: the real application with a real embedded PostgreSQL and an
 * in-process Artemis broker, under a fresh data folder per test JVM. Each test starts from empty
 * tables, an empty inbox and an empty evaluation queue.
 *
 * <p>The mappings are the shipped {@code mappings/} copied into the data folder, plus the test
 * source {@code eoffice-phuc-loi} of {@code src/test/resources/workflow-mappings/} (a ward's
 * monthly e-office under seed 002, with a unit tree: PL-UBND above PL-VP and PL-KT).
 *
 * <p>The API is secured: {@link #apiCall} and {@link #apiGet} send credentials made by {@link #jwt}
 * (signed with a key pair generated for this JVM, whose public key is the application's
 * {@code kpi.security.jwt.public-key}) or an API key ({@link #apiKey}); {@link #admin()} is an
 * ADMIN bearer.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KpiBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FlowTestSupport {
    /** Data folder of this test JVM (PostgreSQL, Artemis journal, inbox, outputs). */
    protected static final Path DATA;
    /**
     * Copy of the repository's {@code mappings/} that the shared context reads and reloads
     * (every 200 ms here), so that a test may edit mapping files; such a test restores them with
     * {@link #restoreMappings()}.
     */
    protected static final Path MAPPINGS;

    static {
        try {
            Files.createDirectories(Path.of("target"));
            DATA = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
            MAPPINGS = DATA.resolve("mappings");
            copyMappings();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issuer of the test JWTs (checked by the application). */
    protected static final String ISSUER = "https://idp.test.local/realms/kpi";
    /** The identity provider's signing key of this test JVM. */
    protected static final RSAKey SIGNING_KEY;

    static {
        try {
            SIGNING_KEY = new RSAKeyGenerator(2048).keyID("test-idp").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the mapping files back as the repository has them plus the test source (removing files a
     * test added); the registry picks them up at its next reload check.
     */
    protected static void restoreMappings() throws IOException {
        deleteTree(MAPPINGS);
        copyMappings();
    }

    private static void copyMappings() throws IOException {
        copyTree(Path.of("../mappings"), MAPPINGS);
        copyTree(Path.of("src/test/resources/workflow-mappings"), MAPPINGS);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("kpi.data-dir", DATA::toString);
        r.add("kpi.mappings-dir", MAPPINGS::toString);
        r.add("kpi.mappings.reload-interval-ms", () -> "200");
        r.add("kpi.security.jwt.issuer-uri", () -> ISSUER);
        r.add("kpi.security.jwt.public-key", FlowTestSupport::publicKeyPem);
        r.add("kpi.schemes-dir", () -> "../config/schemes");
        r.add("kpi.inbox.poll-delay-ms", () -> "100");
        r.add("kpi.sync.seed-from", () -> "");
        r.add("kpi.redelivery.redelivery-delay-ms", () -> "10");
        r.add("spring.jms.template.receive-timeout", () -> "2000");
        // HR push (on only where a test sets HR_API_URL): short time limits and back-off
        r.add("kpi.targets.hr.connect-timeout-ms", () -> "1000");
        r.add("kpi.targets.hr.response-timeout-ms", () -> "2000");
        r.add("kpi.targets.hr.retry.initial-delay-ms", () -> "200");
        r.add("kpi.targets.hr.retry.max-delay-ms", () -> "800");
        r.add("kpi.targets.hr.retry.max-attempts", () -> "4");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JmsTemplate jms;

    @Autowired
    private org.apache.camel.CamelContext camelContext;

    @BeforeEach
    void cleanState() throws IOException {
        // an earlier test may have stopped waiting while the flow still writes its reports and
        // package: let every in-flight exchange finish before its tables and files are removed
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> camelContext.getInflightRepository().size() == 0);
        jdbc.execute("truncate table outbox_delivery_attempt, outbox_message, evaluation, record_issue, employee_assessment, "
                + "work_item, source_record, source_file, source_watermark, evaluation_workflow, self_assessment, "
                + "reviewer_input, api_key, record_assignment, audit_entry, sync_partition, sync_run_source, sync_run "
                + "restart identity cascade");
        jms.setReceiveTimeout(200);
        while (jms.receive("kpi.evaluations") != null) {
            // drain messages left by an earlier test
        }
        jms.setReceiveTimeout(org.springframework.jms.core.JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
        while (jms.receive("kpi.dead-letter") != null) {
            // and dead letters (Artemis forces delivery on a no-wait receive)
        }
        jms.setReceiveTimeout(5000);
        deleteTree(DATA.resolve("out"));
    }

    /** Copies a file into the inbox folder of a source, atomically (as an e-office drop would). */
    protected static Path drop(Path file, String sourceFolder, String name) throws IOException {
        Path dir = DATA.resolve("inbox").resolve(sourceFolder);
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".part");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes text as a file in the inbox folder of a source, atomically. */
    protected static Path drop(String content, String sourceFolder, String name) throws IOException {
        Path tmp = Files.createTempFile(DATA, "drop", ".tmp");
        Files.writeString(tmp, content);
        Path p = drop(tmp, sourceFolder, name);
        Files.delete(tmp);
        return p;
    }

    /** Credentials sent with a request: one header. */
    public record Credentials(String header, String value) {
    }

    /** @return credentials sending {@code Authorization: Bearer <token>}. */
    public static Credentials bearer(String token) {
        return new Credentials("Authorization", "Bearer " + token);
    }

    /** @return credentials sending {@code X-API-Key: <key>}. */
    public static Credentials apiKey(String key) {
        return new Credentials("X-API-Key", key);
    }

    /** @return an ADMIN bearer (no unit). */
    public static Credentials admin() {
        return bearer(jwt("admin.test", null, null, KpiRole.ADMIN));
    }

    /**
     * @param user preferred_username
     * @param unit the unit claim, or null
     * @param employee the employee_code claim, or null
     * @param roles the roles claim
     * @return a JWT valid for an hour, signed with {@link #SIGNING_KEY}, issued by {@link #ISSUER}
     */
    public static String jwt(String user, String unit, String employee, KpiRole... roles) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().issuer(ISSUER).subject("sub-" + user).claim("preferred_username", user)
                .claim("roles", Arrays.stream(roles).map(Enum::name).toList()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        if (unit != null) {
            c.claim("unit", unit);
        }
        if (employee != null) {
            c.claim("employee_code", employee);
        }
        return sign(SIGNING_KEY, c.build());
    }

    /** @return the claims signed RS256 with the key (any key: a forged token uses another). */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT t = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            t.sign(new RSASSASigner(key));
            return t.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * Calls the API of the running application.
     *
     * @param who credentials, or null for none
     * @param method GET, PUT, POST...
     * @param path path and query, e.g. {@code /api/v1/evaluations?unit=PL-VP&period=2026-06}
     * @param json request body, or null
     * @return the response
     */
    protected HttpResponse<String> apiCall(Credentials who, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (who != null) {
            b.header(who.header(), who.value());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with credentials. */
    protected HttpResponse<String> apiGet(Credentials who, String path) throws Exception {
        return apiCall(who, "GET", path, null);
    }

    /** @return the Prometheus scrape of the running application ({@code /actuator/prometheus}, open) */
    protected String prometheus() throws Exception {
        HttpResponse<String> r = apiGet(null, "/actuator/prometheus");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + r.statusCode());
        }
        return r.body();
    }

    /**
     * @param before a {@link #prometheus} scrape
     * @param after a later scrape
     * @param series a series with its labels, e.g. {@code kpi_failures_total{kind="report"}}
     * @return how much the series grew between the two (a missing series counts as 0)
     */
    protected static double metricDelta(String before, String after, String series) {
        return metric(after, series) - metric(before, series);
    }

    private static double metric(String scrape, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^" + java.util.regex.Pattern.quote(series)
                + " (\\S+)$", java.util.regex.Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    private static String publicKeyPem() {
        try {
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(SIGNING_KEY.toRSAPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
