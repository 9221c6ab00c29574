package vn.kpibridge.connectors.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.MappingDecision;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.JsonExportReader;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.scoring.AxisKpiScorer;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.WorkItem;

/**
 * The shipped sample export, normalised, mapped and scored, written as the employee workbook and
 * read back with POI: "Bảng 2" and Mẫu 03 part B checked cell by cell against seed 001 Phụ lục 2.
 */
class EmployeeScoreSheetWriterTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static Evaluation seedExample() throws Exception {
        MappingFiles files = new MappingFiles();
        SourceMapping m = files.loadSource(ROOT.resolve("mappings/sources/eoffice-btc.yml"));
        ProductRuleEngine rules = files.loadRules(ROOT.resolve("mappings").resolve(m.productRules()));
        Catalog catalog = files.loadCatalog(ROOT.resolve("mappings").resolve(m.catalog())).forPeriod(Period.parse("2026-Q2"));
        RecordNormalizer n = new RecordNormalizer(m);
        ExportFile export;
        try (InputStream in = Files.newInputStream(ROOT.resolve("samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json"))) {
            export = new JsonExportReader(new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS),
                    "records").read("sample", in);
        }
        List<WorkItem> items = new ArrayList<>();
        BigDecimal general = null;
        for (var raw : export.records()) {
            NormalizedRecord r = n.normalize(export.header(), raw);
            if (r.type() == RecordType.ASSESSMENT) {
                general = r.generalCriteriaPoints();
                continue;
            }
            MappingDecision d = rules.map(r, catalog);
            items.add(new WorkItem(r.recordId(), r.title(), d.productCode(), null, d.coefficient(), r.share(),
                    r.plannedQuantity(), r.doneQuantity(), new ItemReview(r.qualityFailures(), r.lateDeliveries(),
                            r.leadershipFailures(), r.objectiveCause(), r.qualityFactor(), r.timelinessFactor(),
                            r.leadershipFactor())));
        }
        return new AxisKpiScorer().score(files.loadScheme(ROOT.resolve("config/schemes/seed001-worked-example.yml")),
                new EmployeeInput("BTC-CB-0001", "Nguyễn Văn A", "Phó Trưởng Ban Tổ chức Tỉnh ủy", "BTC-TU", true,
                        general, items, null, Rating.EXCELLENT));
    }

    @Test
    void bang2AndMau03PartBMatchTheSeedCellByCell(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("BTC-CB-0001.xlsx");
        new EmployeeScoreSheetWriter().write(xlsx, seedExample(), "Quý II/2026");
        try (InputStream in = Files.newInputStream(xlsx); Workbook wb = new XSSFWorkbook(in)) {
            Sheet k = wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET);
            Row h = k.getRow(EmployeeScoreSheetWriter.KPI_HEADER_ROW);
            for (int c = 0; c < EmployeeScoreSheetWriter.KPI_HEADERS.size(); c++) {
                assertThat(h.getCell(c).getStringCellValue()).isEqualTo(EmployeeScoreSheetWriter.KPI_HEADERS.get(c));
            }
            // rows of "Bảng 2": {planned, coefficient, converted, done, qty credit, quality factor, quality credit,
            // timeliness factor, timeliness credit, leadership factor, leadership credit}
            double[][] expected = {
                {2, 1, 2, 1, 1, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75},
                {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                {1, 1.2, 1.2, 1, 1.2, 1, 1.2, 1, 1.2, 1, 1.2},
                {1, 1.5, 1.5, 1, 1.5, 1, 1.5, 1, 1.5, 1, 1.5},
                {1, 2, 2, 1, 2, 1.2, 2.4, 1.2, 2.4, 1.2, 2.4}};
            for (int i = 0; i < 5; i++) {
                Row r = k.getRow(EmployeeScoreSheetWriter.KPI_HEADER_ROW + 1 + i);
                assertThat(r.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                for (int c = 0; c < 11; c++) {
                    assertThat(r.getCell(c + 3).getNumericCellValue()).as("row %d column %d", i + 1, c + 3)
                            .isCloseTo(expected[i][c], org.assertj.core.data.Offset.offset(1e-9));
                }
            }
            assertThat(k.getRow(EmployeeScoreSheetWriter.KPI_HEADER_ROW + 1).getCell(1).getStringCellValue())
                    .isEqualTo("Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng");
            Row total = k.getRow(EmployeeScoreSheetWriter.KPI_HEADER_ROW + 6);
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng");
            assertThat(total.getCell(5).getNumericCellValue()).isCloseTo(7.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(total.getCell(7).getNumericCellValue()).isCloseTo(6.7, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(total.getCell(9).getNumericCellValue()).isCloseTo(6.85, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(total.getCell(11).getNumericCellValue()).isCloseTo(6.85, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(total.getCell(13).getNumericCellValue()).isCloseTo(6.85, org.assertj.core.data.Offset.offset(1e-9));
            int ratios = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 8;
            assertThat(k.getRow(ratios).getCell(1).getStringCellValue()).isEqualTo("A - Số lượng (%)");
            assertThat(k.getRow(ratios).getCell(2).getNumericCellValue()).isEqualTo(87.01);
            assertThat(k.getRow(ratios + 1).getCell(2).getNumericCellValue()).isEqualTo(88.96);
            assertThat(k.getRow(ratios + 2).getCell(2).getNumericCellValue()).isEqualTo(88.96);
            assertThat(k.getRow(ratios + 3).getCell(2).getNumericCellValue()).isEqualTo(88.96);
            assertThat(k.getRow(ratios + 4).getCell(1).getStringCellValue()).isEqualTo("KPI = (A+B+C+D)/4 (%)");
            assertThat(k.getRow(ratios + 4).getCell(2).getNumericCellValue()).isEqualTo(88.47);

            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            assertThat(s.getRow(5).getCell(1).getStringCellValue()).isEqualTo("NHÓM TIÊU CHÍ CHUNG");
            assertThat(s.getRow(5).getCell(4).getNumericCellValue()).isEqualTo(30.0);
            assertThat(s.getRow(6).getCell(4).getNumericCellValue()).isEqualTo(61.93);
            assertThat(s.getRow(7).getCell(1).getStringCellValue()).startsWith("Trục 4: ");
            assertThat(s.getRow(7).getCell(2).getNumericCellValue()).isEqualTo(88.47);
            assertThat(s.getRow(7).getCell(3).getNumericCellValue()).isEqualTo(70.0);
            assertThat(s.getRow(8).getCell(1).getStringCellValue()).isEqualTo("TỔNG ĐIỂM");
            assertThat(s.getRow(8).getCell(4).getNumericCellValue()).isEqualTo(91.93);
            assertThat(s.getRow(10).getCell(2).getStringCellValue()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(s.getRow(12).getCell(1).getStringCellValue()).isEqualTo("Đề xuất xếp loại");
            assertThat(s.getRow(12).getCell(2).getStringCellValue()).isEqualTo("Không hoàn thành nhiệm vụ");
            assertThat(s.getRow(13).getCell(2).getStringCellValue()).contains("87,01%").contains("seed 001 §6.1");
        }
    }
}
