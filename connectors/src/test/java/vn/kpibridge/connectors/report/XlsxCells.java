package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading report workbooks back with POI in tests. */
public final class XlsxCells {
    private XlsxCells() {
    }

    /** @return the workbook read from the file (caller closes it). */
    public static Workbook open(Path xlsx) throws IOException {
        try (InputStream in = Files.newInputStream(xlsx)) {
            return new XSSFWorkbook(in);
        }
    }

    /** @return the text of a cell, "" for a missing or blank cell; fails on a numeric cell. */
    public static String text(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        return cell.getStringCellValue();
    }

    /** @return the number in a cell, or null for a missing or blank cell; fails on a text cell. */
    public static Double number(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return cell.getNumericCellValue();
    }

    /**
     * @return the 0-based index of the first row whose cell in column {@code c} holds exactly
     *     {@code text}, searching from {@code from}
     * @throws AssertionError when there is none
     */
    public static int rowWith(Sheet s, int from, int c, String text) {
        for (int r = from; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            Cell cell = row == null ? null : row.getCell(c);
            if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row with \"" + text + "\" in column " + c + " of sheet " + s.getSheetName());
    }
}
