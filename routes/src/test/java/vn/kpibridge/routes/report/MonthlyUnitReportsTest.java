package vn.kpibridge.routes.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.report.EmployeeScoreSheetWriter;
import vn.kpibridge.connectors.report.MonthlyResultListWriter;
import vn.kpibridge.connectors.report.RatingCountSummaryWriter;
import vn.kpibridge.connectors.report.RewardProposalListWriter;
import vn.kpibridge.connectors.report.UnitReport;
import vn.kpibridge.connectors.report.UnitReportSet;
import vn.kpibridge.routes.scoring.ScoringPreview;

/**
 * A small monthly unit (samples/scoring/ha-noi-monthly-unit.json, seed 002 scheme) scored by
 * {@link ScoringPreview} / OrgScorer, with its real EXCELLENT quota (cap 1 of 5, two tied at the cap,
 * two proposed for GOOD, the head not counted) and one employee not rated, written by
 * {@link UnitReportSet} and read back with POI cell by cell: seed 002 V.2's result list and reward
 * proposal list, seed 004's count per rating, Mẫu 03 of a leader and of the employee not rated.
 *
 * <p>Expected figures are worked by hand from the sample (catalog VB 1, TTR 1.5, HS 0.5; -0.25 per
 * failed review or late delivery, seed 002 III.2), e.g. Vũ Thị Giang: planned 4 + 3 + 3 = 10, quantity
 * 2 + 1.5 + 2 = 5.5 (55%), quality 1.5 + 1.125 + 2 (46.25%), timeliness 1.5 + 1.5 + 1.5 (45%), task
 * (0.55 + 0.4625 + 0.45) / 3 x 70 = 34.125, total 12 + 34.125 = 46.13.
 */
class MonthlyUnitReportsTest {
    @TempDir
    static Path dir;
    static List<Path> written;

    @BeforeAll
    static void scoreAndWrite() throws Exception {
        ScoringPreview preview = new ScoringPreview(Path.of("../config/schemes"), Path.of("../mappings"));
        ScoringPreview.Scored scored = preview.evaluate(Files.readString(Path.of("../samples/scoring/ha-noi-monthly-unit.json")));
        assertThat(scored.units()).hasSize(1);
        written = new UnitReportSet().write(dir, UnitReport.of(scored.units().get(0), scored.period(), scored.scheme()));
    }

    @Test
    void monthlySchemeGetsTheSeed002ListsAndTheCountSummaryOnly() {
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("tong-hop-xep-loai_PL-VP.xlsx",
                "ket-qua-thang_PL-VP.xlsx", "de-nghi-khen-thuong_PL-VP.xlsx");
        assertThat(dir.resolve("mau-06_PL-VP.xlsx")).doesNotExist();
        for (String e : List.of("PL-001", "PL-002", "PL-004", "PL-005", "PL-006", "PL-007", "PL-008", "PL-009")) {
            assertThat(dir.resolve("PL-VP/" + e + ".xlsx")).exists();
        }
    }

