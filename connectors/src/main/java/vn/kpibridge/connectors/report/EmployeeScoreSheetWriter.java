package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.FiredRule;
import vn.kpibridge.scoring.ItemCredit;
import vn.kpibridge.scoring.Ratio;

/**
 * Writes one employee's scoring workbook (XLSX, Apache POI, Vietnamese labels) with two sheets:
 *
 * <ul>
 *   <li>{@value #KPI_SHEET}: the KPI calculation table of seed 001 Phụ lục 2 ("Bảng 2"): one row
 *       per planned item (task, product, planned quantity, coefficient, converted quantity, then
 *       done and converted for quantity, quality, timeliness and leadership), a total row, and
 *       the ratios A, B, C, D and the KPI as percentages (2 decimals);</li>
 *   <li>{@value #SCORE_SHEET}: part B of the self-assessment and scoring sheet (seed 001 Mẫu số
 *       03, "Kết quả thực hiện nhiệm vụ"): per axis KPI %, maximum points and points; the general
 *       criteria points; the total; the points band, the proposed rating and the rules that
 *       fired.</li>
 * </ul>
 *
 * <p>Numbers are written as numeric cells (exact value, rounded half-up to 2 decimals only where
 * the form shows a rounded figure: percentages and points); the file is written to a temporary
 * name and moved into place.
 */
public final class EmployeeScoreSheetWriter {
    /** Name of the "Bảng 2" sheet. */
    public static final String KPI_SHEET = "Bảng 2 - KPI";
    /** Name of the Mẫu 03 part B sheet. */
    public static final String SCORE_SHEET = "Mẫu 03 - Chấm điểm";
    /** Header of the "Bảng 2" item table, in the seed's column order. */
    public static final List<String> KPI_HEADERS = List.of("TT", "Nhiệm vụ", "Sản phẩm", "Số lượng", "Hệ số quy đổi",
            "Số lượng quy đổi", "Số lượng: thực tế hoàn thành", "Số lượng: quy đổi", "Chất lượng: hệ số",
            "Chất lượng: quy đổi", "Tiến độ: hệ số", "Tiến độ: quy đổi", "Lãnh đạo, chỉ đạo, điều hành: hệ số",
            "Lãnh đạo, chỉ đạo, điều hành: quy đổi");
    /** 0-based row of the item table header on the KPI sheet. */
    public static final int KPI_HEADER_ROW = 3;

