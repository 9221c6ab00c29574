package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One XLSX workbook being written by a report writer (Apache POI): the shared styles, the cell
 * writers, the form heading and signature blocks, and the atomic save. Every form writer of this
 * package goes through it, so no writer has its own cell-writing code.
 *
 * <p>The workbook is POI's streaming {@link SXSSFWorkbook}: its cells are plain objects written out
 * as XML text at {@link #save}, instead of the XMLBeans tree of an {@code XSSFWorkbook} (whose
 * building and serialising were most of the report stage's CPU; issue 8). The forms are small, so
 * every row stays in memory until the save (no row window: a writer may go back to a row, as
 * {@link #blanks} does); strings are written inline in their cells rather than in a shared-strings
 * table, which a reader sees the same (a string cell with the same text).
 *
 * <p>Not thread-safe; use one per file, in a try-with-resources.
 */
final class ReportWorkbook implements AutoCloseable {
    /** -1: no row is flushed before {@link #save}. */
    private final SXSSFWorkbook wb = new SXSSFWorkbook(-1);
    /** The styles of this workbook. */
    final ReportStyles st = new ReportStyles(wb);

    /**
     * @param name sheet name (at most 31 characters, no {@code []:*?/\})
     * @param widths column widths in characters, from column 0
     * @return the new sheet, printed landscape and fitted to the page width
     */
    Sheet sheet(String name, int... widths) {
        Sheet s = wb.createSheet(name);
        for (int c = 0; c < widths.length; c++) {
            s.setColumnWidth(c, widths[c] * 256);
        }
        s.getPrintSetup().setLandscape(true);
        s.getPrintSetup().setFitWidth((short) 1);
        s.getPrintSetup().setFitHeight((short) 0);
        s.setFitToPage(true);
        return s;
    }

    /** @return row {@code r} of the sheet, created when missing. */
    static Row row(Sheet s, int r) {
        Row row = s.getRow(r);
        return row == null ? s.createRow(r) : row;
    }

    /** Writes a text cell ({@code null} is written as an empty string, keeping the style). */
    void text(Sheet s, int r, int c, String v, CellStyle style) {
        Cell cell = row(s, r).createCell(c);
        cell.setCellValue(v == null ? "" : v);
        cell.setCellStyle(style);
    }

    /** Writes a numeric cell with the exact value given; {@code null} leaves a blank styled cell. */
    void number(Sheet s, int r, int c, BigDecimal v, CellStyle style) {
        Cell cell = row(s, r).createCell(c);
        if (v != null) {
            cell.setCellValue(v.doubleValue());
        }
        cell.setCellStyle(style);
    }

    /** Writes an integer cell (STT, counts). */
    void integer(Sheet s, int r, int c, long v, CellStyle style) {
        Cell cell = row(s, r).createCell(c);
        cell.setCellValue(v);
        cell.setCellStyle(style);
    }

    /**
     * Writes text into the first cell of columns {@code first..last} of row {@code r} and merges them;
     * the other cells of the range get the style too (so a bordered range has its borders).
     */
    void merged(Sheet s, int r, int first, int last, String text, CellStyle style) {
        text(s, r, first, text, style);
        for (int c = first + 1; c <= last; c++) {
            row(s, r).createCell(c).setCellStyle(style);
        }
        if (last > first) {
            // the forms never merge overlapping ranges: POI's check of each new range against every
            // earlier one (quadratic, through XMLBeans) is skipped
            s.addMergedRegionUnsafe(new CellRangeAddress(r, r, first, last));
        }
    }

    /** Writes blank bordered cells in columns {@code first..last} of row {@code r}. */
    void blanks(Sheet s, int r, int first, int last, CellStyle style) {
        for (int c = first; c <= last; c++) {
            if (row(s, r).getCell(c) == null) {
                row(s, r).createCell(c).setCellStyle(style);
            }
        }
    }

    /**
     * Writes a table header row in the header style.
     *
     * @return the row after it
     */
    int header(Sheet s, int r, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            text(s, r, c, headers.get(c), st.header);
        }
        return r + 1;
    }

    /**
     * Writes the form heading over {@code columns} columns: issuer (and, for party forms, the party
     * heading and date line on the right half), then the titles.
     *
     * @return the 0-based row after the heading and one blank row ({@link FormHeading#nextRow()})
     */
    int heading(Sheet s, FormHeading h, int columns) {
        if (h.partyHeading()) {
            int half = columns / 2;
            merged(s, 0, 0, half - 1, h.issuer(), st.title);
            merged(s, 0, half, columns - 1, FormHeading.PARTY, st.title);
            merged(s, 1, half, columns - 1, FormHeading.DATE_LINE, st.italic);
        } else {
            merged(s, 0, 0, columns - 1, h.issuer(), st.title);
        }
        int r = h.partyHeading() ? 3 : 1;
        for (String t : h.titles()) {
            merged(s, r++, 0, columns - 1, t, t.startsWith("(") ? st.italic : st.title);
        }
        return h.nextRow();
    }

    /**
     * Writes the signature block the forms end with, from row {@code r}: the date line and the signer
     * lines on the right half, then the note ("Ghi chú: ...") across the sheet when given.
     *
     * @param signer signer lines, e.g. "LÃNH ĐẠO PHÒNG, BAN VÀ TƯƠNG ĐƯƠNG", "(Ký, ghi rõ họ tên và đóng dấu)"
     * @param note the form's note, or null
     * @return the row after the block
     */
    int signature(Sheet s, int r, int columns, List<String> signer, String note) {
        merged(s, r++, columns / 2, columns - 1, FormHeading.DATE_LINE, st.italic);
        r = signer(s, r, columns, signer);
        if (note != null) {
            r++;
            merged(s, r++, 0, columns - 1, note, st.plain);
        }
        return r;
    }

    /**
     * Writes signer lines (bold; a line in brackets in italics) on the right half of the sheet.
     *
     * @return the row after them
     */
    int signer(Sheet s, int r, int columns, List<String> lines) {
        for (String line : lines) {
            merged(s, r++, columns / 2, columns - 1, line, line.startsWith("(") ? st.italic : st.title);
        }
        return r;
    }

    /**
     * Writes a label (bold, columns 0..{@code split-1}) and its text value (columns
     * {@code split..columns-1}) on one row, both merged, no border.
     */
    void labelled(Sheet s, int r, int split, int columns, String label, String value) {
        merged(s, r, 0, split - 1, label, st.plainBold);
        merged(s, r, split, columns - 1, value, st.plain);
    }

    /**
     * Writes the workbook to a temporary file beside {@code target} and moves it into place, so a
     * reader never sees half a workbook. Parent folders are created.
     *
     * @throws IOException when the file cannot be written or moved
     */
    void save(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            wb.writeAvoidingTempFiles(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Deletes the sheets' temporary files and drops the workbook without saving it again: closing a
     * new {@code XSSFWorkbook} would zip the whole package once more into memory (its
     * {@code OPCPackage.close} saves a package it created), a second save of every file for nothing.
     */
    @Override
    public void close() {
        try {
            wb.dispose();
        } finally {
            wb.getXSSFWorkbook().getPackage().revert();
        }
    }
}
