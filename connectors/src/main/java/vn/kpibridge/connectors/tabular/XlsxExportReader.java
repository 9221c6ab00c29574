package vn.kpibridge.connectors.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import vn.kpibridge.connectors.source.SourceFormatException;

/**
 * Reads an XLSX export (Office Open XML, ECMA-376) of an e-office system with Apache POI's
 * streaming event API ({@link XSSFReader} + {@link XSSFSheetXMLHandler}): the sheet XML is parsed
 * with SAX one row at a time, no {@code XSSFWorkbook} is built.
 *
 * <p>Output is the same as {@link CsvExportReader}'s, so one source mapping fits both exports of
 * a system: a JSON object header -> cell text per data row, with the row number Excel shows as
 * the record's line. Cell texts: strings as stored; numbers in plain decimal notation with a "."
 * separator, rounded to Excel's 15 significant digits, no grouping whatever the cell format
 * ("1234567", "0.3"); date-formatted cells as ISO {@code yyyy-MM-dd}, or
 * {@code yyyy-MM-ddTHH:mm:ss} when they have a time (1900 date system); booleans "TRUE"/"FALSE";
 * formulas by their cached result. A row whose cell holds an Excel error ({@code #REF!},
 * {@code #N/A}...) is rejected naming the cell; so is a row with values beyond the header's
 * columns. Empty rows are skipped.
 *
 * <p>Limits: memory grows with the number of distinct strings of the workbook
 * ({@link ReadOnlySharedStringsTable} holds them all) and, for the list-returning
 * {@link #read(Path)}, with the rows returned; use {@link #read(Path, String, TabularRowHandler)}
 * to stream rows. The {@link InputStream} variant copies the stream to a temporary file first
 * (POI reads a zip package by random access). POI's zip-bomb guard applies. A string cell whose
 * text starts with "ERROR:" is indistinguishable from an error cell in this API and is rejected.
 *
 * <p>File-level failures ({@link SourceFormatException}, naming the file): not an XLSX workbook
 * (an old .xls, a corrupt zip), no sheet of the configured name, no header row, an empty or
 * duplicated header. Instances are thread-safe.
 */
public final class XlsxExportReader {
    private final String sheetName;
    private final int headerRow;

    /** First sheet, header on the first non-empty row. */
    public XlsxExportReader() {
        this(null, 0);
    }

    /**
     * @param sheetName sheet to read, e.g. "Danh sách công việc"; null for the first sheet
     * @param headerRow 1-based row number of the header (as Excel shows it), 0 for the first
     *     non-empty row (title rows above an explicit header row are ignored)
     */
    public XlsxExportReader(String sheetName, int headerRow) {
        if (headerRow < 0) {
            throw new IllegalArgumentException("headerRow must be 0 or a 1-based row number, got " + headerRow);
        }
        this.sheetName = sheetName;
        this.headerRow = headerRow;
    }

    /**
     * @param file the .xlsx file
     * @return sheet name, header, good records and rejected rows
     * @throws SourceFormatException when the workbook as a whole is unusable
     * @throws IOException when the file cannot be read
     */
    public TabularReadResult read(Path file) throws IOException {
        TabularReadResult.Collector collector = new TabularReadResult.Collector();
        String sheet = read(file, file.getFileName().toString(), collector);
        return collector.result(file.getFileName().toString(), sheet);
    }

    /**
     * @param fileName name used in messages and rejections
     * @param in the workbook bytes; copied to a temporary file that is deleted afterwards; not closed
     * @return sheet name, header, good records and rejected rows
     * @throws SourceFormatException when the workbook as a whole is unusable
     * @throws IOException when the stream cannot be read or the temporary file written
     */
    public TabularReadResult read(String fileName, InputStream in) throws IOException {
        Path temp = Files.createTempFile("kpi-bridge-", ".xlsx");
        try {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            TabularReadResult.Collector collector = new TabularReadResult.Collector();
            String sheet = read(temp, fileName, collector);
            return collector.result(fileName, sheet);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Streams the rows of the configured sheet to a handler.
     *
     * @param file the .xlsx file
     * @param fileName name used in messages and rejections
     * @param handler receives the header, then each record or rejected row in row order
     * @return the name of the sheet read
     * @throws SourceFormatException when the workbook as a whole is unusable
     * @throws IOException when the file cannot be read
     */
    public String read(Path file, String fileName, TabularRowHandler handler) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | UnsupportedFileFormatException | InvalidOperationException | POIXMLException e) {
            throw new SourceFormatException(fileName, 0, "not an XLSX workbook: " + e.getMessage(), e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    names.add(name);
                    if (sheetName == null || sheetName.equals(name)) {
                        RowAssembler rows = new RowAssembler(fileName, headerRow, handler);
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings,
                                new Rows(rows), new ExportFormatter(), false));
                        parser.parse(new InputSource(sheet));
                        rows.finish();
                        return name;
                    }
                }
            }
            throw new SourceFormatException(fileName, 0, "no sheet named \"" + sheetName + "\" (sheets: " + names + ")",
                    null);
        } catch (OpenXML4JException | POIXMLException | SAXException e) {
            throw new SourceFormatException(fileName, 0, "unreadable workbook part: " + e.getMessage(), e);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("no SAX parser available", e);
        } finally {
            pkg.revert();
        }
    }

    /** Collects one row's cells from POI's callbacks and hands the row to the assembler. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private static final String ERROR = "ERROR:";
        private final RowAssembler rows;
        private List<String> cells = new ArrayList<>();
        private String problem;

        Rows(RowAssembler rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            problem = null;
        }

        @Override
        public void endRow(int rowNum) {
            rows.row(rowNum + 1, cells, problem);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            if (value != null && value.startsWith(ERROR) && problem == null) {
                problem = "cell " + reference + " holds the Excel error " + value.substring(ERROR.length());
            }
            cells.add(value);
        }
    }

    /** Formats numeric cells for machines: ISO dates, plain decimals; see class documentation. */
    private static final class ExportFormatter extends DataFormatter {
        private static final MathContext EXCEL_PRECISION = new MathContext(15);

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                if (value < 1) {
                    return t.toLocalTime().toString();
                }
                return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate().toString()
                        : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            }
            BigDecimal d = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
            return d.signum() == 0 ? "0" : d.toPlainString();
        }
    }
}
