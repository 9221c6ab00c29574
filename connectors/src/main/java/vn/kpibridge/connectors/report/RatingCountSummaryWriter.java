package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.SchemeKind;

/**
 * Writes the count-per-rating summary of seed 004 ("Bảng tổng hợp kết quả đánh giá, xếp loại chất
 * lượng đối với lãnh đạo cấp phòng của đơn vị trực thuộc (Quý.....năm.....)", sent with seed 004
 * §7.4) as XLSX with Apache POI.
 *
 * <p>Columns ({@link #HEADERS}, two header rows as in the seed: "Kết quả đánh giá, xếp loại chất
 * lượng" spans the four rating columns): TT, Họ và tên, Chức vụ, Phòng/Trung tâm (the unit's name),
 * one column per rating in {@link Rating} order with an "X" in the employee's proposed rating (after
 * the rules and the quota), Ghi chú ({@link Grounds#note}). The last row "Tổng số" holds the count
 * per rating as numbers; employees without a rating get no "X" and are counted in the note of the
 * "Tổng số" row.
 *
 * <p>The seed's second title line names "lãnh đạo cấp phòng của đơn vị trực thuộc" (VAST's case);
 * kpi-bridge prints "cán bộ lãnh đạo, quản lý" for quarterly leader schemes and "cán bộ, công chức,
 * viên chức" for the others, the unit's own population.
 */
public final class RatingCountSummaryWriter implements UnitFormWriter {
    /** Column labels; columns 4-7 sit under {@link #RESULT_GROUP} in the first header row. */
    public static final List<String> HEADERS = List.of("TT", "Họ và tên", "Chức vụ", "Phòng/Trung tâm",
            Rating.EXCELLENT.label(), Rating.GOOD.label(), Rating.COMPLETED.label(), Rating.NOT_COMPLETED.label(),
            "Ghi chú");
    /** Label over the four rating columns. */
    public static final String RESULT_GROUP = "Kết quả đánh giá, xếp loại chất lượng";
    /** 0-based index of the first header row; the second is the next row, data start after it. */
    public static final int HEADER_ROW = 5;
    /** Label of the last row. */
    public static final String TOTAL = "Tổng số";

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param report the unit's results; one row per employee in their order
     * @throws IOException when the file cannot be written
     */
    @Override
    public void write(Path target, UnitReport report) throws IOException {
        try (ReportWorkbook wb = new ReportWorkbook()) {
            Sheet s = wb.sheet("Tổng hợp xếp loại", 6, 26, 28, 26, 16, 16, 16, 16, 45);
            int cols = HEADERS.size();
            String who = report.scheme().kind() == SchemeKind.QUARTERLY_AXES ? "CÁN BỘ LÃNH ĐẠO, QUẢN LÝ"
                    : "CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC";
            int r = wb.heading(s, new FormHeading("CƠ QUAN, ĐƠN VỊ: " + report.unitName(), false, List.of(
                    "BẢNG TỔNG HỢP",
                    "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐỐI VỚI " + who + " CỦA ĐƠN VỊ",
                    "(" + report.periodLabel().replace("/", " năm ") + ")")), cols);
            // two header rows: columns 0-3 and 8 span both; "Kết quả ..." spans 4-7 of the first
            for (int c : new int[] {0, 1, 2, 3, 8}) {
                wb.text(s, r, c, HEADERS.get(c), wb.st.header);
                wb.text(s, r + 1, c, "", wb.st.header);
                s.addMergedRegion(new CellRangeAddress(r, r + 1, c, c));
            }
            wb.merged(s, r, 4, 7, RESULT_GROUP, wb.st.header);
            for (int c = 4; c <= 7; c++) {
                wb.text(s, r + 1, c, HEADERS.get(c), wb.st.header);
            }
            r += 2;
            int tt = 1;
            for (EmployeeResult e : report.employees()) {
                wb.integer(s, r, 0, tt++, wb.st.integer);
                wb.text(s, r, 1, e.fullName(), wb.st.cell);
                wb.text(s, r, 2, e.position(), wb.st.cell);
                wb.text(s, r, 3, report.unitName(), wb.st.cell);
                Rating rating = UnitReport.rating(e);
                for (Rating x : Rating.values()) {
                    wb.text(s, r, 4 + x.ordinal(), x == rating ? "X" : "", wb.st.center);
                }
                wb.text(s, r, 8, Grounds.note(e), wb.st.cell);
                r++;
            }
            wb.merged(s, r, 0, 3, TOTAL, wb.st.header);
            Map<Rating, Integer> counts = report.countByRating();
            for (Rating x : Rating.values()) {
                wb.integer(s, r, 4 + x.ordinal(), counts.get(x), wb.st.integer);
            }
            int unrated = report.unrated();
            wb.text(s, r, 8, unrated == 0 ? "" : "Không đánh giá, xếp loại hoặc chuyển quý sau: " + unrated, wb.st.cell);
            wb.signature(s, r + 2, cols, List.of("THỦ TRƯỞNG ĐƠN VỊ", "(Ký, ghi rõ họ tên và đóng dấu)"), null);
            wb.save(target);
        }
    }
}
