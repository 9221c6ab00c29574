package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * File sources through the inbox route and the edXML upload endpoint, on the real application:
 * a CSV task export, an XLSX register and edXML packages (signature, attachments, the standard's
 * {@code Bussiness} spelling) become evidence, work items and record issues; a bad row or package
 * is kept with file, line and reason while the rest goes on.
 */
class FileSourcesFlowTest extends FlowTestSupport {
    static final Path SAMPLES = Path.of("..", "samples", "sources").toAbsolutePath().normalize();
    static final Path CSV = SAMPLES.resolve("qlcv-csv/cong-viec-quy-II-2026.csv");
    static final Path EDXML = SAMPLES.resolve("vanban-di-edxml/45-TTr-BTCTU.edxml");
    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    private void awaitDone(String source, String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DATA.resolve("inbox/.done/" + source + "/" + name)));
    }

    private Map<String, Object> issue(String where, Object... args) {
        return jdbc.queryForMap("select kind, line, record_id, reason from record_issue where " + where, args);
    }

    @Test
    void csvExportBecomesWorkItemsWithDocumentRulesAndKeepsBadRowsWithFileAndLine() throws Exception {
        drop(CSV, "qlcv-csv", "cong-viec-quy-II-2026.csv");
        awaitDone("qlcv-csv", "cong-viec-quy-II-2026.csv");

        // evidence first: every row with an id, unchanged plus the derived constant and period
        assertThat(count("select count(*) from source_record where source_id = 'qlcv-csv'")).isEqualTo(8);
        JsonNode evidence = mapper.readTree(jdbc.queryForObject(
                "select payload::text from source_record where record_id = 'QLCV-2026-0102'", String.class));
        assertThat(evidence.at("/Lĩnh vực").asText()).isEqualTo("TCCS; ĐV");
        assertThat(evidence.at("/_derived/loai").asText()).isEqualTo("CONG_VIEC");
        assertThat(evidence.at("/_derived/period").asText()).isEqualTo("2026-Q2");

        List<String> items = jdbc.queryForList("select record_id || ' ' || employee_code || ' ' || product_code || ' ' "
                + "|| rule_id || ' ' || trim_scale(coefficient) || ' ' || period || ' q' || quality_failures "
                + "from work_item order by record_id", String.class);
        assertThat(items).containsExactly(
                "QLCV-2026-0101 BTC-CB-0002 BTC-01 R21-bc-hang-thang 1 2026-Q2 q0",
                "QLCV-2026-0102 BTC-CB-0002 BTC-03 R20-bc-to-chuc-co-so-dang 1.2 2026-Q2 q1",
                "QLCV-2026-0103 BTC-CB-0003 BTC-06 R06-qd-dieu-dong-tiep-nhan 0.5 2026-Q2 q0",
                "QLCV-2026-0104 BTC-CB-0003 BTC-06 R23-qd-cv-can-bo 0.5 2026-Q2 q0",
                "QLCV-2026-0105 BTC-CB-0002 BTC-08 R24-tt-giao-bien-che 1.2 2026-Q2 q0");

        String file = "qlcv-csv/cong-viec-quy-II-2026.csv";
        assertThat(count("select count(*) from record_issue")).isEqualTo(4);
        Map<String, Object> symbol = issue("record_id = ?", "QLCV-2026-0106");
        assertThat(symbol.get("kind")).isEqualTo("REJECTED");
        assertThat(symbol.get("line")).isEqualTo(7);
        assertThat((String) symbol.get("reason")).startsWith(file + ":7: record QLCV-2026-0106: field \"documentSymbol\" "
                + "(/Số, ký hiệu văn bản): document symbol \"45/QD-BTCTU\": ");
        Map<String, Object> noRule = issue("record_id = ?", "QLCV-2026-0107");
        assertThat(noRule.get("kind")).isEqualTo("UNMAPPED");
        assertThat((String) noRule.get("reason")).isEqualTo(file + ":8: record QLCV-2026-0107: no rule of "
                + "ban-to-chuc-tinh-uy.yml matched (14 rules tried; title \"Kế hoạch kiểm tra công tác cán bộ quý III/2026\", "
                + "product type \"null\")");
        Map<String, Object> row = issue("line = 9");
        assertThat(row.get("kind")).isEqualTo("REJECTED");
        assertThat(row.get("record_id")).isNull();
        assertThat((String) row.get("reason")).isEqualTo(file + ":9: row has values beyond the 15 columns named by the "
                + "header (line 1): column 16 (P) \"dòng thừa\"");
        assertThat((String) issue("record_id = ?", "QLCV-2026-0109").get("reason"))
                .contains("assignee \"thao.pt\" is not in identity map");
        Map<String, Object> f = jdbc.queryForMap("select status, record_count from source_file where file_name = ?", file);
        assertThat(f.get("status")).isEqualTo("PROCESSED");
        assertThat(f.get("record_count")).isEqualTo(9);
        // the touched employees were scored
        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("select count(*) from evaluation where employee_code in ('BTC-CB-0002', 'BTC-CB-0003')") == 2);
    }

    @Test
    void xlsxRegisterWrittenWithPoiIsReadFromItsSheetAndAnErrorCellRowIsKept() throws Exception {
        // the register as the office keeps it: a notes sheet first, two title rows, header on row 3, a #DIV/0! row
        Path workbook = Path.of("../samples/sources/so-giao-viec-xlsx/so-giao-viec-quy-II-2026.xlsx");
        drop(workbook, "so-giao-viec-xlsx", "so-giao-viec-quy-II-2026.xlsx");
        awaitDone("so-giao-viec-xlsx", "so-giao-viec-quy-II-2026.xlsx");

        Map<String, Object> w = jdbc.queryForMap("select record_id, employee_code, product_code, rule_id, period, "
                + "planned_quantity, done_quantity from work_item");
        assertThat(w.get("record_id")).isEqualTo("GV-2026-031");
        assertThat(w.get("employee_code")).isEqualTo("BTC-CB-0003");
        assertThat(w.get("product_code")).isEqualTo("BTC-06");
        assertThat(w.get("rule_id")).as("the title rule of the slice comes first").isEqualTo("R06-qd-dieu-dong-tiep-nhan");
        assertThat(w.get("period")).isEqualTo("2026-Q2");
        assertThat((java.math.BigDecimal) w.get("planned_quantity")).isEqualByComparingTo("2");
        assertThat((java.math.BigDecimal) w.get("done_quantity")).isEqualByComparingTo("2");
        JsonNode evidence = mapper.readTree(jdbc.queryForObject("select payload::text from source_record", String.class));
        assertThat(evidence.at("/Hạn hoàn thành").asText()).isEqualTo("2026-06-30");
        assertThat(jdbc.queryForObject("select line from source_record", Integer.class)).isEqualTo(4);
        Map<String, Object> bad = issue("kind = 'REJECTED'");
        assertThat(bad.get("line")).isEqualTo(5);
        assertThat((String) bad.get("reason")).isEqualTo("so-giao-viec-xlsx/so-giao-viec-quy-II-2026.xlsx:5: cell I5 holds "
                + "the Excel error #DIV/0!");
    }

    @Test
    void edxmlPackageIsOneDocumentMappedByTypeAndIssuerWithAttachmentsMeasuredAndABrokenOneIsKept() throws Exception {
        String broken = Files.readString(EDXML).replace("</edXML:Subject>", "");
        drop(broken, "vanban-di-edxml", "hong.edxml");
        drop(EDXML, "vanban-di-edxml", "45-TTr-BTCTU.edxml");
        awaitDone("vanban-di-edxml", "45-TTr-BTCTU.edxml");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(DATA.resolve("inbox/.error/vanban-di-edxml/hong.edxml")));

        Map<String, Object> w = jdbc.queryForMap("select record_id, employee_code, product_code, rule_id, "
                + "trim_scale(coefficient) as c, period, title from work_item");
        assertThat(w.get("record_id")).isEqualTo("000.01.31.H56,2026/05/12,45-TTr/BTCTU");
        assertThat(w.get("employee_code")).isEqualTo("BTC-CB-0002");
        assertThat(w.get("product_code")).isEqualTo("BTC-07");
        assertThat(w.get("rule_id")).isEqualTo("R25-tt-van-ban-lien-thong");
        assertThat(w.get("c").toString()).isEqualTo("1");
        assertThat(w.get("period")).isEqualTo("2026-Q2");
        assertThat((String) w.get("title")).startsWith("Về việc đề nghị phê duyệt Đề án đánh giá");

        Map<String, Object> ev = jdbc.queryForMap("select payload::text as p, line from source_record");
        assertThat(ev.get("line")).isEqualTo(7);
        JsonNode p = mapper.readTree((String) ev.get("p"));
        assertThat(p.at("/business/staffInfo/staff").asText()).isEqualTo("Trần Thị Lan");
        assertThat(p.at("/signer/fullName").asText()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(p.at("/signature/x509SubjectName").asText()).startsWith("CN=Ban Tổ chức Tỉnh ủy Thái Nguyên");
        assertThat(p.at("/attachments")).hasSize(2);
        assertThat(p.at("/attachments/1/name").asText()).isEqualTo("Du-thao-De-an-KPI-2026.docx");
        assertThat(p.at("/attachments/1/size").asLong()).isEqualTo(623);
        assertThat(p.at("/attachments/0/sha256").asText()).hasSize(64);
        assertThat((String) ev.get("p")).doesNotContain("JVBERi0").doesNotContain("UEsDBBQ");

        Map<String, Object> rejected = jdbc.queryForMap("select status, error from source_file where file_name = ?",
                "vanban-di-edxml/hong.edxml");
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
        assertThat((String) rejected.get("error")).startsWith("vanban-di-edxml/hong.edxml:").contains("malformed XML");
    }

    @Test
    void edxmlPostedOverHttpIsStreamedIntoTheSamePathAndAnswersCounts() throws Exception {
        HttpResponse<String> ok = post("/api/v1/sources/vanban-di-edxml/edxml?fileName=45-TTr-BTCTU.edxml",
                Files.readAllBytes(EDXML));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode counts = mapper.readTree(ok.body());
        assertThat(counts.get("fileName").asText()).isEqualTo("http/vanban-di-edxml/45-TTr-BTCTU.edxml");
        assertThat(counts.get("records").asInt()).isEqualTo(1);
        assertThat(counts.get("stored").asInt()).isEqualTo(1);
        assertThat(counts.get("mapped").asInt()).isEqualTo(1);
        assertThat(counts.get("rejected").asInt()).isZero();
        assertThat(jdbc.queryForObject("select product_code from work_item", String.class)).isEqualTo("BTC-07");
        assertThat(jdbc.queryForObject("select file_name from source_record", String.class))
                .isEqualTo("http/vanban-di-edxml/45-TTr-BTCTU.edxml");
        assertThat(count("select count(*) from evaluation where employee_code = 'BTC-CB-0002'")).isEqualTo(1);

        JsonNode again = mapper.readTree(post("/api/v1/sources/vanban-di-edxml/edxml", Files.readAllBytes(EDXML)).body());
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(again.get("stored").asInt()).isZero();
        assertThat(count("select count(*) from source_record")).isEqualTo(1);

        HttpResponse<String> broken = post("/api/v1/sources/vanban-di-edxml/edxml?fileName=hong.edxml",
                Files.readString(EDXML).replace("</edXML:Subject>", "").getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(mapper.readTree(broken.body()).get("detail").asText())
                .startsWith("http/vanban-di-edxml/hong.edxml:").contains("malformed XML");

        HttpResponse<String> csvSource = post("/api/v1/sources/qlcv-csv/edxml", Files.readAllBytes(EDXML));
        assertThat(csvSource.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(csvSource.body()).get("detail").asText())
                .isEqualTo("source qlcv-csv is of type csv; edXML packages go to a source of type edxml");
        HttpResponse<String> unknown = post("/api/v1/sources/khong-co/edxml", Files.readAllBytes(EDXML));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(mapper.readTree(unknown.body()).get("field").asText()).isEqualTo("sourceId");
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/xml")
                .header("Authorization", admin().value())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
