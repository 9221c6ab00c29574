package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.report.EmployeeScoreSheetWriter;
import vn.kpibridge.connectors.report.Mau04ReportWriter;
import vn.kpibridge.connectors.report.RatingCountSummaryWriter;
import vn.kpibridge.connectors.target.PartyExportPackage;
import vn.kpibridge.connectors.target.SigningKeys;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * After the main flow on the seed 001 worked example, the unit's report forms are on disk (Mẫu số
 * 04, 05, 06, the seed 004 count summary, the employee's Mẫu 03 and Bảng 2; no monthly lists for this
 * quarterly scheme), and the signed party package carries exactly those files: its manifest verifies
 * with the public key and each checksum equals the SHA-256 of the file written to the output folder.
 */
class UnitReportsFlowTest extends FlowTestSupport {
    private static final Path SAMPLE = Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    private static final List<String> FORMS = List.of("mau-04_BTC-TU.xlsx", "mau-05_BTC-TU.xlsx", "mau-06_BTC-TU.xlsx",
            "tong-hop-xep-loai_BTC-TU.xlsx");

    @Test
    void mainFlowLeavesEveryFormAndThePackageManifestVerifiesWithThem() throws Exception {
        Path zip = DATA.resolve("outbox/party/2026-Q2/2026-Q2_BTC-TU.zip");
        Path out = DATA.resolve("out/2026-Q2");
        Files.deleteIfExists(zip); // left by an earlier test of this JVM
        drop(SAMPLE, "eoffice-btc", "reports-flow.json");
        // the route writes the forms, then the package: once the package is there, so are the forms
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(zip));
        PartyExportPackage pkg = new PartyExportPackage();

        for (String f : FORMS) {
            assertThat(out.resolve(f)).exists();
        }
        assertThat(out.resolve("BTC-TU/BTC-CB-0001.xlsx")).exists();
        assertThat(out.resolve("ket-qua-thang_BTC-TU.xlsx")).doesNotExist();
        assertThat(out.resolve("de-nghi-khen-thuong_BTC-TU.xlsx")).doesNotExist();

        JsonNode manifest = pkg.verify(zip, SigningKeys.readPublic(DATA.resolve("keys/party-export.pub")));
        assertThat(manifest.get("files").findValuesAsText("name")).containsExactly("evaluations.json", FORMS.get(0),
                FORMS.get(1), FORMS.get(2), FORMS.get(3), "can-bo/BTC-CB-0001.xlsx");
        Map<String, byte[]> packed = pkg.read(zip);
        for (JsonNode f : manifest.get("files")) {
            String name = f.get("name").asText();
            if (name.endsWith(".xlsx")) {
                Path onDisk = name.startsWith("can-bo/") ? out.resolve("BTC-TU").resolve(name.substring(7)) : out.resolve(name);
                byte[] bytes = Files.readAllBytes(onDisk);
                assertThat(f.get("sha256").asText()).as(name).isEqualTo(PartyExportPackage.sha256(bytes));
                assertThat(packed.get(name)).as(name).isEqualTo(bytes);
            }
        }

        try (InputStream in = Files.newInputStream(out.resolve("mau-04_BTC-TU.xlsx")); Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            int r = Mau04ReportWriter.HEADER_ROW + 1;
            assertThat(s.getRow(r).getCell(1).getStringCellValue()).isEqualTo("Nguyễn Văn A");
            assertThat(s.getRow(r).getCell(3).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(s.getRow(r).getCell(4).getStringCellValue()).isEqualTo("Không hoàn thành nhiệm vụ");
            assertThat(s.getRow(r).getCell(5).getStringCellValue()).startsWith("Tổng điểm 91,93");
        }
        try (InputStream in = Files.newInputStream(out.resolve("tong-hop-xep-loai_BTC-TU.xlsx")); Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(0);
            int total = RatingCountSummaryWriter.HEADER_ROW + 3;
            assertThat(s.getRow(total).getCell(0).getStringCellValue()).isEqualTo(RatingCountSummaryWriter.TOTAL);
            assertThat(s.getRow(total).getCell(7).getNumericCellValue()).isEqualTo(1.0);
        }
        try (InputStream in = Files.newInputStream(out.resolve("BTC-TU/BTC-CB-0001.xlsx")); Workbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            int a = EmployeeScoreSheetWriter.PART_A_HEADER_ROW;
            assertThat(s.getRow(a + 1).getCell(1).getStringCellValue()).isEqualTo(EmployeeScoreSheetWriter.TOTAL_A);
            assertThat(s.getRow(a + 1).getCell(5).getNumericCellValue()).isEqualTo(30.0);
            assertThat(wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET)).isNotNull();
        }
    }
}
