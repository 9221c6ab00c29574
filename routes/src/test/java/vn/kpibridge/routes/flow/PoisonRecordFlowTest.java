package vn.kpibridge.routes.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.run.SourceRunStatus;
import vn.kpibridge.routes.run.SyncRunHeaders;
import vn.kpibridge.routes.run.SyncRunStatus;
import vn.kpibridge.routes.run.SyncRunView;

/**
 * Poison records (issue 7 point 3): records that pass normalisation but that PostgreSQL refuses
 * for their data, here a NUL character in a title (jsonb takes no <code>&#92;u0000</code>) and a delivered
 * quantity beyond {@code work_item.done_quantity numeric(20,6)}, among good records of the same
 * file or page. The good records are stored and scored, each poison record is kept as
 * QUARANTINED with the database's message, and taking the same input again adds nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class PoisonRecordFlowTest extends FlowTestSupport {
    /** The seed 001 sample (Nguyễn Văn A, Quý II/2026) with two poison records after its second task. */
    private static final Path POISONED = Path.of("src/test/resources/poison/eoffice-btc-2026-Q2-poison.json");
    private static final String LIST = "/qlvb/api/cong-viec/danh-sach/";
    private static final String LOGIN = "/qlvb/api/login/v3/";
    private static final String TOKEN = "tok-poison";
    private static final String NUL_REFUSED = "unsupported Unicode escape sequence (\\u0000 cannot be converted to text.)";
    private static final String OVERFLOW_REFUSED = "numeric field overflow (A field with precision 20, scale 6 must round "
            + "to an absolute value less than 10^14.)";
    /** The remote API, started before the class's tests and reset before each (WireMock's JUnit 5 extension). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ProducerTemplate template;
    @Autowired
    private CamelContext camel;
    @Autowired
    private ConfigurableEnvironment env;

    @AfterEach
    void clearEnvironment() {
        env.getPropertySources().remove("poison-test");
    }

    @Test
    void inboxFileStoresTheGoodRecordsAndQuarantinesThePoisonOnesWithTheDatabaseMessage(CapturedOutput output)
            throws Exception {
        double quarantinedBefore = quarantinedMeter("eoffice-btc");

        drop(POISONED, "eoffice-btc", "eoffice-btc-2026-Q2-poison.json");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(DATA.resolve("inbox/.done/eoffice-btc/eoffice-btc-2026-Q2-poison.json")));

        // the good records: the 5 tasks and the assessment of the sample, stored and mapped
        assertThat(jdbc.queryForList("select record_id from source_record order by record_id", String.class))
                .containsExactly("CV-2026-Q2-0001", "CV-2026-Q2-0002", "CV-2026-Q2-0003", "CV-2026-Q2-0004",
                        "CV-2026-Q2-0005", "DG-2026-Q2-u1024");
        assertThat(jdbc.queryForList("select record_id || ' ' || product_code from work_item order by record_id",
                String.class)).containsExactly("CV-2026-Q2-0001 BTC-01", "CV-2026-Q2-0002 BTC-02",
                "CV-2026-Q2-0003 BTC-03", "CV-2026-Q2-0004 BTC-04", "CV-2026-Q2-0005 BTC-05");
        assertThat(jdbc.queryForObject("select status || ' ' || record_count from source_file", String.class))
                .isEqualTo("PROCESSED 8");
        // and scored: the seed 001 result, as without the poison records
        Map<String, Object> evaluation = jdbc.queryForMap("select employee_code, total_points, points_band, "
                + "proposed_rating from evaluation where period = '2026-Q2'");
        assertThat(evaluation.get("employee_code")).isEqualTo("BTC-CB-0001");
        assertThat((BigDecimal) evaluation.get("total_points")).isEqualByComparingTo("91.93");
        assertThat(evaluation.get("points_band")).isEqualTo("EXCELLENT");
        assertThat(evaluation.get("proposed_rating")).isEqualTo("NOT_COMPLETED");

        // the poison records: QUARANTINED with file, line, record id and the database's message
        List<Map<String, Object>> issues = jdbc.queryForList("select record_id, version, kind, line, reason, "
                + "payload->>'tenCongViec' as title, payload->>'soLuongHoanThanh' as done from record_issue "
                + "order by record_id");
        assertThat(issues).hasSize(2);
        Map<String, Object> nul = issues.get(0);
        assertThat(nul.get("record_id")).isEqualTo("CV-2026-Q2-0901");
        assertThat(nul.get("version")).isEqualTo(1L);
        assertThat(nul.get("kind")).isEqualTo("QUARANTINED");
        assertThat(nul.get("line")).isEqualTo(26);
        assertThat(nul.get("reason")).isEqualTo("eoffice-btc/eoffice-btc-2026-Q2-poison.json:26: record CV-2026-Q2-0901: "
                + NUL_REFUSED);
        assertThat(nul.get("title")).as("the NUL kept as the text \\u0000")
                .isEqualTo("Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ tháng 6\\u0000 (bản lỗi từ hệ thống)");
        Map<String, Object> overflow = issues.get(1);
        assertThat(overflow.get("record_id")).isEqualTo("CV-2026-Q2-0902");
        assertThat(overflow.get("kind")).isEqualTo("QUARANTINED");
        assertThat(overflow.get("line")).isEqualTo(34);
        assertThat(overflow.get("reason")).isEqualTo("eoffice-btc/eoffice-btc-2026-Q2-poison.json:34: "
                + "record CV-2026-Q2-0902: " + OVERFLOW_REFUSED);
        assertThat(overflow.get("done")).isEqualTo("123456789012345");

        // listed by the API next to the unmapped and rejected records
        JsonNode listed = mapper.readTree(apiGet(admin(), "/api/v1/record-issues?kind=QUARANTINED").body());
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("recordId").asText()).isEqualTo("CV-2026-Q2-0901");
        assertThat(listed.get(0).get("reason").asText()).endsWith(NUL_REFUSED);
        assertThat(listed.get(0).at("/payload/tenCongViec").asText()).contains("tháng 6\\u0000 (bản lỗi");
        assertThat(listed.get(1).at("/payload/soLuongHoanThanh").asLong()).isEqualTo(123456789012345L);

        // counted, and one WARN per quarantined record
        assertThat(quarantinedMeter("eoffice-btc") - quarantinedBefore).isEqualTo(2.0);
        assertThat(warnings(output, "QUARANTINED record kept: eoffice-btc/eoffice-btc-2026-Q2-poison.json:26: "
                + "record CV-2026-Q2-0901: " + NUL_REFUSED)).isEqualTo(1);
        assertThat(warnings(output, "QUARANTINED record kept: eoffice-btc/eoffice-btc-2026-Q2-poison.json:34: "
                + "record CV-2026-Q2-0902: " + OVERFLOW_REFUSED)).isEqualTo(1);

        // the same file again: quarantined again, nothing added
        drop(POISONED, "eoffice-btc", "eoffice-btc-2026-Q2-poison-lan-2.json");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(DATA.resolve("inbox/.done/eoffice-btc/eoffice-btc-2026-Q2-poison-lan-2.json")));
        assertThat(count("select count(*) from source_record")).isEqualTo(6);
        assertThat(count("select count(*) from work_item")).isEqualTo(5);
        assertThat(count("select count(*) from record_issue")).isEqualTo(2);
        assertThat(count("select count(*) from evaluation")).as("result unchanged: no new version").isEqualTo(1);
        assertThat(jdbc.queryForObject("select deliveries from source_file", Integer.class)).isEqualTo(2);
        assertThat(quarantinedMeter("eoffice-btc") - quarantinedBefore).isEqualTo(4.0);
        assertThat(warnings(output, "QUARANTINED record kept: eoffice-btc/eoffice-btc-2026-Q2-poison.json:26: "))
                .as("kept once, warned once").isEqualTo(1);
        assertThat(warnings(output, "QUARANTINED record kept: ")).isEqualTo(2);
    }

    @Test
    void restPageWithPoisonRecordsIsStoredWithoutThemAndTheRunCompletes() throws Exception {
        configureIoffice();
        server.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(okJson("{\"data\": {\"token\": \"" + TOKEN + "\"}}")));
        // page 1: a good task and one with a NUL in its title (the newest change of all);
        // page 2: a good task, one whose delivered quantity overflows, a good task
        stubPage(1, List.of(task(1), nulTitled(task(4))));
        stubPage(2, List.of(task(2), overflowing(task(5)), task(3)));
        double quarantinedBefore = quarantinedMeter("ioffice-tasks");
        camel.getRouteController().stopRoute("file-inbox"); // the run takes in the inbox itself

        SyncRunView run;
        try {
            run = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER, "MANUAL_API",
                    SyncRunView.class);
        } finally {
            camel.getRouteController().startRoute("file-inbox");
        }

        assertThat(run.status()).isEqualTo(SyncRunStatus.COMPLETED);
        SyncRunView.Source rest = source(run, "ioffice-tasks");
        assertThat(rest.status()).isEqualTo(SourceRunStatus.COMPLETED);
        assertThat(List.of(rest.pages(), rest.records(), rest.stored(), rest.mapped(), rest.unmapped(), rest.rejected(),
                rest.quarantined(), rest.errors())).containsExactly(2, 5, 3, 3, 0, 0, 2, 2);
        assertThat(jdbc.queryForObject("select pages || ':' || records || ':' || stored || ':' || quarantined || ':' "
                + "|| errors from sync_run_source where source_id = 'ioffice-tasks'", String.class)).isEqualTo("2:5:3:2:2");
        assertThat(jms.receive("kpi.dead-letter")).as("no page dead-lettered").isNull();

        // the good tasks stored, mapped and scored
        assertThat(jdbc.queryForList("select record_id || ' ' || product_code from work_item order by record_id",
                String.class)).containsExactly("90251 BTC-02", "90252 BTC-03", "90253 BTC-04");
        assertThat(jdbc.queryForList("select record_id from source_record order by record_id", String.class))
                .containsExactly("90251", "90252", "90253");
        assertThat(jdbc.queryForObject("select jsonb_path_query_array(result::jsonb, '$.items[*].productCode')::text "
                + "from evaluation where employee_code = 'BTC-CB-0001' and period = '2026-Q2'", String.class))
                .as("the evaluation counts the three good tasks only").isEqualTo("[\"BTC-02\", \"BTC-03\", \"BTC-04\"]");
        // the watermark advanced past the pages, the quarantined record's change included
        assertThat(jdbc.queryForObject("select watermark from source_watermark where source_id = 'ioffice-tasks'",
                LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-06-30T17:05:00"));

        // the poison records: page, position in the page, record id, the database's message
        String page = "ioffice-tasks GET " + LIST + " page ";
        assertThat(jdbc.queryForList("select kind || ' ' || record_id || ' ' || reason from record_issue order by record_id",
                String.class)).containsExactly(
                        "QUARANTINED 90254 " + page + "1:2: record 90254: " + NUL_REFUSED,
                        "QUARANTINED 90255 " + page + "2:2: record 90255: " + OVERFLOW_REFUSED);
        assertThat(jdbc.queryForObject("select payload->>'TenCv' from record_issue where record_id = '90254'", String.class))
                .isEqualTo("Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định\\u0000 sinh hoạt đảng trực tuyến");
        assertThat(quarantinedMeter("ioffice-tasks") - quarantinedBefore).isEqualTo(2.0);

        // the same pages again (the server ignores the watermark): nothing added
        camel.getRouteController().stopRoute("file-inbox");
        SyncRunView again;
        try {
            again = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER, "MANUAL_API",
                    SyncRunView.class);
        } finally {
            camel.getRouteController().startRoute("file-inbox");
        }
        assertThat(again.status()).isEqualTo(SyncRunStatus.COMPLETED);
        SyncRunView.Source second = source(again, "ioffice-tasks");
        assertThat(List.of(second.records(), second.stored(), second.duplicates(), second.quarantined()))
                .containsExactly(5, 0, 3, 2);
        assertThat(count("select count(*) from source_record")).isEqualTo(3);
        assertThat(count("select count(*) from record_issue")).isEqualTo(2);
    }

    // ---------------------------------------------------------------- helpers

    private double quarantinedMeter(String sourceId) {
        Counter c = meters.find("kpi.records.quarantined").tag("source", sourceId).counter();
        return c == null ? 0.0 : c.count();
    }

    /** @return the WARN lines of the log that contain {@code part} */
    private static long warnings(CapturedOutput output, String part) {
        return output.getAll().lines().filter(l -> l.contains(" WARN ") && l.contains(part)).count();
    }

    private static SyncRunView.Source source(SyncRunView run, String id) {
        return run.sources().stream().filter(s -> s.sourceId().equals(id)).findFirst().orElseThrow();
    }

    private void configureIoffice() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("IOFFICE_BASE_URL", server.baseUrl());
        vars.put("IOFFICE_USERNAME", "btc.nguyenvana");
        vars.put("IOFFICE_PASSWORD", "Mk-iOffice-2026!");
        env.getPropertySources().addFirst(new MapPropertySource("poison-test", vars));
    }

    private void stubPage(int number, List<ObjectNode> tasks) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray("PageData");
        tasks.forEach(items::add);
        body.put("TotalRows", 5).put("CurrentPage", number).put("PageSize", 3).put("TotalPage", 2);
        server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo(String.valueOf(number)))
                .withHeader("X-Authentication-Token", equalTo(TOKEN)).willReturn(okJson(body.toString())));
    }

    private static ObjectNode nulTitled(ObjectNode task) {
        return task.put("TenCv", "Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định\u0000 sinh hoạt đảng trực tuyến")
                .put("NgayCapNhat", "2026/06/30 17:05:00");
    }

    private static ObjectNode overflowing(ObjectNode task) {
        return task.put("SoLuongHoanThanh", new BigDecimal("123456789012345"));
    }

    /** Tasks of Nguyễn Văn A (seed 001 worked example), as iOffice task list items. */
    private ObjectNode task(int n) {
        ObjectNode t = mapper.createObjectNode();
        t.put("Id", 90250 + n).put("NguoiThucHienId", "u-1024").put("DonViThucHienId", "btc-tu").put("TrangThai", 2)
                .put("SoLuongKeHoach", 1).put("SoLuongHoanThanh", 1);
        switch (n) {
            case 1, 5 -> t.put("TenCv", "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ quý II/2026 của các phòng")
                    .put("LoaiSanPham", "Báo cáo").put("CapTrinh", "Lãnh đạo Ban").put("HanXuLy", "2026/06/25")
                    .put("NgayHoanThanh", "2026/06/24").put("NgayCapNhat", "2026/06/24 10:00:00");
            case 2 -> t.put("TenCv", "Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở đảng, đảng viên quý II/2026")
                    .put("LoaiSanPham", "Báo cáo").put("CapTrinh", "Lãnh đạo Ban").put("HanXuLy", "2026/06/25")
                    .put("NgayHoanThanh", "2026/06/25").put("NgayCapNhat", "2026/06/25 09:30:00");
            default -> t.put("TenCv", "Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định sinh hoạt đảng trực tuyến")
                    .put("LoaiSanPham", "Tờ trình").put("CapTrinh", "Ban Thường vụ Tỉnh ủy").put("HanXuLy", "2026/05/29")
                    .put("NgayHoanThanh", "2026/05/28").put("NgayCapNhat", "2026/05/28 15:20:00");
        }
        t.putArray("KetQuaDanhGia");
        return t;
    }
}
