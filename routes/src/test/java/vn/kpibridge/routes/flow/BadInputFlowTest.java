package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * Bad input: a malformed file goes to the error folder with its reason; in a readable file, an
 * unknown product and a negative quantity are kept with their reasons (file, line, record, field)
 * and the good record of the same file is still mapped and scored.
 */
class BadInputFlowTest extends FlowTestSupport {

    @Test
    void malformedJsonIsMovedToErrorFolderAndRecordedWithFileAndLine() throws Exception {
        drop("{\n  \"period\": \"2026-Q3\",\n  \"records\": [ {\"id\": \"X\", } ]\n}\n", "eoffice-btc", "hong.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(DATA.resolve("inbox/.error/eoffice-btc/hong.json")));
        Map<String, Object> row = jdbc.queryForMap("select status, error from source_file where file_name = ?",
                "eoffice-btc/hong.json");
        assertThat(row.get("status")).isEqualTo("REJECTED");
        assertThat((String) row.get("error")).startsWith("eoffice-btc/hong.json:3: malformed JSON at line 3");
        assertThat(count("select count(*) from source_record")).isZero();
    }

    @Test
    void fileOutsideAnySourceFolderIsRejectedNamingTheConfiguredSources() throws Exception {
        drop("{\"records\": []}", "khong-co-nguon", "x.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(DATA.resolve("inbox/.error/khong-co-nguon/x.json")));
        assertThat(jdbc.queryForObject("select error from source_file", String.class))
                .contains("no source mapping with id \"khong-co-nguon\"").contains("eoffice-btc");
    }

    @Test
    void unknownProductAndNegativeQuantityAreKeptWithReasonsAndTheRestGoesOn() throws Exception {
        String export = """
                {
                  "period": "2026-Q3",
                  "records": [
                    {"id": "CV-Q3-1", "version": 1, "loai": "CONG_VIEC", "nguoiThucHienId": "u-1024",
                     "tenCongViec": "Công văn trả lời kiến nghị cử tri về đường giao thông", "sanPham": "Công văn",
                     "soLuongKeHoach": 1, "soLuongHoanThanh": 1},
                    {"id": "CV-Q3-2", "version": 1, "loai": "CONG_VIEC", "nguoiThucHienId": "u-1024",
                     "tenCongViec": "Báo cáo kết quả thực hiện nhiệm vụ hằng tháng", "sanPham": "Báo cáo",
                     "soLuongKeHoach": 3, "soLuongHoanThanh": -1},
                    {"id": "CV-Q3-3", "version": 1, "loai": "CONG_VIEC", "nguoiThucHienId": "u-1024",
                     "tenCongViec": "Tờ trình về sinh hoạt đảng trực tuyến", "sanPham": "Tờ trình",
                     "soLuongKeHoach": 1, "soLuongHoanThanh": 1},
                    {"id": "CV-Q3-4", "version": 1, "loai": "CONG_VIEC", "nguoiThucHienId": "u-9999",
                     "tenCongViec": "Báo cáo hằng tháng", "sanPham": "Báo cáo", "soLuongKeHoach": 1}
                  ]
                }
                """;
        drop(export, "eoffice-btc", "q3.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(DATA.resolve("inbox/.done/eoffice-btc/q3.json")));

        assertThat(count("select count(*) from source_record")).as("every record kept as evidence").isEqualTo(4);
        List<Map<String, Object>> issues = jdbc.queryForList(
                "select record_id, kind, line, reason from record_issue order by record_id");
        assertThat(issues).hasSize(3);
        assertThat(issues.get(0).get("record_id")).isEqualTo("CV-Q3-1");
        assertThat(issues.get(0).get("kind")).isEqualTo("UNMAPPED");
        assertThat(issues.get(0).get("line")).isEqualTo(4);
        assertThat((String) issues.get(0).get("reason")).startsWith("eoffice-btc/q3.json:4: record CV-Q3-1: no rule of "
                + "ban-to-chuc-tinh-uy.yml matched (14 rules tried");
        assertThat(issues.get(1).get("kind")).isEqualTo("REJECTED");
        assertThat((String) issues.get(1).get("reason")).isEqualTo("eoffice-btc/q3.json:7: record CV-Q3-2: field "
                + "\"doneQuantity\" (/soLuongHoanThanh) is negative (-1)");
        assertThat(issues.get(2).get("kind")).isEqualTo("UNMAPPED");
        assertThat((String) issues.get(2).get("reason")).contains("assignee \"u-9999\" is not in identity map");

        // the good record was mapped and scored: 1 item, planned = done = 1.5 converted, no assessment
        // -> general 0, KPI (1+1+1+1)/4 = 100% -> 70 task points, total 70.00 (GOOD band)
        assertThat(count("select count(*) from work_item")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select product_code from work_item", String.class)).isEqualTo("BTC-04");
        assertThat(jdbc.queryForObject("select total_points from evaluation where period = '2026-Q3'",
                java.math.BigDecimal.class)).isEqualByComparingTo("70.00");
        assertThat(jdbc.queryForObject("select points_band from evaluation", String.class)).isEqualTo("GOOD");
    }
}
