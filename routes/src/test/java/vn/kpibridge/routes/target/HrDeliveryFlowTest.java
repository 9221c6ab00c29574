package vn.kpibridge.routes.target;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.cli.OutboxCommand;
import vn.kpibridge.routes.flow.OutboxService;

/**
 * The HR push against a real HTTP server (WireMock) standing for the province's HR system, with
 * the shipped {@code mappings/targets/hr.yml} and only its environment set (HR_API_URL,
 * HR_API_TOKEN). The evaluation is the seed 001 worked example (Nguyễn Văn A, Quý II/2026,
 * 91.93 points, proposed NOT_COMPLETED) taken in through the inbox, so the HR message is the one
 * the real flow stores. Test time limits and back-off (FlowTestSupport): connect 1 s, answer
 * 2 s, retries after 200 ms, 400 ms, 800 ms, dead after 4 attempts.
 */
class HrDeliveryFlowTest extends FlowTestSupport {
    static final Path SAMPLE = Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    static final String PUSH = "/api/v1/danh-gia-xep-loai";
    static final String KEY = "BTC-CB-0001:2026-Q2:v1";
    static final String TOKEN = "hr-token-7d41";
    /** The remote API, started before the class's tests and reset before each (WireMock's JUnit 5 extension). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    ConfigurableEnvironment env;
    @Autowired
    CamelContext camel;
    @Autowired
    OutboxCommand outboxCommand;
    @Autowired
    OutboxService outbox;

    @BeforeAll
    static void warmUpServer() {
        // a first request warms the server up, so that test time limits measure the stubs' delays
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/warm-up"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void hrEnvironment() {
        environment(Map.of());
        // these tests push each new version (an installation approving outside kpi-bridge);
        // WorkflowMonthTest covers the default, release at publication
        outbox.setReleaseOn("new-version");
    }

    @AfterEach
    void quiet() {
        // no call of this test may still run when the next one truncates the tables
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "select count(*) from outbox_delivery_attempt where outcome = 'SENDING'") == 0);
        env.getPropertySources().remove("hr-test");
        outbox.setReleaseOn("publication");
    }

    void environment(Map<String, String> extra) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("HR_API_URL", server.baseUrl());
        vars.put("HR_API_TOKEN", TOKEN);
        vars.putAll(extra);
        env.getPropertySources().remove("hr-test");
        env.getPropertySources().addFirst(new MapPropertySource("hr-test", vars));
    }

    // ---------------------------------------------------------------- success and duplicates

    @Test
    void pushesTheEvaluationUnderTheHrFieldNamesWithTheIdempotencyKeyAndOnlyOnce() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"maHoSo\": \"HS-2026-00917\"}")));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");

        List<LoggedRequest> calls = server.findAll(postRequestedFor(urlPathEqualTo(PUSH)));
        assertThat(calls).hasSize(1);
        LoggedRequest call = calls.get(0);
        assertThat(call.getHeader("Idempotency-Key")).isEqualTo(KEY);
        assertThat(call.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(call.getHeader("X-He-Thong-Gui")).isEqualTo("kpi-bridge");
        assertThat(call.getHeader("Content-Type")).startsWith("application/json");
        assertThat(call.getHeader("KpiIdempotencyKey")).as("no Camel header leaks").isNull();
        JsonNode body = mapper.readTree(call.getBodyAsString());
        // names from mappings/targets/hr.yml, values of the seed example
        assertThat(body.get("maGiaoDich").asText()).isEqualTo(KEY);
        assertThat(body.get("maCanBo").asText()).isEqualTo("BTC-CB-0001");
        assertThat(body.get("hoTen").asText()).isEqualTo("Nguyễn Văn A");
        assertThat(body.get("chucVu").asText()).isEqualTo("Phó Trưởng Ban Tổ chức Tỉnh ủy");
        assertThat(body.get("maDonVi").asText()).isEqualTo("BTC-TU");
        assertThat(body.get("kyDanhGia").asText()).isEqualTo("2026-Q2");
        assertThat(body.get("tenKyDanhGia").asText()).isEqualTo("Quý II/2026");
        assertThat(body.get("phienBan").asInt()).isEqualTo(1);
        JsonNode ketQua = body.get("ketQua");
        assertThat(ketQua.get("tongDiem").decimalValue()).isEqualByComparingTo("91.93");
        assertThat(ketQua.get("diemTieuChiChung").decimalValue()).isEqualByComparingTo("30");
        assertThat(ketQua.get("diemThucHienNhiemVu").decimalValue()).isEqualByComparingTo("61.93");
        assertThat(ketQua.get("mucTheoDiem").asText()).isEqualTo("EXCELLENT");
        assertThat(ketQua.get("tenMucTheoDiem").asText()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(ketQua.get("xepLoaiDeXuat").asText()).isEqualTo("NOT_COMPLETED");
        assertThat(ketQua.get("tenXepLoaiDeXuat").asText()).isEqualTo("Không hoàn thành nhiệm vụ");
        assertThat(body.get("nguonDuLieu").asText()).isEqualTo("kpi-bridge");
        // only the mapped fields: none of our own names, no evaluation detail
        assertThat(body.has("employeeCode")).isFalse();
        assertThat(body.has("evaluation")).isFalse();
        assertThat(body.size()).isEqualTo(10);

        Map<String, Object> row = hrRow();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status")).isEqualTo(201);
        assertThat((String) row.get("last_answer")).isEqualTo("HTTP 201 Created: {\"maHoSo\": \"HS-2026-00917\"}");
        assertThat(row.get("delivered_at")).isNotNull();
        assertThat(outcomes()).containsExactly("DELIVERED 201");

        // the same file again: no new version, so nothing new for HR
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(
                DATA.resolve("inbox/eoffice-btc/eoffice-btc-2026-Q2.json")));
        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select deliveries from source_file") == 2);
        Thread.sleep(1000);
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(PUSH)));
        assertThat(count("select count(*) from outbox_message where target = 'HR'")).isEqualTo(1);
    }

    @Test
    void serviceUnavailableIsRetriedAfterTheBackOffWithTheSameKeyAndBody() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).inScenario("503").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Hệ thống đang bảo trì")).willSetStateTo("up"));
        server.stubFor(post(urlPathEqualTo(PUSH)).inScenario("503").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{\"ketQua\": \"OK\"}")));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");

        List<LoggedRequest> calls = server.findAll(postRequestedFor(urlPathEqualTo(PUSH)));
        assertThat(calls).hasSize(2);
        // the HR system received the message twice: same key and same body, so it can drop the copy
        assertThat(calls).extracting(c -> c.getHeader("Idempotency-Key")).containsExactly(KEY, KEY);
        assertThat(calls.get(1).getBodyAsString()).isEqualTo(calls.get(0).getBodyAsString());
        assertThat(outcomes()).containsExactly("RETRY 503", "DELIVERED 200");
        assertThat(answers().get(0)).isEqualTo("HTTP 503 Service Unavailable: Hệ thống đang bảo trì");
        // the second attempt waited for the back-off (200 ms after the first failure)
        Double waitedMs = jdbc.queryForObject("select extract(epoch from (b.started_at - a.finished_at)) * 1000 from "
                + "outbox_delivery_attempt a join outbox_delivery_attempt b on b.attempt = a.attempt + 1", Double.class);
        assertThat(waitedMs).isGreaterThanOrEqualTo(190.0);
        assertThat(hrRow().get("attempts")).isEqualTo(2);
    }

    @Test
    void answerTimeOutIsRetriedAndTheCopyCarriesTheSameKey() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).inScenario("slow").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(3500)).willSetStateTo("fast"));
        server.stubFor(post(urlPathEqualTo(PUSH)).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withBody("{\"ketQua\": \"OK\"}")));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");

        assertThat(outcomes()).containsExactly("RETRY null", "DELIVERED 200");
        assertThat(answers().get(0)).startsWith("time-out: ");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.findAll(postRequestedFor(urlPathEqualTo(PUSH))).size() == 2);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(PUSH))))
                .extracting(c -> c.getHeader("Idempotency-Key")).containsExactly(KEY, KEY);
    }

    // ---------------------------------------------------------------- parked, dead, re-drive

    @Test
    void unauthorizedIsParkedWithTheAnswerAndReDrivenThroughTheApi() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_token\", \"message\": \"Mã truy cập đã hết hạn\"}")));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("PARKED");
        Thread.sleep(1200); // several polls and back-off periods: a parked message is not retried
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(PUSH)));
        Map<String, Object> row = hrRow();
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("last_status")).isEqualTo(401);
        assertThat((String) row.get("last_answer")).isEqualTo("HTTP 401 Unauthorized: {\"error\": \"invalid_token\", "
                + "\"message\": \"Mã truy cập đã hết hạn\"}");
        assertThat(outcomes()).containsExactly("PARKED 401");

        // status API: the parked message with its answer
        JsonNode list = getJson("/api/v1/deliveries?target=HR&status=PARKED", 200);
        assertThat(list.get("count").asInt()).isEqualTo(1);
        assertThat(list.get("byStatus").get("PARKED").asInt()).isEqualTo(1);
        JsonNode d = list.get("deliveries").get(0);
        assertThat(d.get("id").asLong()).isEqualTo(id);
        assertThat(d.get("idempotencyKey").asText()).isEqualTo(KEY);
        assertThat(d.get("employeeCode").asText()).isEqualTo("BTC-CB-0001");
        assertThat(d.get("status").asText()).isEqualTo("PARKED");
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
        assertThat(d.get("lastStatus").asInt()).isEqualTo(401);
        assertThat(d.get("lastAnswer").asText()).contains("Mã truy cập đã hết hạn");
        assertThat(d.get("nextAttemptAt").isNull()).isTrue();

        // the token is renewed on the HR side; re-drive through the API
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(200)));
        HttpResponse<String> redrive = apiCall(admin(), "POST", "/api/v1/deliveries/" + id + "/redrive", null);
        assertThat(redrive.statusCode()).isEqualTo(200);
        JsonNode r = mapper.readTree(redrive.body());
        assertThat(r.get("redriven").asInt()).isEqualTo(1);
        assertThat(r.get("messages").get(0).get("previousStatus").asText()).isEqualTo("PARKED");
        assertThat(r.get("messages").get(0).get("lastAnswer").asText()).startsWith("HTTP 401 Unauthorized");
        awaitHrStatus("DELIVERED");
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(PUSH)).withHeader("Idempotency-Key", equalTo(KEY)));
        row = hrRow();
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("redrives")).isEqualTo(1);

        // one message, both rounds
        JsonNode one = getJson("/api/v1/deliveries/" + id, 200);
        assertThat(one.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(one.get("attemptsLog")).hasSize(2);
        assertThat(one.get("attemptsLog").get(0).get("outcome").asText()).isEqualTo("PARKED");
        assertThat(one.get("attemptsLog").get(0).get("httpStatus").asInt()).isEqualTo(401);
        assertThat(one.get("attemptsLog").get(1).get("round").asInt()).isEqualTo(1);
        assertThat(one.get("attemptsLog").get(1).get("outcome").asText()).isEqualTo("DELIVERED");
        assertThat(one.get("payload").get("display").get("totalPoints").decimalValue()).isEqualByComparingTo("91.93");

        // a delivered message is not re-driven; an unknown one is not found
        HttpResponse<String> again = apiCall(admin(), "POST", "/api/v1/deliveries/" + id + "/redrive", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(mapper.readTree(again.body()).get("detail").asText()).contains("is DELIVERED");
        assertThat(apiCall(admin(), "POST", "/api/v1/deliveries/987654/redrive", null).statusCode()).isEqualTo(404);
    }

    @Test
    void deadAfterTheLastAttemptWithTheReasonThenReDrivenByTheCommand() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DEAD");

        server.verify(exactly(4), postRequestedFor(urlPathEqualTo(PUSH)).withHeader("Idempotency-Key", equalTo(KEY)));
        Map<String, Object> row = hrRow();
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("attempts")).isEqualTo(4);
        assertThat((String) row.get("last_answer")).isEqualTo("gave up after 4 attempt(s); last: HTTP 502 Bad Gateway: "
                + "Bad Gateway");
        assertThat(outcomes()).containsExactly("RETRY 502", "RETRY 502", "RETRY 502", "DEAD 502");

        server.resetAll();
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(204)));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = outboxCommand.redrive(OutboxCommand.parse(new String[] {"redrive", "--target=HR"}),
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        String printed = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).contains("Re-driven 1 message(s) of target HR back to PENDING")
                .contains("#" + id + " HR " + KEY + " was DEAD after 4 attempt(s): gave up after 4 attempt(s); last: "
                        + "HTTP 502 Bad Gateway");
        awaitHrStatus("DELIVERED");
        assertThat(hrRow().get("last_status")).isEqualTo(204);

        buf.reset();
        assertThat(outboxCommand.redrive(OutboxCommand.parse(new String[] {"redrive", "--id=" + id}),
                new PrintStream(buf, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("(message " + id + " is DELIVERED)");
    }

    // ---------------------------------------------------------------- restart during a delivery

    @Test
    void relayStoppedDuringADeliveryAndStartedAgainLosesNothingAndSendsNoExtraCopy() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(201).withFixedDelay(700)));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        await().atMost(Duration.ofSeconds(15)).until(() -> count(
                "select count(*) from outbox_delivery_attempt where outcome = 'SENDING'") == 1);
        camel.getRouteController().stopRoute("outbox-hr-relay");
        try {
            // the call under way when the route was stopped ran to its end and was recorded
            assertThat(hrRow().get("status")).isEqualTo("DELIVERED");
        } finally {
            camel.getRouteController().startRoute("outbox-hr-relay");
        }
        Thread.sleep(1000);
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(PUSH)).withHeader("Idempotency-Key", equalTo(KEY)));
        assertThat(hrRow().get("attempts")).isEqualTo(1);
        assertThat(outcomes()).containsExactly("DELIVERED 201");
    }

    @Test
    void aClaimWhoseProcessStoppedDuringTheCallIsTakenOverAfterItsLeaseWithTheSameKey() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(201)));
        camel.getRouteController().stopRoute("outbox-hr-relay");
        long id;
        try {
            drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
            awaitHrStatus("PENDING");
            id = ((Number) hrRow().get("id")).longValue();
            // another instance claims the message (lease 1.5 s) and stops before recording an answer
            assertThat(outbox.claimForDelivery(id, Duration.ofMillis(1500))).get()
                    .extracting(DeliveryClaim::attempt, DeliveryClaim::idempotencyKey).containsExactly(1, KEY);
        } finally {
            camel.getRouteController().startRoute("outbox-hr-relay");
        }
        // while the lease runs nobody sends it; afterwards this relay does, with the same key
        Thread.sleep(700);
        server.verify(exactly(0), postRequestedFor(urlPathEqualTo(PUSH)));
        awaitHrStatus("DELIVERED");
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(PUSH)).withHeader("Idempotency-Key", equalTo(KEY)));
        assertThat(hrRow().get("attempts")).isEqualTo(2);
        assertThat(outcomes()).containsExactly("ABANDONED null", "DELIVERED 201");
        assertThat(answers().get(0)).startsWith("no answer recorded: the call was cut off");
    }

    // ---------------------------------------------------------------- other authentications

    @Test
    void apiKeyHeaderAndFieldsInThePathOfAPut() throws Exception {
        environment(Map.of("kpi.targets.hr.mapping", "src/test/resources/targets/hr-api-key.yml",
                "HR_API_KEY", "hrm-key-5521"));
        String path = "/hrm/can-bo/BTC-CB-0001/danh-gia/2026-Q2";
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(urlPathEqualTo(path))
                .willReturn(aResponse().withStatus(200)));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");

        List<LoggedRequest> calls = server.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                urlPathEqualTo(path)));
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getHeader("X-Api-Key")).isEqualTo("hrm-key-5521");
        assertThat(calls.get(0).getHeader("Authorization")).isNull();
        assertThat(calls.get(0).getHeader("Idempotency-Key")).isEqualTo(KEY);
        JsonNode body = mapper.readTree(calls.get(0).getBodyAsString());
        assertThat(body.get("ma_can_bo").asText()).isEqualTo("BTC-CB-0001");
        assertThat(body.get("tong_diem").decimalValue()).isEqualByComparingTo("91.93");
        assertThat(body.get("xep_loai").asText()).isEqualTo("NOT_COMPLETED");
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void httpBasic() throws Exception {
        environment(Map.of("kpi.targets.hr.mapping", "src/test/resources/targets/hr-basic.yml",
                "HR_USER", "kpi-bridge", "HR_PASSWORD", "Mk-hrm-2026!"));
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(202)));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");

        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(PUSH))
                .withHeader("Authorization", equalTo(basic("kpi-bridge", "Mk-hrm-2026!")))
                .withHeader("Idempotency-Key", equalTo(KEY)));
    }

    @Test
    void oauth2ClientCredentialsTokenIsAskedForOnceAndSentAsBearer() throws Exception {
        environment(Map.of("kpi.targets.hr.mapping", "src/test/resources/targets/hr-oauth2.yml",
                "HR_CLIENT_ID", "kpi-bridge-hr", "HR_CLIENT_SECRET", "s3cret-hr"));
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"at-hr-31\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")));
        server.stubFor(post(urlPathEqualTo(PUSH)).inScenario("oauth").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        server.stubFor(post(urlPathEqualTo(PUSH)).inScenario("oauth").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");

        // two pushes (500, then 200), one token request: the token is cached
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo(basic("kpi-bridge-hr", "s3cret-hr")))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=danh-gia.ghi")));
        server.verify(exactly(2), postRequestedFor(urlPathEqualTo(PUSH))
                .withHeader("Authorization", equalTo("Bearer at-hr-31")));
    }

    @Test
    void aMissingCredentialIsRetriedWithTheSettingNamedAndNoCallMade() throws Exception {
        environment(Map.of("kpi.targets.hr.mapping", "src/test/resources/targets/hr-basic.yml", "HR_USER", "kpi-bridge"));

        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DEAD");

        server.verify(exactly(0), postRequestedFor(urlPathEqualTo(PUSH)));
        assertThat((String) hrRow().get("last_answer")).isEqualTo("gave up after 4 attempt(s); last: configuration: "
                + "src/test/resources/targets/hr-basic.yml: auth.password: ${HR_PASSWORD} is not set (environment "
                + "variable or property HR_PASSWORD)");
    }

    @Test
    void statusApiFiltersByTargetStatusEmployeeAndPeriodAndNamesABadParameter() throws Exception {
        server.stubFor(post(urlPathEqualTo(PUSH)).willReturn(aResponse().withStatus(200)));
        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        awaitHrStatus("DELIVERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> count(
                "select count(*) from outbox_message where status = 'DELIVERED'") == 4);

        JsonNode all = getJson("/api/v1/deliveries", 200);
        assertThat(all.get("count").asInt()).isEqualTo(4);
        assertThat(all.get("byStatus").get("DELIVERED").asInt()).isEqualTo(4);
        assertThat(all.get("byStatus").get("PENDING").asInt()).isZero();
        assertThat(all.get("deliveries")).extracting(d -> d.get("target").asText()).containsExactlyInAnyOrder(
                "EVALUATIONS_QUEUE", "EVALUATION_FINALIZED_TOPIC", "HR", "PERIOD_CLOSED_TOPIC");

        JsonNode employee = getJson("/api/v1/deliveries?employee=BTC-CB-0001&period=2026-Q2", 200);
        assertThat(employee.get("count").asInt()).isEqualTo(3); // period.closed is the unit's
        JsonNode hr = getJson("/api/v1/deliveries?target=HR&status=DELIVERED&employee=BTC-CB-0001&period=2026-Q2", 200);
        assertThat(hr.get("count").asInt()).isEqualTo(1);
        JsonNode d = hr.get("deliveries").get(0);
        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
        assertThat(d.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(d.get("lastAnswer").asText()).isEqualTo("HTTP 200 OK");
        assertThat(d.get("deliveredAt").asText()).isNotEmpty();
        JsonNode queue = getJson("/api/v1/deliveries?target=EVALUATIONS_QUEUE", 200).get("deliveries").get(0);
        assertThat(queue.get("lastAnswer").asText()).isEqualTo("sent to queue kpi.evaluations");
        assertThat(getJson("/api/v1/deliveries?period=2026-Q1", 200).get("count").asInt()).isZero();

        JsonNode bad = getJson("/api/v1/deliveries?status=SENT", 400);
        assertThat(bad.get("field").asText()).isEqualTo("status");
        assertThat(bad.get("detail").asText()).isEqualTo("status \"SENT\" is not one of PENDING, DELIVERED, PARKED, DEAD");
        assertThat(getJson("/api/v1/deliveries?target=SMS", 400).get("field").asText()).isEqualTo("target");
        assertThat(getJson("/api/v1/deliveries/4242", 404).get("detail").asText()).isEqualTo("no outbox message 4242");
    }

    // ---------------------------------------------------------------- helpers

    void awaitHrStatus(String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(
                "select count(*) from outbox_message where target = 'HR' and status = ?", status) == 1);
    }

    Map<String, Object> hrRow() {
        return jdbc.queryForMap("select * from outbox_message where target = 'HR'");
    }

    List<String> outcomes() {
        return jdbc.queryForList("select outcome || ' ' || coalesce(http_status::text, 'null') from outbox_delivery_attempt "
                + "order by id", String.class);
    }

    List<String> answers() {
        return jdbc.queryForList("select answer from outbox_delivery_attempt order by id", String.class);
    }

    JsonNode getJson(String path, int status) throws Exception {
        HttpResponse<String> r = apiGet(admin(), path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return mapper.readTree(r.body());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