    @Test
    void resultListHasTheFormulaTermsAndTheRatingAfterTheQuota() throws Exception {
        try (Workbook wb = open(dir.resolve("ket-qua-thang_PL-VP.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 0, 0)).isEqualTo("CƠ QUAN, ĐƠN VỊ: Văn phòng HĐND và UBND phường Phúc Lợi");
            assertThat(text(s, 1, 0)).isEqualTo("DANH SÁCH TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC");
            assertThat(text(s, 2, 0)).isEqualTo("THÁNG 6/2026");
            int h = MonthlyResultListWriter.HEADER_ROW;
            List<String> headers = List.of("STT", "Họ và tên", "Chức vụ", "Điểm tiêu chí chung (tối đa 30)", "a - Số lượng (%)",
                    "b - Chất lượng (%)", "c - Tiến độ (%)",
                    "d - Kết quả hoạt động của lĩnh vực được giao lãnh đạo, quản lý, phụ trách (%)",
                    "đ - Khả năng tổ chức triển khai thực hiện nhiệm vụ (%)",
                    "e - Năng lực tập hợp, đoàn kết công chức thuộc phạm vi quản lý (%)",
                    "Điểm kết quả thực hiện nhiệm vụ (tối đa 70)", "Tổng điểm", "Cá nhân tự đề xuất xếp loại",
                    "Xếp loại đề xuất", "Ghi chú");
            for (int c = 0; c < headers.size(); c++) {
                assertThat(text(s, h, c)).isEqualTo(headers.get(c));
            }
            // {general, a, b, c, d, đ, e, task, total} (null: blank), rating, note fragment
            Object[][] rows = {
                {"Nguyễn Văn Hải", new Double[] {30.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 70.0, 100.0},
                    "Loại A - Hoàn thành xuất sắc nhiệm vụ", "Người đứng đầu, không tính vào tỷ lệ"},
                {"Đỗ Thị Lan", new Double[] {30.0, 100.0, 100.0, 100.0, 50.0, 100.0, 100.0, 64.17, 94.17},
                    "Loại B - Hoàn thành tốt nhiệm vụ", "Vượt tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\""},
                {"Trần Thị Bình", new Double[] {30.0, 100.0, 100.0, 100.0, null, null, null, 70.0, 100.0},
                    "Loại A - Hoàn thành xuất sắc nhiệm vụ", "Bằng điểm tại ranh giới tỷ lệ"},
                {"Lê Văn Cường", new Double[] {30.0, 100.0, 100.0, 100.0, null, null, null, 70.0, 100.0},
                    "Loại A - Hoàn thành xuất sắc nhiệm vụ", "Bằng điểm tại ranh giới tỷ lệ"},
                {"Phạm Thị Dung", new Double[] {30.0, 100.0, 92.5, 100.0, null, null, null, 68.25, 98.25},
                    "Loại B - Hoàn thành tốt nhiệm vụ", "Vượt tỷ lệ"},
                {"Hoàng Văn Em", new Double[] {30.0, 90.0, 82.5, 82.5, null, null, null, 59.5, 89.5},
                    "Loại B - Hoàn thành tốt nhiệm vụ", ""},
                {"Vũ Thị Giang", new Double[] {12.0, 55.0, 46.25, 45.0, null, null, null, 34.13, 46.13},
                    "Loại D - Không hoàn thành nhiệm vụ", ""}};
            for (int i = 0; i < rows.length; i++) {
                int r = h + 1 + i;
                assertThat(number(s, r, 0)).isEqualTo(i + 1.0);
                assertThat(text(s, r, 1)).isEqualTo(rows[i][0]);
                Double[] figures = (Double[]) rows[i][1];
                for (int k = 0; k < figures.length; k++) {
                    assertThat(number(s, r, 3 + k)).as("%s column %d", rows[i][0], 3 + k).isEqualTo(figures[k]);
                }
                assertThat(text(s, r, 13)).isEqualTo(rows[i][2]);
                String note = (String) rows[i][3];
                if (note.isEmpty()) {
                    assertThat(text(s, r, 14)).as("no remark for %s", rows[i][0]).isEmpty();
                } else {
                    assertThat(text(s, r, 14)).contains(note);
                }
            }
            int unrated = h + 8;
            assertThat(text(s, unrated, 1)).isEqualTo("Bùi Văn Khoa");
            assertThat(number(s, unrated, 11)).isNull();
            assertThat(text(s, unrated, 13)).isEqualTo("Không đánh giá, xếp loại");
            assertThat(text(s, unrated, 14)).startsWith("Không đánh giá, xếp loại: ").contains("9");
            int counts = unrated + 2;
            assertThat(text(s, counts, 1)).isEqualTo(MonthlyResultListWriter.COUNTS + ":");
            String[] labels = {"Loại A - Hoàn thành xuất sắc nhiệm vụ", "Loại B - Hoàn thành tốt nhiệm vụ",
                    "Loại C - Hoàn thành nhiệm vụ", "Loại D - Không hoàn thành nhiệm vụ", "Không đánh giá, xếp loại"};
            double[] n = {3, 3, 0, 1, 1};
            for (int k = 0; k < labels.length; k++) {
                assertThat(text(s, counts + 1 + k, 1)).isEqualTo(labels[k]);
                assertThat(number(s, counts + 1 + k, 3)).isEqualTo(n[k]);
            }
            assertThat(text(s, counts + 7, 1)).startsWith("Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\": Đơn vị Văn phòng HĐND và UBND "
                    + "phường Phúc Lợi: 5 người").contains("được tối đa 1 người");
        }
    }

    @Test
    void rewardListHoldsTheExcellentAfterTheQuotaWithTheTieToChoose() throws Exception {
        try (Workbook wb = open(dir.resolve("de-nghi-khen-thuong_PL-VP.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 1, 0)).isEqualTo("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG");
            assertThat(text(s, 2, 0)).isEqualTo("THÁNG 6/2026");
            int h = RewardProposalListWriter.HEADER_ROW;
            for (int c = 0; c < RewardProposalListWriter.HEADERS.size(); c++) {
                assertThat(text(s, h, c)).isEqualTo(RewardProposalListWriter.HEADERS.get(c));
            }
            String[][] rows = {
                {"Nguyễn Văn Hải", "Chánh Văn phòng HĐND và UBND phường", "Người đứng đầu: mức xếp loại gắn với kết quả của tập thể"},
                {"Trần Thị Bình", "Chuyên viên", "cấp có thẩm quyền chọn 1 trong 2 người chuyển sang \"Hoàn thành tốt nhiệm vụ\""},
                {"Lê Văn Cường", "Chuyên viên", "cấp có thẩm quyền chọn 1 trong 2 người chuyển sang \"Hoàn thành tốt nhiệm vụ\""}};
            for (int i = 0; i < rows.length; i++) {
                int r = h + 1 + i;
                assertThat(number(s, r, 0)).isEqualTo(i + 1.0);
                assertThat(text(s, r, 1)).isEqualTo(rows[i][0]);
                assertThat(text(s, r, 2)).isEqualTo(rows[i][1]);
                assertThat(number(s, r, 3)).isEqualTo(100.0);
                assertThat(text(s, r, 4)).isEqualTo("Loại A - Hoàn thành xuất sắc nhiệm vụ");
                assertThat(text(s, r, 5)).startsWith("Tổng điểm 100,00 (tiêu chí chung 30,00; kết quả thực hiện nhiệm vụ 70,00");
                assertThat(text(s, r, 6)).contains(rows[i][2]);
            }
            assertThat(s.getRow(h + 4)).as("Đỗ Thị Lan and Phạm Thị Dung (over the cap) are not listed").isNull();
            assertThat(text(s, h + 5, 0)).startsWith("Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\": ");
        }
    }

    @Test
    void countSummaryMarksEachRatingAndCountsThem() throws Exception {
        try (Workbook wb = open(dir.resolve("tong-hop-xep-loai_PL-VP.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 2, 0)).isEqualTo("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐỐI VỚI CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC CỦA ĐƠN VỊ");
            assertThat(text(s, 3, 0)).isEqualTo("(Tháng 6 năm 2026)");
            int first = RatingCountSummaryWriter.HEADER_ROW + 2;
            // column of the X per employee, -1 for none
            int[] marks = {4, 5, 4, 4, 5, 5, 7, -1};
            for (int i = 0; i < marks.length; i++) {
                for (int c = 4; c <= 7; c++) {
                    assertThat(text(s, first + i, c)).as("row %d column %d", i + 1, c).isEqualTo(c == marks[i] ? "X" : "");
                }
                assertThat(text(s, first + i, 3)).isEqualTo("Văn phòng HĐND và UBND phường Phúc Lợi");
            }
            assertThat(text(s, first + 7, 8)).startsWith("Không đánh giá, xếp loại");
            int total = first + 8;
            assertThat(text(s, total, 0)).isEqualTo(RatingCountSummaryWriter.TOTAL);
            assertThat(number(s, total, 4)).isEqualTo(3.0);
            assertThat(number(s, total, 5)).isEqualTo(3.0);
            assertThat(number(s, total, 6)).isEqualTo(0.0);
            assertThat(number(s, total, 7)).isEqualTo(1.0);
            assertThat(text(s, total, 8)).isEqualTo("Không đánh giá, xếp loại hoặc chuyển quý sau: 1");
        }
    }

    @Test
    void mau03OfALeaderShowsTheQuotaAndOfTheUnratedEmployeeTheReason() throws Exception {
        try (Workbook wb = open(dir.resolve("PL-VP/PL-002.xlsx"))) {
            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            int a = EmployeeScoreSheetWriter.PART_A_HEADER_ROW;
            // the Hà Nội scheme has no checklist: part A is the total only
            assertThat(text(s, a + 1, 1)).isEqualTo("Tổng (A)");
            assertThat(number(s, a + 1, 5)).isEqualTo(30.0);
            int axis = rowWith(s, a + 2, 0, "KQ");
            assertThat(text(s, axis, 1)).isEqualTo("Kết quả thực hiện chức trách, nhiệm vụ");
            assertThat(number(s, axis, 2)).isEqualTo(4.5);
            assertThat(number(s, axis, 6)).isEqualTo(64.17);
            int score = rowWith(s, axis, 0, "- Chấm điểm:");
            assertThat(number(s, score, 2)).isEqualTo(94.17);
            assertThat(text(s, score + 1, 2)).isEqualTo("Hoàn thành tốt nhiệm vụ");
            assertThat(text(s, score + 3, 2)).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            int quota = rowWith(s, score, 0, "- Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\":");
            assertThat(text(s, quota, 2)).contains("Xếp thứ 4/4 (94,17 điểm)");
            assertThat(wb.getSheet(EmployeeScoreSheetWriter.KPI_SHEET)).isNotNull();
        }
        try (Workbook wb = open(dir.resolve("PL-VP/PL-009.xlsx"))) {
            Sheet s = wb.getSheet(EmployeeScoreSheetWriter.SCORE_SHEET);
            assertThat(wb.getNumberOfSheets()).as("no Bảng 2 without an evaluation").isEqualTo(1);
            int r = rowWith(s, 0, 0, "- Đánh giá, xếp loại:");
            assertThat(text(s, r, 2)).startsWith("Không đánh giá, xếp loại: ");
            assertThat(number(s, EmployeeScoreSheetWriter.PART_A_HEADER_ROW + 1, 5)).isNull();
        }
    }

    private static Workbook open(Path xlsx) throws Exception {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Cell cell(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null || cell.getCellType() == CellType.BLANK ? null : cell;
    }

    private static String text(Sheet s, int r, int c) {
        Cell cell = cell(s, r, c);
        return cell == null ? "" : cell.getStringCellValue();
    }

    private static Double number(Sheet s, int r, int c) {
        Cell cell = cell(s, r, c);
        return cell == null ? null : cell.getNumericCellValue();
    }

    private static int rowWith(Sheet s, int from, int c, String value) {
        for (int r = from; r <= s.getLastRowNum(); r++) {
            Cell cell = cell(s, r, c);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no \"" + value + "\" in column " + c);
    }
}
