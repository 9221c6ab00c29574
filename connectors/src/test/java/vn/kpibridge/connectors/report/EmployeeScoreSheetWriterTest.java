package vn.kpibridge.connectors.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.kpibridge.connectors.report.XlsxCells.number;
import static vn.kpibridge.connectors.report.XlsxCells.rowWith;
import static vn.kpibridge.connectors.report.XlsxCells.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
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
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.EvaluationSubject;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Role;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.ScoringEngine;
import vn.kpibridge.scoring.WorkItem;

/**
 * The shipped sample export, normalised, mapped and scored, written as the employee workbook and
 * read back with POI: "Bảng 2" and Mẫu 03 checked cell by cell against seed 001 Phụ lục 2; Mẫu 03
 * part A item by item under the An Giang scheme's 17-item checklist.
 */
class EmployeeScoreSheetWriterTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Period Q2 = Period.parse("2026-Q2");
    private static final MappingFiles FILES = new MappingFiles();

    /** The 5 items of the seed example (axis as mapped: none) and the assessed general points. */
    record SeedInput(List<WorkItem> items, BigDecimal generalPoints) {
    }

    static SeedInput seedInput() throws Exception {
        SourceMapping m = FILES.loadSource(ROOT.resolve("mappings/sources/eoffice-btc.yml"));
        ProductRuleEngine rules = FILES.loadRules(ROOT.resolve("mappings").resolve(m.productRules()));
        Catalog catalog = FILES.loadCatalog(ROOT.resolve("mappings").resolve(m.catalog())).forPeriod(Q2);
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
        return new SeedInput(items, general);
    }

    static Scheme scheme(String id) {
        return FILES.loadScheme(ROOT.resolve("config/schemes/" + id + ".yml"));
    }

    /** The seed 001 worked example scored as the main flow scores it (AxisKpiScorer, seed001-worked-example). */
    static Evaluation seedExample() throws Exception {
        SeedInput in = seedInput();
        return new AxisKpiScorer().score(scheme("seed001-worked-example"),
                new EmployeeInput("BTC-CB-0001", "Nguyễn Văn A", "Phó Trưởng Ban Tổ chức Tỉnh ủy", "BTC-TU", true,
                        in.generalPoints(), in.items(), null, Rating.EXCELLENT));
    }

    /** The seed example as the unit report the application builds from the stored evaluation. */
    static UnitReport seedUnit() throws Exception {
        Scheme scheme = scheme("seed001-worked-example");
        return new UnitReport("BTC-TU", "Ban Tổ chức Tỉnh ủy", Q2, scheme,
                List.of(UnitReport.rated(seedExample(), Q2, scheme)), List.of());
    }

    @Test
    void bang2AndMau03MatchTheSeedCellByCell(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("BTC-CB-0001.xlsx");
        UnitReport unit = seedUnit();
        new EmployeeScoreSheetWriter().write(xlsx, unit, unit.employees().get(0));
        try (Workbook wb = XlsxCells.open(xlsx)) {
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
                int r = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 1 + i;
                assertThat(number(k, r, 0)).isEqualTo(i + 1);
                for (int c = 0; c < 11; c++) {
                    assertThat(number(k, r, c + 3)).as("row %d column %d", i + 1, c + 3).isCloseTo(expected[i][c], within(1e-9));
                }
            }
            assertThat(text(k, EmployeeScoreSheetWriter.KPI_HEADER_ROW + 1, 1))
                    .isEqualTo("Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng");
            int total = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 6;
            assertThat(text(k, total, 1)).isEqualTo("Tổng");
            assertThat(number(k, total, 5)).isCloseTo(7.7, within(1e-9));
            assertThat(number(k, total, 7)).isCloseTo(6.7, within(1e-9));
            assertThat(number(k, total, 9)).isCloseTo(6.85, within(1e-9));
            assertThat(number(k, total, 11)).isCloseTo(6.85, within(1e-9));
            assertThat(number(k, total, 13)).isCloseTo(6.85, within(1e-9));
            int ratios = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 8;
            assertThat(text(k, ratios, 1)).isEqualTo("A - Số lượng (%)");
            assertThat(number(k, ratios, 2)).isEqualTo(87.01);
            assertThat(number(k, ratios + 1, 2)).isEqualTo(88.96);
            assertThat(number(k, ratios + 2, 2)).isEqualTo(88.96);
            assertThat(number(k, ratios + 3, 2)).isEqualTo(88.96);
            assertThat(text(k, ratios + 4, 1)).isEqualTo("KPI = (A+B+C+D)/4 (%)");
            assertThat(number(k, ratios + 4, 2)).isEqualTo(88.47);

            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            assertThat(wb.getSheetIndex(s)).isZero();
            assertThat(text(s, 0, 0)).isEqualTo("ĐẢNG ỦY/CƠ QUAN, ĐƠN VỊ: Ban Tổ chức Tỉnh ủy");
            assertThat(text(s, 0, 4)).isEqualTo("ĐẢNG CỘNG SẢN VIỆT NAM");
            assertThat(text(s, 3, 0)).isEqualTo("BẢN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM VÀ XẾP LOẠI CỦA CÁ NHÂN");
            assertThat(text(s, 4, 0)).isEqualTo("Quý II/2026");
            assertThat(text(s, 6, 0)).isEqualTo("Họ và tên: Nguyễn Văn A");
            assertThat(text(s, 7, 0)).isEqualTo("Chức vụ: Phó Trưởng Ban Tổ chức Tỉnh ủy");
            assertThat(text(s, 10, 0)).isEqualTo("A. NHÓM TIÊU CHÍ CHUNG (30 ĐIỂM)");
            int a = EmployeeScoreSheetWriter.PART_A_HEADER_ROW;
            for (int c = 0; c < EmployeeScoreSheetWriter.PART_A_HEADERS.size(); c++) {
                assertThat(text(s, a, c)).isEqualTo(EmployeeScoreSheetWriter.PART_A_HEADERS.get(c));
            }
            // the worked example's scheme has no checklist: part A is its total only, 30 of 30
            assertThat(text(s, a + 1, 1)).isEqualTo("Tổng (A)");
            assertThat(number(s, a + 1, 4)).isEqualTo(30.0);
            assertThat(number(s, a + 1, 5)).isEqualTo(30.0);
            assertThat(text(s, a + 1, 6)).isEqualTo(EmployeeScoreSheetWriter.NO_CHECKLIST);

            int bh = rowWith(s, a + 1, 1, "Tiêu chí / Nội dung");
            assertThat(text(s, bh - 1, 0)).isEqualTo("B. KẾT QUẢ THỰC HIỆN NHIỆM VỤ ĐƯỢC GIAO (70 ĐIỂM)");
            for (int c = 0; c < EmployeeScoreSheetWriter.PART_B_HEADERS.size(); c++) {
                assertThat(text(s, bh, c)).isEqualTo(EmployeeScoreSheetWriter.PART_B_HEADERS.get(c));
            }
            int axis = bh + 1;
            assertThat(text(s, axis, 0)).isEqualTo("4");
            assertThat(text(s, axis, 1)).isEqualTo("Xây dựng đảng và hệ thống chính trị trong sạch, vững mạnh (Trục 4)");
            assertThat(number(s, axis, 2)).isCloseTo(7.7, within(1e-9));
            assertThat(number(s, axis, 3)).isCloseTo(6.7, within(1e-9));
            assertThat(number(s, axis, 4)).isEqualTo(88.47);
            assertThat(number(s, axis, 5)).isEqualTo(70.0);
            assertThat(number(s, axis, 6)).isEqualTo(61.93);
            double[][] items = {{2, 1}, {1, 1}, {1.2, 1.2}, {1.5, 1.5}, {2, 2}};
            for (int i = 0; i < 5; i++) {
                assertThat(text(s, axis + 1 + i, 1)).startsWith("- ");
                assertThat(number(s, axis + 1 + i, 2)).isCloseTo(items[i][0], within(1e-9));
                assertThat(number(s, axis + 1 + i, 3)).isCloseTo(items[i][1], within(1e-9));
                assertThat(number(s, axis + 1 + i, 4)).isNull();
            }
            assertThat(text(s, axis + 1, 1)).isEqualTo("- Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng (BTC-01)");
            int tb = rowWith(s, axis, 1, EmployeeScoreSheetWriter.TOTAL_B);
            assertThat(tb).isEqualTo(axis + 6);
            assertThat(number(s, tb, 5)).isEqualTo(70.0);
            assertThat(number(s, tb, 6)).isEqualTo(61.93);
            assertThat(text(s, tb + 1, 1)).isEqualTo(EmployeeScoreSheetWriter.TOTAL_AB);
            assertThat(number(s, tb + 1, 5)).isEqualTo(100.0);
            assertThat(number(s, tb + 1, 6)).isEqualTo(91.93);

            int self = rowWith(s, tb, 0, "II. Tự đề xuất xếp loại mức chất lượng:");
            assertThat(text(s, self, 2)).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            int score = rowWith(s, self, 0, "- Chấm điểm:");
            assertThat(number(s, score, 2)).isEqualTo(91.93);
            assertThat(text(s, score + 1, 0)).isEqualTo("- Đề xuất xếp loại:");
            assertThat(text(s, score + 1, 2)).isEqualTo("Không hoàn thành nhiệm vụ");
            assertThat(text(s, score + 3, 0)).isEqualTo("- Mức điểm:");
            assertThat(text(s, score + 3, 2)).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(text(s, score + 4, 0)).isEqualTo("- Quy định áp dụng:");
            assertThat(text(s, score + 4, 2)).contains("87,01%").contains("seed 001 §6.1");
        }
    }

    @Test
    void bang2PrintsEachPlannedAxisWithTheEnginesRatiosAndKpi(@TempDir Path dir) throws Exception {
        Scheme anGiang = scheme("an-giang-quarterly-leaders");
        List<WorkItem> items = new ArrayList<>();
        List<WorkItem> seed = seedInput().items();
        for (int i = 0; i < seed.size(); i++) {
            WorkItem w = seed.get(i);
            items.add(new WorkItem(w.id(), w.title(), w.productCode(), i < 2 ? "1" : "4", w.coefficient(), w.share(),
                    w.plannedQuantity(), w.doneQuantity(), w.review()));
        }
        EmployeeResult r = new ScoringEngine(anGiang).score(Q2, EvaluationSubject.of(new EmployeeInput("BTC-CB-0001",
                "Nguyễn Văn A", "Phó Trưởng Ban Tổ chức Tỉnh ủy", "BTC-TU", true, new BigDecimal("27"), items, null, null),
                Role.DEPUTY), null, null);
        UnitReport unit = new UnitReport("BTC-TU", "Ban Tổ chức Tỉnh ủy", Q2, anGiang, List.of(r), List.of());
        Path xlsx = dir.resolve("axes.xlsx");
        new EmployeeScoreSheetWriter().write(xlsx, unit, r);
        List<AxisResult> planned = r.evaluation().axes().stream().filter(a -> a.plannedConverted().signum() > 0).toList();
        assertThat(planned).extracting(AxisResult::code).containsExactly("1", "4");
        // axis 1: items 1-2 of the seed, P = 2 + 1 = 3; axis 4: items 3-5, P = 1.2 + 1.5 + 2 = 4.7
        try (Workbook wb = XlsxCells.open(xlsx)) {
            Sheet k = wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET);
            int row = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 8;
            for (AxisResult axis : planned) {
                assertThat(text(k, row, 1)).isEqualTo(axis.name() + " (Trục " + axis.code() + ")");
                row++;
                String[] labels = {"A - Số lượng (%)", "B - Chất lượng (%)", "C - Tiến độ (%)",
                    "D - Lãnh đạo, chỉ đạo, điều hành (%)"};
                for (int i = 0; i < 4; i++) {
                    assertThat(text(k, row + i, 1)).isEqualTo(labels[i]);
                    assertThat(number(k, row + i, 2)).isEqualTo(Decimals.percent(axis.ratios()
                            .get(vn.kpibridge.scoring.Ratio.values()[i])).doubleValue());
                }
                row += 4;
                assertThat(text(k, row, 1)).isEqualTo("KPI = (A+B+C+D)/4 (%)");
                assertThat(number(k, row, 2)).isEqualTo(Decimals.percent(axis.kpi()).doubleValue());
                row++;
            }
            // axis 1: A = 2/3, B = C = D = 1.75/3 -> KPI (2 + 3 x 1.75) / 12 = 60.42%;
            // axis 4: A = 4.7/4.7, B = C = D = 5.1/4.7 -> KPI (4.7 + 3 x 5.1) / 18.8 = 106.38% (uncapped)
            int first = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 8;
            assertThat(number(k, first + 1, 2)).isEqualTo(66.67);
            assertThat(number(k, first + 2, 2)).isEqualTo(58.33);
            assertThat(number(k, first + 5, 2)).isEqualTo(60.42);
            assertThat(number(k, first + 7, 2)).isEqualTo(100.0);
            assertThat(number(k, first + 8, 2)).isEqualTo(108.51);
            assertThat(number(k, first + 11, 2)).isEqualTo(106.38);
            assertThat(k.getLastRowNum()).isEqualTo(row - 1);
        }
    }

    @Test
    void bang2SaysSoWhenNothingWasPlanned(@TempDir Path dir) throws Exception {
        Scheme seed = scheme("seed001-worked-example");
        EmployeeResult r = new ScoringEngine(seed).score(Q2, EvaluationSubject.of(new EmployeeInput("BTC-CB-0003",
                "Lê Văn C", "Chuyên viên", "BTC-TU", false, new BigDecimal("30"), List.of(), null, null), Role.MEMBER),
                null, null);
        assertThat(r.evaluation()).isNotNull();
        UnitReport unit = new UnitReport("BTC-TU", "Ban Tổ chức Tỉnh ủy", Q2, seed, List.of(r), List.of());
        Path xlsx = dir.resolve("empty.xlsx");
        new EmployeeScoreSheetWriter().write(xlsx, unit, r);
        try (Workbook wb = XlsxCells.open(xlsx)) {
            Sheet k = wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET);
            int total = EmployeeScoreSheetWriter.KPI_HEADER_ROW + 1;
            assertThat(text(k, total, 1)).isEqualTo("Tổng");
            assertThat(number(k, total, 5)).isEqualTo(0.0);
            assertThat(text(k, total + 2, 1)).isEqualTo(EmployeeScoreSheetWriter.NO_PLAN);
            assertThat(k.getLastRowNum()).isEqualTo(total + 2);
        }
    }

    @Test
    void partAListsTheChecklistItemByItemOrLeavesItemsBlankWhenOnlyATotalIsKnown(@TempDir Path dir) throws Exception {
        Scheme anGiang = scheme("an-giang-quarterly-leaders");
        List<WorkItem> items = new ArrayList<>();
        List<WorkItem> seed = seedInput().items();
        for (int i = 0; i < seed.size(); i++) {
            WorkItem w = seed.get(i);
            items.add(new WorkItem(w.id(), w.title(), w.productCode(), i < 2 ? "1" : "4", w.coefficient(), w.share(),
                    w.plannedQuantity(), w.doneQuantity(), w.review()));
        }
        Map<String, Boolean> checklist = new LinkedHashMap<>();
        anGiang.generalCriteria().forEach(c -> checklist.put(c.code(), !c.code().equals("2.3") && !c.code().equals("1.7")));
        EmployeeInput input = new EmployeeInput("BTC-CB-0001", "Nguyễn Văn A", "Phó Trưởng Ban Tổ chức Tỉnh ủy", "BTC-TU",
                true, null, items, null, Rating.GOOD);
        EmployeeResult itemized = new ScoringEngine(anGiang).score(Q2,
                EvaluationSubject.of(input, Role.DEPUTY).withGeneralChecklist(checklist), null, null);
        EmployeeResult totalOnly = new ScoringEngine(anGiang).score(Q2, EvaluationSubject.of(new EmployeeInput(
                "BTC-CB-0002", "Trần Văn B", "Phó Trưởng Ban", "BTC-TU", true, new BigDecimal("27"), items, null, null),
                Role.DEPUTY), null, null);
        UnitReport unit = new UnitReport("BTC-TU", "Ban Tổ chức Tỉnh ủy", Q2, anGiang, List.of(itemized, totalOnly), List.of());
        Path one = dir.resolve("one.xlsx");
        Path two = dir.resolve("two.xlsx");
        new EmployeeScoreSheetWriter().write(one, unit, itemized);
        new EmployeeScoreSheetWriter().write(two, unit, totalOnly);

        int a = EmployeeScoreSheetWriter.PART_A_HEADER_ROW;
        try (Workbook wb = XlsxCells.open(one)) {
            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            // group 1: 9 items x 2 = 18, 1.7 not met -> 16
            assertThat(text(s, a + 1, 0)).isEqualTo("1");
            assertThat(text(s, a + 1, 1)).isEqualTo("Về phẩm chất chính trị, đạo đức, lối sống, thực hiện trách nhiệm nêu gương");
            assertThat(number(s, a + 1, 4)).isEqualTo(18.0);
            assertThat(number(s, a + 1, 5)).isEqualTo(16.0);
            assertThat(text(s, a + 2, 0)).isEqualTo("1.1");
            assertThat(text(s, a + 2, 1)).isEqualTo("Trung thành với Đảng, Tổ quốc, Nhân dân; bản lĩnh chính trị vững vàng");
            assertThat(text(s, a + 2, 2)).isEqualTo("X");
            assertThat(text(s, a + 2, 3)).isEmpty();
            assertThat(number(s, a + 2, 4)).isEqualTo(2.0);
            assertThat(number(s, a + 2, 5)).isEqualTo(2.0);
            assertThat(text(s, a + 8, 0)).isEqualTo("1.7");
            assertThat(text(s, a + 8, 2)).isEmpty();
            assertThat(text(s, a + 8, 3)).isEqualTo("X");
            assertThat(number(s, a + 8, 5)).isEqualTo(0.0);
            // group 2: 4 x 1 = 4, 2.3 not met -> 3
            assertThat(text(s, a + 11, 0)).isEqualTo("2");
            assertThat(number(s, a + 11, 4)).isEqualTo(4.0);
            assertThat(number(s, a + 11, 5)).isEqualTo(3.0);
            assertThat(text(s, a + 14, 0)).isEqualTo("2.3");
            assertThat(text(s, a + 14, 3)).isEqualTo("X");
            assertThat(number(s, a + 14, 4)).isEqualTo(1.0);
            assertThat(number(s, a + 14, 5)).isEqualTo(0.0);
            // group 3: 4 x 2 = 8, all met
            assertThat(text(s, a + 16, 0)).isEqualTo("3");
            assertThat(number(s, a + 16, 4)).isEqualTo(8.0);
            assertThat(number(s, a + 16, 5)).isEqualTo(8.0);
            assertThat(text(s, a + 20, 0)).isEqualTo("3.4");
            assertThat(text(s, a + 21, 1)).isEqualTo("Tổng (A)");
            assertThat(number(s, a + 21, 4)).isEqualTo(30.0);
            assertThat(number(s, a + 21, 5)).isEqualTo(27.0);
            assertThat(text(s, a + 21, 6)).isEmpty();

            // part B: the six An Giang axes, 2, 3, 5 and 6 without planned work
            int bh = rowWith(s, a + 22, 1, "Tiêu chí / Nội dung");
            Evaluation ev = itemized.evaluation();
            int r = bh + 1;
            for (AxisResult axis : ev.axes()) {
                assertThat(text(s, r, 0)).isEqualTo(axis.code());
                assertThat(text(s, r, 1)).endsWith("(Trục " + axis.code() + ")");
                assertThat(number(s, r, 5)).isEqualTo(axis.maxPoints().doubleValue());
                assertThat(number(s, r, 6)).isEqualTo(Decimals.display(axis.points()).doubleValue());
                if (axis.code().equals("1") || axis.code().equals("4")) {
                    assertThat(number(s, r, 4)).isEqualTo(Decimals.percent(axis.kpi()).doubleValue());
                    r += axis.code().equals("1") ? 3 : 4;
                } else {
                    assertThat(text(s, r, 4)).isEqualTo("không áp dụng");
                    r++;
                }
            }
            assertThat(text(s, r, 1)).isEqualTo(EmployeeScoreSheetWriter.TOTAL_B);
            assertThat(number(s, r + 1, 6)).isEqualTo(ev.displayedTotal().doubleValue());
            assertThat(ev.generalPoints()).isEqualByComparingTo("27");
        }
        try (Workbook wb = XlsxCells.open(two)) {
            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            // the same 17 items with their maximum, nothing marked, no split of the 27 points
            assertThat(text(s, a + 2, 0)).isEqualTo("1.1");
            assertThat(number(s, a + 2, 4)).isEqualTo(2.0);
            assertThat(text(s, a + 2, 2)).isEmpty();
            assertThat(text(s, a + 2, 3)).isEmpty();
            assertThat(number(s, a + 2, 5)).isNull();
            assertThat(number(s, a + 1, 5)).isNull();
            assertThat(text(s, a + 21, 1)).isEqualTo("Tổng (A)");
            assertThat(number(s, a + 21, 5)).isEqualTo(27.0);
            assertThat(text(s, a + 21, 6)).isEqualTo(EmployeeScoreSheetWriter.TOTAL_ONLY);
        }
    }
}
