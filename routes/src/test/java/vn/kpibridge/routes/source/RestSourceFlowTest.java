package vn.kpibridge.routes.source;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * REST/JSON sources against a real HTTP server (WireMock) speaking the systems' shapes.
 *
 * <p>The shipped {@code mappings/sources/ioffice-tasks.yml} is pulled as it is, with only its
 * environment set (IOFFICE_BASE_URL, IOFFICE_USERNAME, IOFFICE_PASSWORD): VNPT iOffice-style
 * login token, page/size paging over {@code {PageData, TotalRows, CurrentPage, PageSize,
 * TotalPage}}, server-side watermark parameter, JSONPath review outcomes. The other auth and
 * paging styles reach the same source's items through the {@code rest:} sections under
 * {@code src/test/resources/rest-sources/} (header {@link SourceHeaders#REST_SETTINGS}).
 *
 * <p>The data are the five tasks of the seed 001 worked example (Nguyễn Văn A, Quý II/2026)
 * without the general-criteria assessment, which a task API does not carry: task points 61.93.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestSourceFlowTest extends FlowTestSupport {
    static final String PASSWORD = "Mk-iOffice-2026!";
    static final String TOKEN = "tok-7f3a9c2e-login";
    static final String LIST = "/qlvb/api/cong-viec/danh-sach/";
    static final String LOGIN = "/qlvb/api/login/v3/";
    /** The remote API, started before the class's tests and reset before each (WireMock's JUnit 5 extension). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    ProducerTemplate template;
    @Autowired
    ConfigurableEnvironment env;

    @BeforeEach
    void environment() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("IOFFICE_BASE_URL", server.baseUrl());
        vars.put("IOFFICE_USERNAME", "btc.nguyenvana");
        vars.put("IOFFICE_PASSWORD", PASSWORD);
        vars.put("GATEWAY_API_KEY", "gw-key-5521");
        vars.put("ODATA_USER", "kpi-bridge");
        vars.put("ODATA_PASSWORD", "odata-pass-77");
        vars.put("KPI_CLIENT_ID", "kpi-bridge");
        vars.put("KPI_CLIENT_SECRET", "client-secret-99");
        env.getPropertySources().addFirst(new MapPropertySource("rest-source-test", vars));
    }

    @AfterEach
    void clearEnvironment() {
        env.getPropertySources().remove("rest-source-test");
    }

    // ---------------------------------------------------------------- the iOffice task API

    @Test
    void iofficeLoginTokenAndThreePagesStoreEvidenceMapProductsAndScore(CapturedOutput output) throws Exception {
        stubLogin();
        stubIofficePages(null);

        PullResult r = pull("ioffice-tasks");

        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.stored()).isEqualTo(5);
        assertThat(r.mapped()).isEqualTo(5);
        assertThat(r.unmapped()).isZero();
        assertThat(r.rejected()).isZero();
        assertThat(r.watermarkBefore()).isNull();
        assertThat(r.watermarkAfter()).isEqualTo(LocalDateTime.parse("2026-06-30T16:45:00"));

        // the calls: one login with the JSON credentials, then 3 pages each with the token
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(LOGIN))
                .withRequestBody(equalToJson("{\"username\": \"btc.nguyenvana\", \"password\": \"" + PASSWORD + "\"}")));
        for (int page = 1; page <= 3; page++) {
            server.verify(exactly(1), getRequestedFor(urlPathEqualTo(LIST))
                    .withQueryParam("CurrentPage", equalTo(String.valueOf(page)))
                    .withQueryParam("PageSize", equalTo("50"))
                    .withQueryParam("TuNgayCapNhat", absent())
                    .withHeader("X-Authentication-Token", equalTo(TOKEN)));
        }

        // evidence: the item exactly as received, plus what kpi-bridge derived from it
        assertThat(count("select count(*) from source_record where source_id = 'ioffice-tasks'")).isEqualTo(5);
        Map<String, Object> ev = jdbc.queryForMap("select version, file_name, payload->>'TenCv' as title, "
                + "payload->'KetQuaDanhGia'->0->>'TieuChi' as review, payload->'_derived'->>'period' as period "
                + "from source_record where record_id = '90231'");
        assertThat(ev.get("version")).isEqualTo(20260630164500L);
        assertThat(ev.get("file_name")).isEqualTo("ioffice-tasks GET " + LIST + " page 1");
        assertThat(ev.get("title")).isEqualTo("Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng");
        assertThat(ev.get("review")).isEqualTo("CHAT_LUONG");
        assertThat(ev.get("period")).isEqualTo("2026-Q2");

        // mapped products, with rule and catalog version; review outcomes read by JSONPath
        List<Map<String, Object>> items = jdbc.queryForList("select record_id, product_code, rule_id, catalog_version, "
                + "employee_code, period, planned_quantity, done_quantity, quality_failures, late_deliveries, "
                + "leadership_failures, quality_factor from work_item order by record_id");
        assertThat(items).extracting(i -> i.get("product_code"))
                .containsExactly("BTC-01", "BTC-02", "BTC-03", "BTC-04", "BTC-05");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("employee_code")).isEqualTo("BTC-CB-0001");
            assertThat(i.get("period")).isEqualTo("2026-Q2");
            assertThat(i.get("catalog_version")).isEqualTo("2026.1");
        });
        assertThat(items.get(0).get("rule_id")).isEqualTo("R02-bc-hang-thang");
        assertThat((BigDecimal) items.get(0).get("planned_quantity")).isEqualByComparingTo("2");
        assertThat((BigDecimal) items.get(0).get("done_quantity")).isEqualByComparingTo("1");
        assertThat(items.get(0).get("quality_failures")).isEqualTo(1);
        assertThat(items.get(0).get("late_deliveries")).isEqualTo(1);
        assertThat(items.get(0).get("leadership_failures")).isEqualTo(1);
        assertThat(items.get(4).get("rule_id")).isEqualTo("R05-tt-xay-dung-chinh-don-dang");
        assertThat((BigDecimal) items.get(4).get("quality_factor")).isEqualByComparingTo("1.2");

        // the evaluation: seed 001 task points without the general criteria
        Map<String, Object> e = jdbc.queryForMap("select employee_code, period, total_points from evaluation");
        assertThat(e.get("employee_code")).isEqualTo("BTC-CB-0001");
        assertThat(e.get("period")).isEqualTo("2026-Q2");
        assertThat((BigDecimal) e.get("total_points")).isEqualByComparingTo("61.93");

        assertThat(watermark()).isEqualTo(LocalDateTime.parse("2026-06-30T16:45:00"));
        assertThat(output.getAll()).contains("Pull of source ioffice-tasks page 2: 2 records (2 new")
                .doesNotContain(PASSWORD).doesNotContain(TOKEN);
    }

    @Test
    void secondPullSendsTheStoredWatermarkAndStoresNothingAgain() throws Exception {
        stubLogin();
        stubIofficePages(null);
        pull("ioffice-tasks");
        // the server answers "changed since" with the one task changed at the watermark itself
        server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("TuNgayCapNhat", equalTo("2026/06/30 16:45:00"))
                .willReturn(okJson(iofficePage(List.of(task(1)), 1, 1, 1).toString())));

        PullResult second = pull("ioffice-tasks");

        server.verify(exactly(1), getRequestedFor(urlPathEqualTo(LIST))
                .withQueryParam("TuNgayCapNhat", equalTo("2026/06/30 16:45:00"))
                .withQueryParam("CurrentPage", equalTo("1")));
        assertThat(second.watermarkBefore()).isEqualTo(LocalDateTime.parse("2026-06-30T16:45:00"));
        assertThat(second.records()).isEqualTo(1);
        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(count("select count(*) from source_record")).isEqualTo(5);
        assertThat(count("select count(*) from work_item")).isEqualTo(5);
        assertThat(count("select count(*) from evaluation")).as("result unchanged: no new version").isEqualTo(1);
        assertThat(watermark()).isEqualTo(LocalDateTime.parse("2026-06-30T16:45:00"));
    }

    @Test
    void pageFailingUntilRetriesAreExhaustedLeavesTheWatermarkAndTheNextPullResumes(CapturedOutput output)
            throws Exception {
        stubLogin();
        stubIofficePages(null);
        server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo("2"))
                .willReturn(aResponse().withStatus(500).withStatusMessage("Server Error").withBody("ORA-03113")));

        assertThatThrownBy(() -> pull("ioffice-tasks"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(SourcePullException.class)
                .hasMessage("source ioffice-tasks: page 2 (GET " + server.baseUrl() + LIST
                        + "?CurrentPage=2&PageSize=50) answered HTTP 500 Server Error");
        // first try + 3 redeliveries (kpi.redelivery.maximum-redeliveries), then the pull fails
        server.verify(exactly(4), getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo("2")));
        server.verify(exactly(0), getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo("3")));
        assertThat(count("select count(*) from source_record")).as("page 1 is stored").isEqualTo(2);
        assertThat(count("select count(*) from source_watermark")).as("watermark not advanced").isZero();
        assertThat(count("select count(*) from evaluation")).isZero();
        Message dead = jms.receive("kpi.dead-letter");
        assertThat(dead).as("the pull request, dead-lettered").isNotNull();
        assertThat(((TextMessage) dead).getText()).isEqualTo("ioffice-tasks");
        assertThat(dead.getStringProperty(SourceHeaders.PULL_ERROR)).contains("page 2").contains("HTTP 500");
        assertThat(output.getAll()).contains("Pull of source ioffice-tasks failed after 1 stored page (2 records)")
                .doesNotContain(PASSWORD).doesNotContain(TOKEN);

        // the server recovers: the next pull starts again from no watermark and completes
        server.resetAll();
        stubLogin();
        stubIofficePages(null);
        PullResult r = pull("ioffice-tasks");

        assertThat(r.watermarkBefore()).isNull();
        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.duplicates()).as("page 1 again, not stored twice").isEqualTo(2);
        assertThat(r.stored()).isEqualTo(3);
        assertThat(count("select count(*) from source_record")).isEqualTo(5);
        assertThat(count("select count(*) from work_item")).isEqualTo(5);
        assertThat(watermark()).isEqualTo(LocalDateTime.parse("2026-06-30T16:45:00"));
        assertThat(jdbc.queryForObject("select total_points from evaluation", BigDecimal.class))
                .isEqualByComparingTo("61.93");
    }

    @Test
    void recordThatAlreadyHasADerivedFieldFailsThePullAtOnceNamingTheFirstSuchRecordOfItsPage() throws Exception {
        stubLogin();
        stubIofficePages(null);
        // page 2: both records carry a field "_derived" that kpi-bridge's derived values would hide
        // (the page is derived in parallel; the first such record in the page's order is named)
        ObjectNode third = task(3);
        third.putObject("_derived").put("period", "2026-04");
        ObjectNode fourth = task(4);
        fourth.putObject("_derived").put("period", "2026-05");
        server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo("2"))
                .willReturn(okJson(iofficePage(List.of(third, fourth), 2, 3, 5).toString())));

        assertThatThrownBy(() -> pull("ioffice-tasks"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(SourcePullException.class)
                .hasMessage("source ioffice-tasks: page 2 (GET " + server.baseUrl() + LIST
                        + "?CurrentPage=2&PageSize=50): record #1: the record already has a field \"_derived\"; "
                        + "kpi-bridge's derived values would hide it");
        // the source's data, not a technical failure: no redelivery
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo("2")));
        assertThat(count("select count(*) from source_record")).as("page 1 is stored").isEqualTo(2);
        assertThat(count("select count(*) from source_watermark")).as("watermark not advanced").isZero();
    }

    @Test
    void pageWhoseWriteFailsIsStoredAgainThenAPersistentFailureFailsThePullWithItsStoredPagesCounted(
            CapturedOutput output) throws Exception {
        stubLogin();
        stubIofficePages(null);
        // a technical failure of PostgreSQL (SQLState 40001, not a record's data) for the writes of
        // page 2 (task 90233), as many times as the sequence allows: a sequence is not rolled back
        jdbc.execute("create sequence test_page_write_failures");
        jdbc.execute("create function test_fail_page_write() returns trigger language plpgsql as $$ begin "
                + "if new.record_id = '90233' and nextval('test_page_write_failures') <= "
                + "(select coalesce(max(failures), 0) from test_page_write_limit) then "
                + "raise exception 'simulated serialization failure' using errcode = '40001'; end if; "
                + "return new; end $$");
        jdbc.execute("create table test_page_write_limit (failures int)");
        jdbc.execute("create trigger test_fail_page_write before insert on source_record for each row "
                + "execute function test_fail_page_write()");
        try {
            // once: the write-behind's write of page 2 fails, the next step stores it again
            jdbc.update("insert into test_page_write_limit values (1)");
            PullResult r = pull("ioffice-tasks");

            assertThat(r.pages()).isEqualTo(3);
            assertThat(r.stored()).isEqualTo(5);
            assertFiveTasksStoredAndScored();
            assertThat(output.getAll()).contains("Pull of source ioffice-tasks: page 2 was not stored (PSQLException: "
                    + "ERROR: simulated serialization failure); storing it again");

            // always: stored again and redelivered until exhausted; the pull fails, pages 1 and 3 are
            // kept and counted (page 3 was being stored beside page 2: kpi.sources.pages-in-flight 2),
            // the watermark stays, the pull request is dead-lettered
            // the outbox tables first, as the outbox relay locks them (then reads evaluation): in
            // another order the truncate and a relay poll can deadlock
            jdbc.execute("truncate table outbox_delivery_attempt, outbox_message, source_record, work_item, evaluation, "
                    + "source_watermark restart identity cascade");
            jdbc.update("update test_page_write_limit set failures = 1000");
            assertThatThrownBy(() -> pull("ioffice-tasks"))
                    .isInstanceOf(CamelExecutionException.class)
                    .rootCause().hasMessageContaining("simulated serialization failure");
            assertThat(count("select count(*) from source_record")).as("pages 1 and 3 are stored").isEqualTo(3);
            assertThat(count("select count(*) from source_record where record_id in ('90233', '90234')")).isZero();
            assertThat(count("select count(*) from source_watermark")).as("watermark not advanced").isZero();
            assertThat(output.getAll()).contains("Pull of source ioffice-tasks failed after 2 stored pages (3 records)");
            Message dead = jms.receive("kpi.dead-letter");
            assertThat(dead).as("the pull request, dead-lettered").isNotNull();
            assertThat(((TextMessage) dead).getText()).isEqualTo("ioffice-tasks");
        } finally {
            jdbc.execute("drop trigger test_fail_page_write on source_record");
            jdbc.execute("drop function test_fail_page_write()");
            jdbc.execute("drop table test_page_write_limit");
            jdbc.execute("drop sequence test_page_write_failures");
        }
    }

    @Test
    void aRecordInTwoPagesStoredAtOnceIsStoredOnce() throws Exception {
        stubLogin();
        // task 4 changed while the pull paged through: on page 2 and again on page 3, which are
        // stored at the same time (kpi.sources.pages-in-flight 2); whichever commits first stores it,
        // the other finds it stored (or fails on the unique key and is stored again)
        List<List<ObjectNode>> pages = List.of(List.of(task(1), task(2)), List.of(task(3), task(4)),
                List.of(task(4), task(5)));
        for (int i = 0; i < 3; i++) {
            server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo(String.valueOf(i + 1)))
                    .willReturn(okJson(iofficePage(pages.get(i), i + 1, 3, 6).toString())));
        }

        PullResult r = pull("ioffice-tasks");

        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.stored()).isEqualTo(5);
        assertThat(r.duplicates()).isEqualTo(1);
        assertFiveTasksStoredAndScored();
    }

    /** The five tasks of the worked example stored once each, evidence and work item, and scored: 61.93. */
    private void assertFiveTasksStoredAndScored() {
        assertThat(count("select count(*) from source_record")).isEqualTo(5);
        assertThat(count("select count(*) from work_item")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select total_points from evaluation", BigDecimal.class))
                .isEqualByComparingTo("61.93");
    }

    @Test
    void refusedLoginFailsAtOnceNamingTheCredentialSettingsNotTheirValues(CapturedOutput output) {
        server.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(401)
                .withStatusMessage("Unauthorized").withBody("{\"status\": 0, \"message\": \"Sai mật khẩu\"}")));
        stubIofficePages(null);

        assertThatThrownBy(() -> pull("ioffice-tasks"))
                .cause().isInstanceOf(SourcePullException.class)
                .hasMessage("source ioffice-tasks: login (POST " + server.baseUrl() + LOGIN + ") answered HTTP 401 "
                        + "Unauthorized; check the credentials ${IOFFICE_USERNAME}, ${IOFFICE_PASSWORD}");
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(LOGIN)));
        server.verify(exactly(0), getRequestedFor(urlPathEqualTo(LIST)));
        assertThat(jms.receiveSelected("kpi.dead-letter", null)).as("nothing to replay: not dead-lettered").isNull();
        assertThat(output.getAll()).doesNotContain(PASSWORD);

        // a credential left unset is named too, before anything is called
        Map<String, Object> vars = new HashMap<>(((MapPropertySource) env.getPropertySources().get("rest-source-test"))
                .getSource());
        vars.remove("IOFFICE_PASSWORD");
        env.getPropertySources().replace("rest-source-test", new MapPropertySource("rest-source-test", vars));
        assertThatThrownBy(() -> pull("ioffice-tasks"))
                .cause().isInstanceOf(SourcePullException.class)
                .hasMessage("source ioffice-tasks: rest.auth.login.body.password: ${IOFFICE_PASSWORD} is not set "
                        + "(environment variable or property IOFFICE_PASSWORD)");
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void serverThatIsDownFailsThePullAfterTheRedeliveriesNamingTheCall() {
        // IOFFICE_BASE_URL left unset: the mapping's default, a closed local port
        Map<String, Object> vars = new HashMap<>(((MapPropertySource) env.getPropertySources().get("rest-source-test"))
                .getSource());
        vars.remove("IOFFICE_BASE_URL");
        env.getPropertySources().replace("rest-source-test", new MapPropertySource("rest-source-test", vars));

        assertThatThrownBy(() -> pull("ioffice-tasks"))
                .cause().isInstanceOf(SourcePullException.class)
                .hasMessageStartingWith("source ioffice-tasks: login (POST http://127.0.0.1:9/qlvb/api/login/v3/) failed: ")
                .hasMessageContaining("refused");
        assertThat(jms.receive("kpi.dead-letter")).as("a technical failure: dead-lettered").isNotNull();
    }

    // ---------------------------------------------------------------- other auth and paging styles

    @Test
    void offsetLimitWithTotalCountAndStaticApiKey() throws Exception {
        List<ObjectNode> all = List.of(task(1), task(2), task(3), task(4), task(5));
        for (int offset = 0; offset < 5; offset += 2) {
            ObjectNode body = mapper.createObjectNode().put("total", 5).put("offset", offset);
            body.set("items", array(all.subList(offset, Math.min(offset + 2, 5))));
            server.stubFor(get(urlPathEqualTo("/gateway/v2/tasks")).withQueryParam("offset", equalTo(String.valueOf(offset)))
                    .withQueryParam("limit", equalTo("2")).withQueryParam("unit", equalTo("btc-tu"))
                    .withHeader("X-API-Key", equalTo("gw-key-5521"))
                    .willReturn(okJson(body.toString())));
        }

        PullResult r = pull("ioffice-tasks", restSettings("offset-api-key.yml"));

        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.stored()).isEqualTo(5);
        assertThat(r.mapped()).isEqualTo(5);
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/gateway/v2/tasks")));
        assertThat(jdbc.queryForObject("select quality_factor from work_item where record_id = '90235'", BigDecimal.class))
                .isEqualByComparingTo("1.2");
        assertThat(count("select count(*) from source_watermark")).as("not an incremental source").isZero();
    }

    @Test
    void nextLinkPagingWithHttpBasic() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString("kpi-bridge:odata-pass-77"
                .getBytes(StandardCharsets.UTF_8));
        ObjectNode p1 = mapper.createObjectNode();
        p1.set("value", array(List.of(task(1), task(2))));
        p1.put("@odata.nextLink", "CongViec?$top=2&$skip=2");
        ObjectNode p2 = mapper.createObjectNode();
        p2.set("value", array(List.of(task(3), task(4))));
        p2.put("@odata.nextLink", server.baseUrl() + "/odata/CongViec?$top=2&$skip=4");
        ObjectNode p3 = mapper.createObjectNode();
        p3.set("value", array(List.of(task(5))));
        server.stubFor(get(urlPathEqualTo("/odata/CongViec")).withQueryParam("$skip", absent())
                .withHeader("Authorization", equalTo(auth)).willReturn(okJson(p1.toString())));
        server.stubFor(get(urlPathEqualTo("/odata/CongViec")).withQueryParam("$skip", equalTo("2"))
                .withHeader("Authorization", equalTo(auth)).willReturn(okJson(p2.toString())));
        server.stubFor(get(urlPathEqualTo("/odata/CongViec")).withQueryParam("$skip", equalTo("4"))
                .withHeader("Authorization", equalTo(auth)).willReturn(okJson(p3.toString())));

        PullResult r = pull("ioffice-tasks", restSettings("next-link-basic.yml"));

        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.stored()).isEqualTo(5);
        assertThat(r.mapped()).isEqualTo(5);
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/odata/CongViec")).withQueryParam("$top", equalTo("2"))
                .withQueryParam("$skip", absent()));
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/odata/CongViec")));
    }

    @Test
    void cursorPagingWithOAuth2ClientCredentialsCachedAndClientSideWatermark() throws Exception {
        String client = "Basic " + Base64.getEncoder().encodeToString("kpi-bridge:client-secret-99"
                .getBytes(StandardCharsets.UTF_8));
        server.stubFor(post(urlPathEqualTo("/oauth/token")).withHeader("Authorization", equalTo(client))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=tasks.read"))
                .willReturn(okJson("{\"access_token\": \"at-1\", \"token_type\": \"Bearer\", \"expires_in\": 3600}")));
        String[] cursors = {null, "c-2", "c-3"};
        List<List<ObjectNode>> pages = List.of(List.of(task(1), task(2)), List.of(task(3), task(4)), List.of(task(5)));
        for (int i = 0; i < 3; i++) {
            ObjectNode body = mapper.createObjectNode();
            body.set("data", array(pages.get(i)));
            body.putObject("meta").put("next_cursor", i < 2 ? cursors[i + 1] : null);
            server.stubFor(get(urlPathEqualTo("/api/tasks"))
                    .withQueryParam("cursor", cursors[i] == null ? absent() : equalTo(cursors[i]))
                    .withQueryParam("limit", equalTo("2"))
                    .withHeader("Authorization", equalTo("Bearer at-1"))
                    .willReturn(okJson(body.toString())));
        }
        SourceMapping.Rest settings = restSettings("cursor-oauth2.yml");

        PullResult first = pull("ioffice-tasks", settings);
        PullResult second = pull("ioffice-tasks", settings);

        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.stored()).isEqualTo(5);
        assertThat(first.watermarkAfter()).isEqualTo(LocalDateTime.parse("2026-06-30T16:45:00"));
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/oauth/token")));
        server.verify(exactly(6), getRequestedFor(urlPathEqualTo("/api/tasks")));
        // second pull: the API sends everything again; all but the task changed at the watermark
        // itself are older and dropped before storing; that one is already stored
        assertThat(second.records()).isEqualTo(5);
        assertThat(second.skipped()).isEqualTo(4);
        assertThat(second.stored()).isZero();
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(count("select count(*) from source_record")).isEqualTo(5);
    }

    // ---------------------------------------------------------------- helpers

    private PullResult pull(String sourceId) {
        return template.requestBody("direct:pullRestSource", sourceId, PullResult.class);
    }

    private PullResult pull(String sourceId, SourceMapping.Rest settings) {
        return template.requestBodyAndHeader("direct:pullRestSource", sourceId, SourceHeaders.REST_SETTINGS, settings,
                PullResult.class);
    }

    private static SourceMapping.Rest restSettings(String file) throws Exception {
        Path p = Path.of(RestSourceFlowTest.class.getResource("/rest-sources/" + file).toURI());
        return new MappingFiles().loadSource(p).rest();
    }

    private LocalDateTime watermark() {
        return jdbc.queryForObject("select watermark from source_watermark where source_id = 'ioffice-tasks'",
                LocalDateTime.class);
    }

    private void stubLogin() {
        server.stubFor(post(urlPathEqualTo(LOGIN))
                .withRequestBody(equalToJson("{\"username\": \"btc.nguyenvana\", \"password\": \"" + PASSWORD + "\"}"))
                .willReturn(okJson("{\"data\": {\"token\": \"" + TOKEN + "\", \"userInfo\": {\"Id\": \"u-1024\", "
                        + "\"HoTen\": \"Nguyễn Văn A\"}}, \"status\": 1, \"message\": \"Đăng nhập thành công\"}")));
    }

    /** The five tasks over 3 pages of at most 2 (the server's own page cap), TotalPage 3. */
    private void stubIofficePages(String since) {
        List<List<ObjectNode>> pages = List.of(List.of(task(1), task(2)), List.of(task(3), task(4)), List.of(task(5)));
        for (int i = 0; i < 3; i++) {
            server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo(String.valueOf(i + 1)))
                    .withQueryParam("PageSize", equalTo("50"))
                    .withQueryParam("TuNgayCapNhat", since == null ? absent() : equalTo(since))
                    .withHeader("X-Authentication-Token", equalTo(TOKEN))
                    .willReturn(okJson(iofficePage(pages.get(i), i + 1, 3, 5).toString())));
        }
    }

    private ObjectNode iofficePage(List<ObjectNode> items, int page, int totalPages, int totalRows) {
        ObjectNode body = mapper.createObjectNode();
        body.set("PageData", array(items));
        body.put("TotalRows", totalRows).put("CurrentPage", page).put("PageSize", 2).put("TotalPage", totalPages);
        return body;
    }

    private ArrayNode array(List<ObjectNode> items) {
        ArrayNode a = mapper.createArrayNode();
        items.forEach(a::add);
        return a;
    }

    /** Task n (1-5) of the seed 001 worked example, as an iOffice task list item. */
    private ObjectNode task(int n) {
        ObjectNode t = mapper.createObjectNode();
        t.put("Id", 90230 + n);
        switch (n) {
            case 1 -> fill(t, "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng", "Báo cáo", "Lãnh đạo Ban", 2, 1,
                    "2026/06/30", "2026/06/30", "2026/06/30 16:45:00");
            case 2 -> fill(t, "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ quý II/2026 của các phòng", "Báo cáo",
                    "Lãnh đạo Ban", 1, 1, "2026/06/25", "2026/06/24", "2026/06/24 10:00:00");
            case 3 -> fill(t, "Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở đảng, đảng viên quý II/2026", "Báo cáo",
                    "Lãnh đạo Ban", 1, 1, "2026/06/25", "2026/06/25", "2026/06/25 09:30:00");
            case 4 -> fill(t, "Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định sinh hoạt đảng trực tuyến", "Tờ trình",
                    "Ban Thường vụ Tỉnh ủy", 1, 1, "2026/05/29", "2026/05/28", "2026/05/28 15:20:00");
            default -> fill(t, "Tờ trình Ban Thường vụ Tỉnh ủy về xây dựng Kết luận thực hiện Nghị quyết 21-NQ/TW",
                    "Tờ trình", "Ban Thường vụ Tỉnh ủy", 1, 1, "2026/06/20", "2026/06/12", "2026/06/12 08:00:00");
        }
        ArrayNode review = t.putArray("KetQuaDanhGia");
        if (n == 1) {
            review.addObject().put("TieuChi", "CHAT_LUONG").put("SoLanKhongDat", 1);
            review.addObject().put("TieuChi", "TIEN_DO").put("SoLanKhongDat", 1);
            review.addObject().put("TieuChi", "LANH_DAO").put("SoLanKhongDat", 1);
        } else if (n == 5) {
            review.addObject().put("TieuChi", "CHAT_LUONG").put("SoLanKhongDat", 0).put("HeSo", new BigDecimal("1.2"));
            review.addObject().put("TieuChi", "TIEN_DO").put("SoLanKhongDat", 0).put("HeSo", new BigDecimal("1.2"));
            review.addObject().put("TieuChi", "LANH_DAO").put("SoLanKhongDat", 0).put("HeSo", new BigDecimal("1.2"));
        }
        return t;
    }

    private static void fill(ObjectNode t, String title, String kind, String level, int planned, int done, String due,
            String completed, String updated) {
        t.put("TenCv", title).put("NguoiThucHienId", "u-1024").put("DonViThucHienId", "btc-tu")
                .put("HanXuLy", due).put("NgayHoanThanh", completed).put("TrangThai", 2).put("NgayCapNhat", updated)
                .put("LoaiSanPham", kind).put("CapTrinh", level).put("SoLuongKeHoach", planned)
                .put("SoLuongHoanThanh", done);
    }
}
