package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the unit summary table of seed 001, Mẫu số 06 ("Tổng hợp kết quả đánh giá và đề xuất
 * xếp loại quý, năm đối với cán bộ lãnh đạo, quản lý thuộc diện cơ quan, đơn vị được phân cấp
 * quản lý") as XLSX with Apache POI. Columns and labels are the form's own, in Vietnamese.
 *
 * <p>Layout: rows 1-4 titles; row 6 the header ({@link #HEADERS}); one row per employee from
 * row 7, STT numbered from 1. The file is written to a temporary name and moved into place, so a
 * reader never sees half a workbook.
 */
public final class Mau06SummaryWriter {
    /** Header row of Mẫu số 06, in the form's order. */
    public static final List<String> HEADERS = List.of(
            "STT",
            "Họ và tên",
            "Chức vụ, đơn vị công tác",
            "Cá nhân tự đề xuất mức xếp loại",
            "Cấp có thẩm quyền đề xuất mức xếp loại",
            "Tóm tắt căn cứ, cơ sở lý do trong trường hợp đề xuất mức xếp loại hoàn thành xuất sắc hoặc mức xếp loại "
                    + "không hoàn thành nhiệm vụ hoặc các nội dung khác (nếu có)",
            "Đề xuất nội dung liên quan về công tác cán bộ (nếu có)");
    /** 0-based index of the header row. */
    public static final int HEADER_ROW = 5;

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param unitName "CƠ QUAN, ĐƠN VỊ" printed at the top
     * @param periodLabel e.g. "Quý II/2026"
     * @param rows one row per employee, in order
     * @throws IOException when the file cannot be written
     */
    public void write(Path target, String unitName, String periodLabel, List<SummaryRow> rows) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(tmp)) {
            Sheet sheet = wb.createSheet("Mẫu 06");
            CellStyle title = ReportStyles.style(wb, true, HorizontalAlignment.CENTER, false);
            CellStyle header = ReportStyles.style(wb, true, HorizontalAlignment.CENTER, true);
            CellStyle cell = ReportStyles.style(wb, false, HorizontalAlignment.LEFT, true);
            CellStyle center = ReportStyles.style(wb, false, HorizontalAlignment.CENTER, true);

            titleRow(sheet, 0, "CƠ QUAN, ĐƠN VỊ: " + unitName, title);
            titleRow(sheet, 1, "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ VÀ ĐỀ XUẤT XẾP LOẠI " + periodLabel.toUpperCase(new java.util.Locale("vi")), title);
            titleRow(sheet, 2, "ĐỐI VỚI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN CƠ QUAN, ĐƠN VỊ ĐƯỢC PHÂN CẤP QUẢN LÝ", title);
            titleRow(sheet, 3, "(Mẫu số 06 kèm theo Hướng dẫn số 02-HD/TU ngày 19/6/2026 của Ban Thường vụ Tỉnh ủy)", title);

            Row h = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < HEADERS.size(); c++) {
                var x = h.createCell(c);
                x.setCellValue(HEADERS.get(c));
                x.setCellStyle(header);
            }
            int r = HEADER_ROW + 1;
            int stt = 1;
            for (SummaryRow row : rows) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(stt++);
                x.getCell(0).setCellStyle(center);
                String[] values = {row.fullName(), row.position(), row.selfProposed(), row.authorityProposed(),
                        row.grounds(), row.staffProposal()};
                for (int c = 0; c < values.length; c++) {
                    var cellX = x.createCell(c + 1);
                    cellX.setCellValue(values[c] == null ? "" : values[c]);
                    cellX.setCellStyle(cell);
                }
            }
            int[] widths = {6, 24, 30, 22, 22, 70, 28};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            wb.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void titleRow(Sheet sheet, int index, String text, CellStyle style) {
        Row row = sheet.createRow(index);
        var c = row.createCell(0);
        c.setCellValue(text);
        c.setCellStyle(style);
        sheet.addMergedRegion(new CellRangeAddress(index, index, 0, HEADERS.size() - 1));
    }
}
