package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.report.Mau06SummaryWriter;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * The seed 001 worked example through the whole flow: the sample export dropped in the inbox,
 * evidence and work items in PostgreSQL, the evaluation read back from the Artemis queue and the
 * Mẫu 06 summary read back from disk with POI. Then the same file again: nothing is added.
 */
class SeedExampleFlowTest extends FlowTestSupport {
    private static final Path SAMPLE = Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    private final ObjectMapper mapper = new ObjectMapper();
    @org.springframework.beans.factory.annotation.Autowired
    private org.apache.camel.CamelContext camel;

    @Test
    void seedExampleGives9193NotCompletedOnQueueAndInXlsxAndSecondRunAddsNothing() throws Exception {
        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");

        Message message = jms.receive("kpi.evaluations");
        assertThat(message).as("evaluation message on kpi.evaluations").isNotNull();
        assertThat(message.getStringProperty("KpiIdempotencyKey")).isEqualTo("BTC-CB-0001:2026-Q2:v1");
        String text = ((TextMessage) message).getText();
        // compact JSON since V14
        assertThat(text).startsWith("{\"idempotencyKey\":\"BTC-CB-0001:2026-Q2:v1\",\"employeeCode\":").doesNotContain("\n");
        JsonNode m = mapper.readTree(text);
        JsonNode display = m.get("display");
        assertThat(m.get("employeeCode").asText()).isEqualTo("BTC-CB-0001");
        assertThat(m.get("periodLabel").asText()).isEqualTo("Quý II/2026");
        assertThat(display.get("totalPoints").decimalValue()).isEqualByComparingTo("91.93");
        JsonNode axis = display.get("axes").get(0);
        assertThat(axis.get("quantityPercent").decimalValue()).isEqualByComparingTo("87.01");
        assertThat(axis.get("qualityPercent").decimalValue()).isEqualByComparingTo("88.96");
        assertThat(axis.get("timelinessPercent").decimalValue()).isEqualByComparingTo("88.96");
        assertThat(axis.get("leadershipPercent").decimalValue()).isEqualByComparingTo("88.96");
        assertThat(axis.get("kpiPercent").decimalValue()).isEqualByComparingTo("88.47");
        assertThat(display.get("pointsBand").asText()).isEqualTo("EXCELLENT");
        assertThat(display.get("proposedRating").asText()).isEqualTo("NOT_COMPLETED");
        assertThat(display.get("proposedRatingLabel").asText()).isEqualTo("Không hoàn thành nhiệm vụ");
        JsonNode ev = m.get("evaluation");
        assertThat(ev.get("rulesFired")).hasSize(1);
        assertThat(ev.get("rulesFired").get(0).get("code").asText()).isEqualTo("TASKS_BELOW_100_PERCENT");
        assertThat(ev.get("rulesFired").get(0).get("reason").asText()).contains("87,01%");
        // the per-item table of "Bảng 2": 5 rows, planned converted 7.7 in all
        JsonNode items = ev.get("items");
        assertThat(items).hasSize(5);
        assertThat(items.get(0).get("productCode").asText()).isEqualTo("BTC-01");
        assertThat(items.get(0).get("quantityCredit").decimalValue()).isEqualByComparingTo("1");
        assertThat(items.get(0).get("qualityFactor").decimalValue()).isEqualByComparingTo("0.75");
        assertThat(items.get(2).get("coefficient").decimalValue()).isEqualByComparingTo("1.2");
        assertThat(items.get(4).get("productCode").asText()).isEqualTo("BTC-05");
        assertThat(items.get(4).get("qualityCredit").decimalValue()).isEqualByComparingTo("2.4");
        assertThat(ev.get("axes").get(0).get("plannedConverted").decimalValue()).isEqualByComparingTo("7.7");

        // XLSX summary (Mẫu 06), read back with POI
        Path xlsx = DATA.resolve("out/2026-Q2/mau-06_BTC-TU.xlsx");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(xlsx));
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("CƠ QUAN, ĐƠN VỊ: Ban Tổ chức Tỉnh ủy");
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).contains("QUÝ II/2026");
            Row h = s.getRow(Mau06SummaryWriter.HEADER_ROW);
            for (int c = 0; c < Mau06SummaryWriter.HEADERS.size(); c++) {
                assertThat(h.getCell(c).getStringCellValue()).isEqualTo(Mau06SummaryWriter.HEADERS.get(c));
            }
            assertThat(h.getCell(0).getStringCellValue()).isEqualTo("STT");
            assertThat(h.getCell(1).getStringCellValue()).isEqualTo("Họ và tên");
            Row r = s.getRow(Mau06SummaryWriter.HEADER_ROW + 1);
            assertThat(r.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(r.getCell(1).getStringCellValue()).isEqualTo("Nguyễn Văn A");
            assertThat(r.getCell(2).getStringCellValue()).isEqualTo("Phó Trưởng Ban Tổ chức Tỉnh ủy");
            assertThat(r.getCell(3).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(r.getCell(4).getStringCellValue()).isEqualTo("Không hoàn thành nhiệm vụ");
            assertThat(r.getCell(5).getStringCellValue()).startsWith("Tổng điểm 91,93 (tiêu chí chung 30,00; "
                    + "kết quả thực hiện nhiệm vụ 61,93; KPI trục 4 88,47%)").contains("87,01%");
            assertThat(s.getRow(Mau06SummaryWriter.HEADER_ROW + 2)).isNull();
        }

        // the signed party export package verifies with the public key and carries the result
        Path zip = DATA.resolve("outbox/party/2026-Q2/2026-Q2_BTC-TU.zip");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(zip));
        var pkg = new vn.kpibridge.connectors.target.PartyExportPackage();
        JsonNode manifest = pkg.verify(zip, vn.kpibridge.connectors.target.SigningKeys.readPublic(
                DATA.resolve("keys/party-export.pub")));
        assertThat(manifest.get("unitCode").asText()).isEqualTo("BTC-TU");
        assertThat(manifest.get("status").asText()).isEqualTo("PROPOSED");
        assertThat(manifest.get("files").findValuesAsText("name")).containsExactly("evaluations.json", "mau-04_BTC-TU.xlsx",
                "mau-05_BTC-TU.xlsx", "mau-06_BTC-TU.xlsx", "tong-hop-xep-loai_BTC-TU.xlsx", "can-bo/BTC-CB-0001.xlsx");
        assertThat(DATA.resolve("out/2026-Q2/BTC-TU/BTC-CB-0001.xlsx")).exists();
        JsonNode packed = mapper.readTree(pkg.read(zip).get("evaluations.json"));
        assertThat(packed).hasSize(1);
        assertThat(packed.get(0).get("totalPoints").decimalValue()).isEqualByComparingTo("91.93");
        assertThat(packed.get(0).get("proposedRating").asText()).isEqualTo("NOT_COMPLETED");

        // the database: evidence, items, assessment, one evaluation version
        assertThat(count("select count(*) from source_record")).isEqualTo(6);
        assertThat(count("select count(*) from work_item")).isEqualTo(5);
        assertThat(count("select count(*) from employee_assessment")).isEqualTo(1);
        assertThat(count("select count(*) from evaluation")).isEqualTo(1);
        assertThat(count("select count(*) from record_issue")).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> count("select count(*) from outbox_message where target = 'EVALUATIONS_QUEUE' and status = 'DELIVERED'") == 1);
        assertThat(jdbc.queryForObject("select idempotency_key from outbox_message where target = 'EVALUATIONS_QUEUE'", String.class))
                .isEqualTo("BTC-CB-0001:2026-Q2:v1");
        // claim check: the queue message is stored as a reference to the version, not a copy of its result,
        // and what was delivered above is the message built from the stored result
        assertThat(jdbc.queryForObject("select (payload is null and evaluation_id = (select id from evaluation)) "
                + "from outbox_message where target = 'EVALUATIONS_QUEUE'", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("select octet_length(result::text) from evaluation", Integer.class))
                .isGreaterThan(2000);
        // the stored result is the exact text its SHA-256 was taken of (column type json, V12)
        assertThat(jdbc.queryForObject("select encode(sha256(convert_to(result::text, 'UTF8')), 'hex') = result_sha256 "
                + "from evaluation", Boolean.class)).isTrue();
        // compact (V14): no indentation, exactly the bytes of the one result writer for the evaluation it holds
        String stored = jdbc.queryForObject("select result::text from evaluation", String.class);
        assertThat(stored).startsWith("{\"employeeId\":\"BTC-CB-0001\",\"fullName\":\"Nguyễn Văn A\",").doesNotContain("\n")
                .doesNotContain("\": ");
        assertThat(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(ScoringService.resultJsonBytes(ScoringService.readResult(stored)));
        assertThat(jdbc.queryForObject("select payload->'danhGia'->>'heSoChatLuong' from source_record where record_id = ?",
                String.class, "CV-2026-Q2-0005")).isEqualTo("1.2");
        assertThat(jdbc.queryForObject("select rule_id || ' ' || catalog_version from work_item where record_id = ?",
                String.class, "CV-2026-Q2-0005")).isEqualTo("R05-tt-xay-dung-chinh-don-dang 2026.1");

        // second run of the same file: nothing added, nothing published again
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(
                DATA.resolve("inbox/.done/eoffice-btc/eoffice-btc-2026-Q2.json")));
        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select deliveries from source_file") == 2);
        jms.setReceiveTimeout(1500);
        assertThat(jms.receive("kpi.evaluations")).as("no second message").isNull();
        assertThat(count("select count(*) from source_record")).isEqualTo(6);
        assertThat(count("select count(*) from work_item")).isEqualTo(5);
        assertThat(count("select count(*) from evaluation")).isEqualTo(1);
        assertThat(count("select count(*) from source_file")).isEqualTo(1);
        // the queue message and the period.closed event, none again (evaluation.finalized and the HR
        // push wait for the publication: kpi.release.on=publication)
        assertThat(count("select count(*) from outbox_message")).isEqualTo(2);
    }

    @Test
    void evaluationStoredWhileTheRelayIsStoppedIsDeliveredWhenItStarts() throws Exception {
        camel.getRouteController().stopRoute("outbox-evaluations-relay");
        try {
            drop(SAMPLE, "eoffice-btc", "relay.json");
            await().atMost(Duration.ofSeconds(10)).until(() -> count("select count(*) from evaluation") == 1);
            jms.setReceiveTimeout(1000);
            assertThat(jms.receive("kpi.evaluations")).as("nothing sent while the relay is down").isNull();
            assertThat(jdbc.queryForObject("select status from outbox_message where target = 'EVALUATIONS_QUEUE'",
                    String.class)).isEqualTo("PENDING");
        } finally {
            camel.getRouteController().startRoute("outbox-evaluations-relay");
        }
        jms.setReceiveTimeout(5000);
        Message m = jms.receive("kpi.evaluations");
        assertThat(m).isNotNull();
        assertThat(m.getStringProperty("KpiIdempotencyKey")).isEqualTo("BTC-CB-0001:2026-Q2:v1");
        await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(
                jdbc.queryForObject("select status from outbox_message where target = 'EVALUATIONS_QUEUE'", String.class)));
    }
}
