package vn.kpibridge.connectors.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.kpibridge.connectors.report.XlsxCells.number;
import static vn.kpibridge.connectors.report.XlsxCells.text;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.scoring.SchemeKind;

/**
 * The unit forms of seed 001 (Mẫu số 04, 05, 06) and seed 004 (count per rating) for the seed 001
 * worked example (Nguyễn Văn A, 91.93 points, band EXCELLENT, proposed NOT_COMPLETED under §6.1),
 * written by {@link UnitReportSet} and read back with POI cell by cell.
 */
class SeedUnitFormsTest {
    private static final String GROUNDS_START = "Tổng điểm 91,93 (tiêu chí chung 30,00; kết quả thực hiện nhiệm vụ 61,93; "
            + "KPI trục 4 88,47%); mức điểm: Hoàn thành xuất sắc nhiệm vụ. ";

    @Test
    void quarterlySchemeGetsMau040506AndTheCountSummaryNoMonthlyLists(@TempDir Path dir) throws Exception {
        List<Path> written = new UnitReportSet().write(dir, EmployeeScoreSheetWriterTest.seedUnit());
        assertThat(written).extracting(p -> p.getFileName().toString()).containsExactly("mau-04_BTC-TU.xlsx",
                "mau-05_BTC-TU.xlsx", "mau-06_BTC-TU.xlsx", "tong-hop-xep-loai_BTC-TU.xlsx");
        assertThat(dir.resolve("ket-qua-thang_BTC-TU.xlsx")).doesNotExist();
        assertThat(dir.resolve("de-nghi-khen-thuong_BTC-TU.xlsx")).doesNotExist();
        assertThat(dir.resolve("BTC-TU/BTC-CB-0001.xlsx")).exists();
        assertThat(UnitReportSet.existingForms(dir, "BTC-TU")).isEqualTo(written);
        assertThat(UnitReportSet.formsFor(SchemeKind.MONTHLY)).containsExactly(UnitReportSet.Form.RATING_COUNTS,
                UnitReportSet.Form.MONTHLY_RESULTS, UnitReportSet.Form.REWARD_PROPOSALS);

        try (Workbook wb = XlsxCells.open(dir.resolve("mau-04_BTC-TU.xlsx"))) {
            Sheet s = wb.getSheet("Mẫu 04");
            assertThat(text(s, 0, 0)).isEqualTo("CƠ QUAN, ĐƠN VỊ: Ban Tổ chức Tỉnh ủy");
            assertThat(text(s, 1, 0)).isEqualTo("BÁO CÁO");
            assertThat(text(s, 2, 0)).isEqualTo("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI QUÝ II/2026");
            assertThat(text(s, 3, 0)).isEqualTo("ĐỐI VỚI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN CƠ QUAN, ĐƠN VỊ ĐƯỢC PHÂN CẤP QUẢN LÝ");
            assertThat(text(s, 4, 0)).startsWith("(Mẫu số 04 kèm theo Hướng dẫn số 02-HD/TU");
            assertSeedRow(s, Mau04ReportWriter.HEADER_ROW);
            int sign = Mau04ReportWriter.HEADER_ROW + 3;
            assertThat(text(s, sign, 3)).isEqualTo("....., ngày ..... tháng ..... năm .....");
            assertThat(text(s, sign + 1, 3)).isEqualTo("T/M BAN THƯỜNG VỤ ĐẢNG ỦY TRỰC THUỘC TỈNH ỦY,");
            assertThat(text(s, sign + 4, 3)).isEqualTo("(Ký, ghi rõ họ tên và đóng dấu)");
            assertThat(text(s, sign + 6, 0)).isEqualTo(Mau04ReportWriter.NOTE);
        }
        try (Workbook wb = XlsxCells.open(dir.resolve("mau-05_BTC-TU.xlsx"))) {
            Sheet s = wb.getSheet("Mẫu 05");
            assertThat(text(s, 1, 0)).isEqualTo("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ VÀ ĐỀ XUẤT XẾP LOẠI QUÝ II/2026");
            assertThat(text(s, 2, 0)).isEqualTo("ĐỐI VỚI CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ");
            assertThat(text(s, 3, 0)).isEqualTo("(HOẶC THƯỜNG TRỰC TỈNH ỦY ĐƯỢC ỦY QUYỀN QUẢN LÝ)");
            assertSeedRow(s, Mau05SummaryWriter.HEADER_ROW);
            assertThat(text(s, Mau05SummaryWriter.HEADER_ROW + 4, 3)).isEqualTo("T/M BAN THƯỜNG VỤ ĐẢNG ỦY TRỰC THUỘC TỈNH ỦY,");
        }
        try (Workbook wb = XlsxCells.open(dir.resolve("mau-06_BTC-TU.xlsx"))) {
            Sheet s = wb.getSheet("Mẫu 06");
            assertThat(text(s, 1, 0)).isEqualTo("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ VÀ ĐỀ XUẤT XẾP LOẠI QUÝ II/2026");
            assertThat(text(s, 2, 0)).isEqualTo("ĐỐI VỚI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN CƠ QUAN, ĐƠN VỊ ĐƯỢC PHÂN CẤP QUẢN LÝ");
            assertSeedRow(s, Mau06SummaryWriter.HEADER_ROW);
            int sign = Mau06SummaryWriter.HEADER_ROW + 3;
            assertThat(text(s, sign + 1, 3)).isEqualTo("LÃNH ĐẠO PHÒNG, BAN VÀ TƯƠNG ĐƯƠNG");
            assertThat(text(s, sign + 4, 0)).isEqualTo(Mau06SummaryWriter.NOTE);
        }
        try (Workbook wb = XlsxCells.open(dir.resolve("tong-hop-xep-loai_BTC-TU.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(text(s, 1, 0)).isEqualTo("BẢNG TỔNG HỢP");
            assertThat(text(s, 2, 0)).isEqualTo("KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐỐI VỚI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ CỦA ĐƠN VỊ");
            assertThat(text(s, 3, 0)).isEqualTo("(Quý II năm 2026)");
            int h = RatingCountSummaryWriter.HEADER_ROW;
            for (int c : new int[] {0, 1, 2, 3, 8}) {
                assertThat(text(s, h, c)).isEqualTo(RatingCountSummaryWriter.HEADERS.get(c));
            }
            assertThat(text(s, h, 4)).isEqualTo("Kết quả đánh giá, xếp loại chất lượng");
            assertThat(text(s, h + 1, 4)).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
            assertThat(text(s, h + 1, 5)).isEqualTo("Hoàn thành tốt nhiệm vụ");
            assertThat(text(s, h + 1, 6)).isEqualTo("Hoàn thành nhiệm vụ");
            assertThat(text(s, h + 1, 7)).isEqualTo("Không hoàn thành nhiệm vụ");
            int r = h + 2;
            assertThat(number(s, r, 0)).isEqualTo(1.0);
            assertThat(text(s, r, 1)).isEqualTo("Nguyễn Văn A");
            assertThat(text(s, r, 2)).isEqualTo("Phó Trưởng Ban Tổ chức Tỉnh ủy");
            assertThat(text(s, r, 3)).isEqualTo("Ban Tổ chức Tỉnh ủy");
            assertThat(text(s, r, 4)).isEmpty();
            assertThat(text(s, r, 5)).isEmpty();
            assertThat(text(s, r, 6)).isEmpty();
            assertThat(text(s, r, 7)).isEqualTo("X");
            assertThat(text(s, r, 8)).contains("87,01%");
            assertThat(text(s, r + 1, 0)).isEqualTo("Tổng số");
            assertThat(number(s, r + 1, 4)).isEqualTo(0.0);
            assertThat(number(s, r + 1, 5)).isEqualTo(0.0);
            assertThat(number(s, r + 1, 6)).isEqualTo(0.0);
            assertThat(number(s, r + 1, 7)).isEqualTo(1.0);
            assertThat(text(s, r + 1, 8)).isEmpty();
        }
    }

    /** Header and the one row of the seed example in a seven-column summary (Mẫu 04, 05, 06). */
    private static void assertSeedRow(Sheet s, int headerRow) {
        for (int c = 0; c < Mau06SummaryWriter.HEADERS.size(); c++) {
            assertThat(text(s, headerRow, c)).isEqualTo(Mau06SummaryWriter.HEADERS.get(c));
        }
        int r = headerRow + 1;
        assertThat(number(s, r, 0)).isEqualTo(1.0);
        assertThat(text(s, r, 1)).isEqualTo("Nguyễn Văn A");
        assertThat(text(s, r, 2)).isEqualTo("Phó Trưởng Ban Tổ chức Tỉnh ủy");
        assertThat(text(s, r, 3)).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(text(s, r, 4)).isEqualTo("Không hoàn thành nhiệm vụ");
        assertThat(text(s, r, 5)).startsWith(GROUNDS_START).contains("87,01%");
        assertThat(text(s, r, 6)).isEmpty();
        assertThat(s.getRow(r + 1)).as("one blank row before the signature").isNull();
    }
}