    /**
     * @param target the .xlsx to write
     * @param e the evaluation
     * @param periodLabel e.g. "Quý II/2026"
     * @throws IOException when the file cannot be written
     */
    public void write(Path target, Evaluation e, String periodLabel) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
            Styles st = new Styles(wb);
            kpiSheet(wb.createSheet(KPI_SHEET), st, e, periodLabel);
            scoreSheet(wb.createSheet(SCORE_SHEET), st, e, periodLabel);
            wb.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void kpiSheet(Sheet s, Styles st, Evaluation e, String periodLabel) {
        title(s, 0, "BẢNG TÍNH ĐIỂM KẾT QUẢ THỰC HIỆN NHIỆM VỤ (KPI) - " + periodLabel.toUpperCase(new java.util.Locale("vi")),
                st.title, KPI_HEADERS.size());
        title(s, 1, "Họ và tên: " + e.fullName() + " - " + e.position(), st.plainBold, KPI_HEADERS.size());
        Row h = s.createRow(KPI_HEADER_ROW);
        for (int c = 0; c < KPI_HEADERS.size(); c++) {
            text(h, c, KPI_HEADERS.get(c), st.header);
        }
        int r = KPI_HEADER_ROW + 1;
        int tt = 1;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal[] totals = new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (ItemCredit i : e.items()) {
            Row row = s.createRow(r++);
            number(row, 0, BigDecimal.valueOf(tt++), st.integer);
            text(row, 1, i.title(), st.cell);
            text(row, 2, i.productCode(), st.cell);
            number(row, 3, i.plannedQuantity(), st.decimal);
            number(row, 4, i.coefficient(), st.decimal);
            number(row, 5, i.plannedConverted(), st.decimal);
            number(row, 6, i.doneQuantity(), st.decimal);
            number(row, 7, i.quantityCredit(), st.decimal);
            number(row, 8, i.qualityFactor(), st.decimal);
            number(row, 9, i.qualityCredit(), st.decimal);
            number(row, 10, i.timelinessFactor(), st.decimal);
            number(row, 11, i.timelinessCredit(), st.decimal);
            number(row, 12, i.leadershipFactor(), st.decimal);
            number(row, 13, i.leadershipCredit(), st.decimal);
            planned = planned.add(i.plannedConverted());
            totals[0] = totals[0].add(i.quantityCredit());
            totals[1] = totals[1].add(i.qualityCredit());
            totals[2] = totals[2].add(i.timelinessCredit());
            totals[3] = totals[3].add(i.leadershipCredit());
        }
        Row total = s.createRow(r++);
        text(total, 1, "Tổng", st.header);
        number(total, 5, planned, st.decimal);
        number(total, 7, totals[0], st.decimal);
        number(total, 9, totals[1], st.decimal);
        number(total, 11, totals[2], st.decimal);
        number(total, 13, totals[3], st.decimal);
        r++;
        String[] letters = {"A", "B", "C", "D"};
        Ratio[] ratios = Ratio.values();
        for (int k = 0; k < 4; k++) {
            Row row = s.createRow(r++);
            text(row, 1, letters[k] + " - " + ratios[k].label() + " (%)", st.plainBold);
            BigDecimal ratio = Decimals.divide(totals[k], planned);
            number(row, 2, Decimals.percent(ratio), st.decimal);
        }
        Row kpi = s.createRow(r);
        text(kpi, 1, "KPI = (A+B+C+D)/4 (%)", st.plainBold);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal t : totals) {
            sum = sum.add(Decimals.divide(t, planned));
        }
        number(kpi, 2, Decimals.percent(Decimals.divide(sum, BigDecimal.valueOf(4))), st.decimal);
        int[] widths = {5, 48, 10, 9, 9, 10, 11, 10, 10, 10, 10, 10, 12, 12};
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, widths[c] * 256);
        }
    }

    private void scoreSheet(Sheet s, Styles st, Evaluation e, String periodLabel) {
        title(s, 0, "BẢN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM VÀ XẾP LOẠI CỦA CÁ NHÂN - " + periodLabel.toUpperCase(new java.util.Locale("vi")),
                st.title, 5);
        title(s, 1, "Họ và tên: " + e.fullName(), st.plain, 5);
        title(s, 2, "Chức vụ, đơn vị công tác: " + e.position(), st.plain, 5);
        Row h = s.createRow(4);
        String[] headers = {"TT", "Tiêu chí / Nội dung", "KPI (%)", "Điểm tối đa", "Điểm đạt"};
        for (int c = 0; c < headers.length; c++) {
            text(h, c, headers[c], st.header);
        }
        Row a = s.createRow(5);
        text(a, 0, "A", st.header);
        text(a, 1, "NHÓM TIÊU CHÍ CHUNG", st.header);
        text(a, 2, "", st.cell);
        number(a, 3, BigDecimal.valueOf(30), st.decimal);
        number(a, 4, Decimals.display(e.generalPoints()), st.decimal);
        Row b = s.createRow(6);
        text(b, 0, "B", st.header);
        text(b, 1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", st.header);
        text(b, 2, "", st.cell);
        number(b, 3, BigDecimal.valueOf(70), st.decimal);
        number(b, 4, Decimals.display(e.taskPoints()), st.decimal);
        int r = 7;
        for (AxisResult axis : e.axes()) {
            Row row = s.createRow(r++);
            text(row, 0, axis.code(), st.cell);
            text(row, 1, "Trục " + axis.code() + ": " + axis.name(), st.cell);
            if (axis.plannedConverted().signum() > 0) {
                number(row, 2, Decimals.percent(axis.kpi()), st.decimal);
            } else {
                text(row, 2, "không áp dụng", st.cell);
            }
            number(row, 3, axis.maxPoints(), st.decimal);
            number(row, 4, Decimals.display(axis.points()), st.decimal);
        }
        Row total = s.createRow(r++);
        text(total, 1, "TỔNG ĐIỂM", st.header);
        number(total, 3, BigDecimal.valueOf(100), st.decimal);
        number(total, 4, e.displayedTotal(), st.decimal);
        r++;
        labelled(s, r++, "Mức điểm", e.pointsBand().label(), st);
        labelled(s, r++, "Cá nhân tự đề xuất xếp loại", e.selfProposedRating() == null ? "" : e.selfProposedRating().label(), st);
        labelled(s, r++, "Đề xuất xếp loại", e.proposedRating().label(), st);
        for (FiredRule rule : e.rulesFired()) {
            labelled(s, r++, rule.waived() ? "Quy định (được miễn)" : "Quy định áp dụng", rule.reason() + " (" + rule.source() + ")", st);
        }
        int[] widths = {5, 60, 12, 12, 12};
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, widths[c] * 256);
        }
    }

    private static void labelled(Sheet s, int r, String label, String value, Styles st) {
        Row row = s.createRow(r);
        text(row, 1, label, st.plainBold);
        text(row, 2, value, st.plain);
        s.addMergedRegion(new CellRangeAddress(r, r, 2, 4));
    }

    private static void title(Sheet s, int r, String text, CellStyle style, int columns) {
        Row row = s.createRow(r);
        text(row, 0, text, style);
        s.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
    }

    private static void text(Row row, int c, String v, CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(v == null ? "" : v);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, BigDecimal v, CellStyle style) {
        var cell = row.createCell(c);
        cell.setCellValue(v.doubleValue());
        cell.setCellStyle(style);
    }

    /** Cell styles of the workbook (Times New Roman 12, as the forms are printed). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle plain;
        final CellStyle plainBold;
        final CellStyle decimal;
        final CellStyle integer;

        Styles(Workbook wb) {
            DataFormat df = wb.createDataFormat();
            title = ReportStyles.style(wb, true, HorizontalAlignment.CENTER, false);
            header = ReportStyles.style(wb, true, HorizontalAlignment.CENTER, true);
            cell = ReportStyles.style(wb, false, HorizontalAlignment.LEFT, true);
            plain = ReportStyles.style(wb, false, HorizontalAlignment.LEFT, false);
            plainBold = ReportStyles.style(wb, true, HorizontalAlignment.LEFT, false);
            decimal = ReportStyles.style(wb, false, HorizontalAlignment.RIGHT, true);
            decimal.setDataFormat(df.getFormat("#,##0.00"));
            integer = ReportStyles.style(wb, false, HorizontalAlignment.CENTER, true);
            integer.setDataFormat(df.getFormat("0"));
        }
    }
}
