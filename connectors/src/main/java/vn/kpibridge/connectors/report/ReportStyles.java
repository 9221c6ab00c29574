package vn.kpibridge.connectors.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** Cell styles shared by the report writers: Times New Roman 12, as the seeds' forms are printed. */
final class ReportStyles {
    private ReportStyles() {
    }

    /**
     * @param wb workbook to create the style in
     * @param bold bold font
     * @param align horizontal alignment
     * @param border thin border on all sides (table cells)
     * @return a wrapped, vertically centred style
     */
    static CellStyle style(Workbook wb, boolean bold, HorizontalAlignment align, boolean border) {
        CellStyle s = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(bold);
        f.setFontName("Times New Roman");
        f.setFontHeightInPoints((short) 12);
        s.setFont(f);
        s.setAlignment(align);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        s.setWrapText(true);
        if (border) {
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
        }
        return s;
    }
}
