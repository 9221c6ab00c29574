package vn.kpibridge.connectors.report;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles every report form uses, created once per workbook with one font per (bold,
 * italic) pair: Times New Roman 12, as the
 * seeds' forms are printed. Table cells have thin borders; numbers show 2 decimals
 * ({@code #,##0.00}) or none (counts, STT).
 */
final class ReportStyles {
    /** Bold, centred, no border: form titles. */
    final CellStyle title;
    /** Italic, centred, no border: date line, sub-titles in brackets. */
    final CellStyle italic;
    /** Bold, centred, bordered: table headers, group rows. */
    final CellStyle header;
    /** Bold, left, bordered: group and total rows of a table. */
    final CellStyle headerLeft;
    /** Left, bordered: text cells of a table. */
    final CellStyle cell;
    /** Centred, bordered: marks ("X") and codes. */
    final CellStyle center;
    /** Left, no border: free text under a table. */
    final CellStyle plain;
    /** Bold, left, no border: labels under a table. */
    final CellStyle plainBold;
    /** Right, bordered, 2 decimals. */
    final CellStyle decimal;
    /** Bold, right, bordered, 2 decimals: totals. */
    final CellStyle decimalBold;
    /** Centred, bordered, no decimals: STT, counts. */
    final CellStyle integer;
    /** Right, no border, 2 decimals: a figure next to a label under a table. */
    final CellStyle plainDecimal;

    /** The fonts of the styles, by bold and italic (4 fonts for the 12 styles). */
    private final Map<Boolean, Map<Boolean, Font>> fonts = new HashMap<>();

    ReportStyles(Workbook wb) {
        DataFormat df = wb.createDataFormat();
        title = style(wb, true, false, HorizontalAlignment.CENTER, false);
        italic = style(wb, false, true, HorizontalAlignment.CENTER, false);
        header = style(wb, true, false, HorizontalAlignment.CENTER, true);
        headerLeft = style(wb, true, false, HorizontalAlignment.LEFT, true);
        cell = style(wb, false, false, HorizontalAlignment.LEFT, true);
        center = style(wb, false, false, HorizontalAlignment.CENTER, true);
        plain = style(wb, false, false, HorizontalAlignment.LEFT, false);
        plainBold = style(wb, true, false, HorizontalAlignment.LEFT, false);
        decimal = style(wb, false, false, HorizontalAlignment.RIGHT, true);
        decimal.setDataFormat(df.getFormat("#,##0.00"));
        decimalBold = style(wb, true, false, HorizontalAlignment.RIGHT, true);
        decimalBold.setDataFormat(df.getFormat("#,##0.00"));
        integer = style(wb, false, false, HorizontalAlignment.CENTER, true);
        integer.setDataFormat(df.getFormat("0"));
        plainDecimal = style(wb, false, false, HorizontalAlignment.LEFT, false);
        plainDecimal.setDataFormat(df.getFormat("#,##0.00"));
    }

    private CellStyle style(Workbook wb, boolean bold, boolean italicFont, HorizontalAlignment align, boolean border) {
        CellStyle s = wb.createCellStyle();
        s.setFont(fonts.computeIfAbsent(bold, b -> new HashMap<>()).computeIfAbsent(italicFont, i -> {
            Font f = wb.createFont();
            f.setBold(bold);
            f.setItalic(italicFont);
            f.setFontName("Times New Roman");
            f.setFontHeightInPoints((short) 12);
            return f;
        }));
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
