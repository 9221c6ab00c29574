package vn.kpibridge.routes.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.report.EmployeeScoreSheetWriter;
import vn.kpibridge.connectors.report.UnitReport;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.EmployeeResult;

/**
 * The "Bảng 2 - KPI" sheet of employees scored under the seed 002 monthly scheme
 * (samples/scoring/ha-noi-monthly-unit.json): the ratio and KPI lines are the engine's, over the
 * scheme's own ratios a, b, c and, for a leader, the terms d, đ, e (seed 002 III.4).
 */
class MonthlyKpiSheetTest {
    @TempDir
    Path dir;

    @Test
    void kpiLinesAreTheEvaluationsOwnForMembersAndLeaders() throws Exception {
        ScoringPreview preview = new ScoringPreview(Path.of("../config/schemes"), Path.of("../mappings"));
        ScoringPreview.Scored scored = preview.evaluate(Files.readString(Path.of("../samples/scoring/ha-noi-monthly-unit.json")));
        UnitReport unit = UnitReport.of(scored.units().get(0), scored.period(), scored.scheme());
        int rated = 0;
        for (EmployeeResult e : unit.employees()) {
            if (e.evaluation() == null) {
                continue;
            }
            rated++;
            Path xlsx = dir.resolve(e.employeeId() + ".xlsx");
            new EmployeeScoreSheetWriter().write(xlsx, unit, e);
            List<AxisResult> withPlan = e.evaluation().axes().stream().filter(a -> a.plannedConverted().signum() > 0).toList();
            assertThat(withPlan).as(e.employeeId()).hasSize(1);
            AxisResult axis = withPlan.get(0);
            try (Workbook wb = open(xlsx)) {
                Sheet k = wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET);
                int kpi = rowStartingWith(k, "KPI = ");
                String expectedLabel = e.leaderTerms().isEmpty() ? "KPI = (a+b+c)/3 (%)" : "KPI = (a+b+c+d+đ+e)/6 (%)";
                assertThat(text(k, kpi, 1)).as(e.employeeId()).isEqualTo(expectedLabel);
                assertThat(number(k, kpi, 2)).as(e.employeeId()).isEqualTo(Decimals.percent(axis.kpi()).doubleValue());
                List<String> labels = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                int first = kpi - 3 - e.leaderTerms().size();
                for (int r = first; r < kpi; r++) {
                    labels.add(text(k, r, 1));
                    values.add(number(k, r, 2));
                }
                assertThat(labels.subList(0, 3)).containsExactly("a - Số lượng (%)", "b - Chất lượng (%)", "c - Tiến độ (%)");
                List<Double> expected = new ArrayList<>();
                scored.scheme().ratios().forEach(r -> expected.add(Decimals.percent(axis.ratios().get(r)).doubleValue()));
                e.leaderTerms().forEach(t -> expected.add(Decimals.percent(t.value()).doubleValue()));
                assertThat(values).as(e.employeeId()).containsExactlyElementsOf(expected);
            }
        }
        assertThat(rated).isEqualTo(7);
    }

    @Test
    void handCheckedFiguresOfAMemberAndADeputy() throws Exception {
        ScoringPreview preview = new ScoringPreview(Path.of("../config/schemes"), Path.of("../mappings"));
        ScoringPreview.Scored scored = preview.evaluate(Files.readString(Path.of("../samples/scoring/ha-noi-monthly-unit.json")));
        UnitReport unit = UnitReport.of(scored.units().get(0), scored.period(), scored.scheme());
        // PL-008: a 55%, b 46.25%, c 45% -> KPI (55 + 46.25 + 45) / 3 = 48.75%
        try (Workbook wb = open(write(unit, "PL-008"))) {
            Sheet k = wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET);
            int kpi = rowStartingWith(k, "KPI = ");
            assertThat(number(k, kpi - 3, 2)).isEqualTo(55.0);
            assertThat(number(k, kpi - 2, 2)).isEqualTo(46.25);
            assertThat(number(k, kpi - 1, 2)).isEqualTo(45.0);
            assertThat(number(k, kpi, 2)).isEqualTo(48.75);
        }
        // PL-002 (deputy): a = b = c = 100%, d 50% (PL-008 below COMPLETED level), đ = e = 100% -> 550 / 6 = 91.67%
        try (Workbook wb = open(write(unit, "PL-002"))) {
            Sheet k = wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET);
            int kpi = rowStartingWith(k, "KPI = ");
            assertThat(text(k, kpi, 1)).isEqualTo("KPI = (a+b+c+d+đ+e)/6 (%)");
            assertThat(text(k, kpi - 3, 1)).isEqualTo("d - Kết quả hoạt động của lĩnh vực được giao lãnh đạo, quản lý, phụ trách (%)");
            assertThat(number(k, kpi - 3, 2)).isEqualTo(50.0);
            assertThat(number(k, kpi, 2)).isEqualTo(91.67);
        }
    }

    private Path write(UnitReport unit, String employeeId) throws Exception {
        EmployeeResult e = unit.employees().stream().filter(x -> x.employeeId().equals(employeeId)).findFirst().orElseThrow();
        Path xlsx = dir.resolve(employeeId + ".xlsx");
        new EmployeeScoreSheetWriter().write(xlsx, unit, e);
        return xlsx;
    }

    private static Workbook open(Path xlsx) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    private static int rowStartingWith(Sheet s, String prefix) {
        for (int r = 0; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            Cell c = row == null ? null : row.getCell(1);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith(prefix)) {
                return r;
            }
        }
        throw new AssertionError("no row starting with " + prefix);
    }

    private static String text(Sheet s, int r, int c) {
        Cell cell = s.getRow(r) == null ? null : s.getRow(r).getCell(c);
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static Double number(Sheet s, int r, int c) {
        Cell cell = s.getRow(r) == null ? null : s.getRow(r).getCell(c);
        return cell == null ? null : cell.getNumericCellValue();
    }
}
