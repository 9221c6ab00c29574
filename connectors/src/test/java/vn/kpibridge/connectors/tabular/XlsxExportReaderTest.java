package vn.kpibridge.connectors.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.SourceFormatException;

class XlsxExportReaderTest {
    @TempDir
    Path dir;
    Path workbook;

    /**
     * Builds the e-office XLSX export the way such systems write it: an instructions sheet first,
     * then "Công việc" with a merged title row, an empty row, the header on row 3, typed cells.
     */
    @BeforeEach
    void writeWorkbook() throws Exception {
        workbook = dir.resolve("cong-viec-2026-Q2.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet help = wb.createSheet("Hướng dẫn");
            help.createRow(0).createCell(0).setCellValue("Cột");
            help.getRow(0).createCell(1).setCellValue("Ý nghĩa");
            help.createRow(1).createCell(0).setCellValue("Mã công việc");
            help.getRow(1).createCell(1).setCellValue("Mã do hệ thống cấp");

            Sheet s = wb.createSheet("Công việc");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));

            s.createRow(0).createCell(0).setCellValue("DANH SÁCH CÔNG VIỆC QUÝ II/2026 - BAN TỔ CHỨC TỈNH ỦY");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 13));
            s.createRow(1);
            Row h = s.createRow(2);
            List<String> headers = new java.util.ArrayList<>(CsvExportReaderTest.HEADERS);
            headers.add("Kinh phí\n(đồng)"); // a wrapped header cell, as in printed reports
            for (int i = 0; i < headers.size(); i++) {
                h.createCell(i).setCellValue(headers.get(i));
            }
            Row r = s.createRow(3);
            text(r, "CV-2026-0412", "CONG_VIEC", "Báo cáo tổng kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2026",
                    "u.lan", "BTC-TCCB", "Báo cáo", "Ban Thường vụ");
            r.createCell(7).setCellValue(1);
            r.createCell(8).setCellValue(1);
            dateCell(r, 9, LocalDateTime.of(2026, 6, 25, 0, 0), date);
            dateCell(r, 10, LocalDateTime.of(2026, 6, 24, 16, 30), dateTime);
            r.createCell(11).setCellValue("HOAN_THANH");
            Cell budget = r.createCell(13);
            budget.setCellValue(15_000_000);
            budget.setCellStyle(money);

            r = s.createRow(4);
            text(r, "CV-2026-0413", "CONG_VIEC",
                    "Tờ trình về việc đề nghị phê duyệt Đề án đánh giá, xếp loại cán bộ theo KPI", "u.hung", "BTC-TCCB",
                    "Tờ trình", "Thường trực Tỉnh ủy");
            r.createCell(7).setCellValue(1);
            r.createCell(8).setCellValue(1);
            dateCell(r, 9, LocalDateTime.of(2026, 5, 20, 0, 0), date);
            dateCell(r, 10, LocalDateTime.of(2026, 5, 12, 0, 0), date);
            r.createCell(11).setCellValue("HOAN_THANH");
            r.createCell(12).setCellValue("Đã trình theo Tờ trình số 45-TTr/BTCTU;\r\nkèm dự thảo Đề án");

            s.createRow(5).createCell(2).setCellValue("   ");

            r = s.createRow(6);
            text(r, "CV-2026-0414", "CONG_VIEC", "Quyết định điều động cán bộ", "u.minh", "BTC-CSĐV", "Quyết định",
                    "Ban Thường vụ");
            r.createCell(7).setCellValue(3);
            r.createCell(8).setCellFormula("H7-1");
            dateCell(r, 9, LocalDateTime.of(2026, 6, 30, 0, 0), date);
            r.createCell(11).setCellValue("DANG_XU_LY");
            r.createCell(13).setCellValue(0.1 + 0.2);

            r = s.createRow(7);
            text(r, "CV-2026-0415", "CONG_VIEC", "Kế hoạch kiểm tra công tác cán bộ");
            r.createCell(14).setCellValue("thừa 1");
            r.createCell(15).setCellValue(2);

            r = s.createRow(8);
            text(r, "CV-2026-0416", "CONG_VIEC", "Báo cáo quý II về đảng viên mới");
            r.createCell(7).setCellValue(1);
            r.createCell(8).setCellErrorValue(FormulaError.REF.getCode());

            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(workbook)) {
                wb.write(out);
            }
        }
    }

    private static void text(Row r, String... values) {
        for (int i = 0; i < values.length; i++) {
            r.createCell(i).setCellValue(values[i]);
        }
    }

    private static void dateCell(Row r, int column, LocalDateTime value, CellStyle style) {
        Cell c = r.createCell(column);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private final XlsxExportReader reader = new XlsxExportReader("Công việc", 3);

    @Test
    void readsTheNamedSheetFromItsHeaderRow() throws Exception {
        TabularReadResult result = reader.read(workbook);

        assertThat(result.fileName()).isEqualTo("cong-viec-2026-Q2.xlsx");
        assertThat(result.sheet()).isEqualTo("Công việc");
        assertThat(result.headerLine()).isEqualTo(3);
        assertThat(result.headers()).hasSize(14).startsWith("Mã công việc", "Loại").endsWith("Kinh phí (đồng)");
        assertThat(result.records()).extracting(RawRecord::index, RawRecord::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 4), org.assertj.core.groups.Tuple.tuple(1, 5),
                org.assertj.core.groups.Tuple.tuple(2, 7));
    }

    @Test
    void cellsBecomeMachineReadableText() throws Exception {
        List<RawRecord> records = reader.read(workbook).records();

        JsonNode first = records.get(0).payload();
        assertThat(first.get("Hạn xử lý").asText()).isEqualTo("2026-06-25");
        assertThat(first.get("Ngày hoàn thành").asText()).isEqualTo("2026-06-24T16:30:00");
        assertThat(first.get("Số lượng kế hoạch").asText()).isEqualTo("1");
        assertThat(first.get("Kinh phí (đồng)").asText()).as("no grouping separator").isEqualTo("15000000");
        assertThat(first.get("Ghi chú").isNull()).isTrue();
        assertThat(records.get(1).payload().get("Ghi chú").asText())
                .isEqualTo("Đã trình theo Tờ trình số 45-TTr/BTCTU;\r\nkèm dự thảo Đề án");
        JsonNode third = records.get(2).payload();
        assertThat(third.get("Số lượng hoàn thành").asText()).as("formula H7-1, cached result").isEqualTo("2");
        assertThat(third.get("Kinh phí (đồng)").asText()).as("15 significant digits like Excel").isEqualTo("0.3");
        assertThat(third.get("Ngày hoàn thành").isNull()).isTrue();
    }

    @Test
    void extraValuesAndExcelErrorsRejectOnlyTheirRows() throws Exception {
        List<RejectedRow> rejected = reader.read(workbook).rejected();

        assertThat(rejected).extracting(RejectedRow::line, RejectedRow::index, RejectedRow::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8, 3, "row has values beyond the 14 columns named by the header"
                        + " (line 3): column 15 (O) \"thừa 1\", column 16 (P) \"2\""),
                org.assertj.core.groups.Tuple.tuple(9, 4, "cell I9 holds the Excel error #REF!"));
        assertThat(rejected.get(1).message()).isEqualTo("cong-viec-2026-Q2.xlsx:9: cell I9 holds the Excel error #REF!");
        assertThat(rejected.get(1).cells()).startsWith("CV-2026-0416", "CONG_VIEC");
    }

    @Test
    void theCsvSourceMappingNormalisesTheXlsxExportToTheSameRecord() throws Exception {
        RecordNormalizer normalizer = new RecordNormalizer(CsvExportReaderTest.mapping());
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("period", "2026-Q2");
        RawRecord fromCsv = new CsvExportReader().read(
                Path.of(getClass().getResource("/tabular/cong-viec-2026-Q2.csv").toURI())).records().get(1);
        RawRecord fromXlsx = reader.read(workbook).records().get(1);

        NormalizedRecord xlsx = normalizer.normalize(header, fromXlsx);

        assertThat(xlsx).isEqualTo(normalizer.normalize(header, fromCsv));
        assertThat(xlsx.dueDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(normalizer.normalize(header, reader.read(workbook).records().get(0)).completedDate())
                .isEqualTo(LocalDate.of(2026, 6, 24));
    }

    @Test
    void defaultsReadTheFirstSheetFromItsFirstRow() throws Exception {
        TabularReadResult result = new XlsxExportReader().read(workbook);

        assertThat(result.sheet()).isEqualTo("Hướng dẫn");
        assertThat(result.headers()).containsExactly("Cột", "Ý nghĩa");
        assertThat(result.records()).singleElement().extracting(r -> r.payload().get("Ý nghĩa").asText())
                .isEqualTo("Mã do hệ thống cấp");
    }

    @Test
    void aStreamIsReadThroughATemporaryFile() throws Exception {
        TabularReadResult result;
        try (InputStream in = Files.newInputStream(workbook)) {
            result = reader.read("tai-len.xlsx", in);
        }

        assertThat(result.fileName()).isEqualTo("tai-len.xlsx");
        assertThat(result.records()).hasSize(3);
        assertThat(result.rejected()).extracting(RejectedRow::fileName).containsOnly("tai-len.xlsx");
    }

    @Test
    void missingSheetListsTheSheets() {
        assertThatThrownBy(() -> new XlsxExportReader("Đánh giá", 0).read(workbook))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("cong-viec-2026-Q2.xlsx: no sheet named \"Đánh giá\" (sheets: [Hướng dẫn, Công việc])");
    }

    @Test
    void anEmptyHeaderRowIsAnError() {
        assertThatThrownBy(() -> new XlsxExportReader("Công việc", 2).read(workbook))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("cong-viec-2026-Q2.xlsx:2: header row 2 is empty");
    }

    @Test
    void aFileThatIsNotAWorkbookIsRejected() throws Exception {
        Path fake = dir.resolve("xuat.xlsx");
        Files.writeString(fake, "Mã công việc,Tên công việc\nCV-1,Báo cáo\n");

        assertThatThrownBy(() -> reader.read(fake)).isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("xuat.xlsx: not an XLSX workbook: ");
    }
}
