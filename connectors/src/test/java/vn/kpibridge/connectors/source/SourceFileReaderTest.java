package vn.kpibridge.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.CatalogVersions;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.MappingDecision;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;

/** File sources read by type into raw records, then normalised and mapped with the shipped files. */
class SourceFileReaderTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path MAPPINGS = ROOT.resolve("mappings");
    static final Path CSV = ROOT.resolve("samples/sources/qlcv-csv/cong-viec-quy-II-2026.csv");
    static final Path EDXML = ROOT.resolve("samples/sources/vanban-di-edxml/45-TTr-BTCTU.edxml");
    final MappingFiles files = new MappingFiles();
    final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    final ProductRuleEngine rules = files.loadRules(MAPPINGS.resolve("rules/ban-to-chuc-tinh-uy.yml"));
    final Catalog catalog;
    @TempDir
    Path dir;

    SourceFileReaderTest() {
        CatalogVersions cv = files.loadCatalog(MAPPINGS.resolve("catalogs/ban-to-chuc-tinh-uy.yml"));
        catalog = cv.forPeriod(Period.parse("2026-Q2"));
    }

    @Test
    void csvRowsGetConstantsAndPeriodThenParseSymbolsAndCategoryCodes() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/qlcv-csv.yml"));
        ExportFile export = new SourceFileReader(m, mapper).read("qlcv-csv/cong-viec-quy-II-2026.csv", CSV);

        assertThat(export.records()).hasSize(8);
        assertThat(export.size()).isEqualTo(9);
        RawRecord first = export.records().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.payload().at("/Mã công việc").asText()).isEqualTo("QLCV-2026-0101");
        assertThat(first.payload().at("/_derived/loai").asText()).isEqualTo("CONG_VIEC");
        assertThat(first.payload().at("/_derived/period").asText()).isEqualTo("2026-Q2");
        // the row with a value beyond the header is kept with its line and reason, the rest goes on
        assertThat(export.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(9);
            assertThat(r.index()).isEqualTo(7);
            assertThat(r.reason()).isEqualTo("row has values beyond the 15 columns named by the header (line 1): "
                    + "column 16 (P) \"dòng thừa\"");
            assertThat(r.evidence().get(0).asText()).isEqualTo("QLCV-2026-0108");
        });

        RecordNormalizer n = new RecordNormalizer(m);
        NormalizedRecord r2 = n.normalize(export.header(), export.records().get(1));
        assertThat(r2.sourceId()).isEqualTo("qlcv-csv");
        assertThat(r2.type()).isEqualTo(RecordType.TASK);
        assertThat(r2.documentSymbol().text()).isEqualTo("15-BC/BTCTU");
        assertThat(r2.documentType()).isEqualTo("BC");
        assertThat(r2.issuer()).isEqualTo("BTCTU");
        assertThat(r2.categoryCodes()).containsExactly("TCCS", "ĐV");
        assertThat(r2.qualityFailures()).isEqualTo(1);
        assertThat(r2.dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(r2.status()).isEqualTo("DONE");
        NormalizedRecord r3 = n.normalize(export.header(), export.records().get(2));
        assertThat(r3.documentSymbol().text()).isEqualTo("1052-QĐ/TU");

        List<String> decisions = export.records().stream().filter(raw -> !raw.payload().at("/Mã công việc").asText()
                .equals("QLCV-2026-0106")).map(raw -> {
                    MappingDecision d = rules.map(n.normalize(export.header(), raw), catalog);
                    return raw.payload().at("/Mã công việc").asText() + "=" + (d.mapped() ? d.productCode() + "/"
                            + d.ruleId() + "/" + d.coefficient().stripTrailingZeros().toPlainString() : "-");
                }).toList();
        assertThat(decisions).containsExactly(
                "QLCV-2026-0101=BTC-01/R21-bc-hang-thang/1",
                "QLCV-2026-0102=BTC-03/R20-bc-to-chuc-co-so-dang/1.2",
                "QLCV-2026-0103=BTC-06/R06-qd-dieu-dong-tiep-nhan/0.5",
                "QLCV-2026-0104=BTC-06/R23-qd-cv-can-bo/0.5",
                "QLCV-2026-0105=BTC-08/R24-tt-giao-bien-che/1.2",
                "QLCV-2026-0107=-",
                "QLCV-2026-0109=BTC-01/R21-bc-hang-thang/1");

        // "QD" without its diacritic: rejected with the parser's reason, naming record and field
        assertThatThrownBy(() -> n.normalize(export.header(), export.records().get(5)))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageStartingWith("record QLCV-2026-0106: field \"documentSymbol\" (/Số, ký hiệu văn bản): "
                        + "document symbol \"45/QD-BTCTU\": ");
    }

    @Test
    void edxmlPackageIsOneRecordWithHeaderFieldsAndMeasuredAttachmentsOnly() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/vanban-di-edxml.yml"));
        SourceFileReader reader = new SourceFileReader(m, mapper);
        assertThat(reader.accepts("a.EDXML")).isTrue();
        assertThat(reader.accepts("a.xml")).isTrue();
        assertThat(reader.accepts("a.json")).isFalse();

        ExportFile export = reader.read("vanban-di-edxml/45-TTr-BTCTU.edxml", EDXML);

        assertThat(export.rejected()).isEmpty();
        RawRecord raw = export.records().get(0);
        assertThat(raw.line()).isEqualTo(7);
        JsonNode p = raw.payload();
        assertThat(p.at("/code/number").asText()).isEqualTo("45");
        assertThat(p.at("/code/notation").asText()).isEqualTo("TTr/BTCTU");
        assertThat(p.at("/documentType/name").asText()).isEqualTo("Tờ trình");
        assertThat(p.at("/signer/fullName").asText()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(p.at("/steeringType").asText()).isEqualTo("1");
        assertThat(p.at("/business/staffInfo/staff").asText()).isEqualTo("Trần Thị Lan");
        assertThat(p.at("/_derived/period").asText()).isEqualTo("2026-Q2");
        // the attachment as name, size and SHA-256 of its decoded bytes, never its content
        byte[] pdf = Base64.getMimeDecoder().decode(firstAttachmentBase64(Files.readString(EDXML)));
        assertThat(p.at("/attachments/0/name").asText()).isEqualTo("45-TTr-BTCTU.pdf");
        assertThat(p.at("/attachments/0/size").asLong()).isEqualTo(pdf.length);
        assertThat(p.at("/attachments/0/sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(p.toString()).doesNotContain("JVBERi0");

        NormalizedRecord r = new RecordNormalizer(m).normalize(export.header(), raw);
        assertThat(r.recordId()).isEqualTo("000.01.31.H56,2026/05/12,45-TTr/BTCTU");
        assertThat(r.assigneeId()).isEqualTo("lan.tt@thainguyen.example.vn");
        assertThat(r.period()).isEqualTo("2026-Q2");
        assertThat(r.documentType()).isEqualTo("TTr");
        assertThat(r.issuer()).isEqualTo("BTCTU");
        MappingDecision d = rules.map(r, catalog);
        assertThat(d.productCode()).isEqualTo("BTC-07");
        assertThat(d.ruleId()).isEqualTo("R25-tt-van-ban-lien-thong");
    }

    @Test
    void xlsxRegisterWithTitleRowsIsReadFromItsSheetAndHeaderRow() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/so-giao-viec-xlsx.yml"));
        Path workbook = dir.resolve("so-giao-viec-quy-II-2026.xlsx");
        writeRegister(workbook);

        ExportFile export = new SourceFileReader(m, mapper).read("so-giao-viec-xlsx/" + workbook.getFileName(), workbook);

        assertThat(export.header().at("/sheet").asText()).isEqualTo("Giao việc");
        assertThat(export.records()).hasSize(1);
        assertThat(export.records().get(0).line()).isEqualTo(4);
        assertThat(export.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.reason()).isEqualTo("cell I5 holds the Excel error #DIV/0!");
        });
        NormalizedRecord r = new RecordNormalizer(m).normalize(export.header(), export.records().get(0));
        assertThat(r.recordId()).isEqualTo("GV-2026-031");
        assertThat(r.period()).isEqualTo("2026-Q2");
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(r.plannedQuantity()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(r.categoryCodes()).containsExactly("CB");
        assertThat(rules.map(r, catalog).productCode()).isEqualTo("BTC-06");
    }

    @Test
    void fileOfAnotherTypeIsRefusedAndConstantsMergeIntoDeriveOfEveryType() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/qlcv-csv.yml"));
        assertThatThrownBy(() -> new SourceFileReader(m, mapper).read("qlcv-csv/x.json",
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("qlcv-csv/x.json: a .json file does not fit source qlcv-csv of type csv (takes .csv)");

        Path rest = dir.resolve("rest.yml");
        Files.writeString(rest, """
                id: api
                type: rest
                constants: {loai: CONG_VIEC}
                rest:
                  baseUrl: http://127.0.0.1:9
                  derive: {constants: {donVi: BTC}}
                """);
        SourceMapping r = files.loadSource(rest);
        assertThat(r.rest().derive().constants()).containsExactly(java.util.Map.entry("loai", "CONG_VIEC"),
                java.util.Map.entry("donVi", "BTC"));
        assertThat(r.derive()).isSameAs(r.rest().derive());
        Files.writeString(rest, Files.readString(rest).replace("donVi", "loai"));
        assertThatThrownBy(() -> files.loadSource(rest)).hasMessageContaining(
                "constant \"loai\" is given both in constants: and in rest.derive.constants");
        Path sheetOnCsv = dir.resolve("csv.yml");
        Files.writeString(sheetOnCsv, "id: c\ntype: csv\nfile: {sheet: Giao việc}\n");
        assertThatThrownBy(() -> files.loadSource(sheetOnCsv)).hasMessageContaining(
                "file.sheet applies to type xlsx only (type is csv)");
    }

    static void writeRegister(Path file) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("Hướng dẫn").createRow(0).createCell(0).setCellValue("Sổ theo dõi giao việc");
            Sheet s = wb.createSheet("Giao việc");
            s.createRow(0).createCell(0).setCellValue("SỔ THEO DÕI GIAO VIỆC - VĂN PHÒNG BAN TỔ CHỨC TỈNH ỦY");
            s.createRow(1).createCell(0).setCellValue("Quý II năm 2026");
            String[] headers = {"STT", "Mã việc", "Nội dung công việc", "Cán bộ thực hiện", "Văn bản giao việc",
                    "Nhóm việc", "Kế hoạch", "Đã hoàn thành", "Hạn hoàn thành", "Ngày hoàn thành"};
            Row h = s.createRow(2);
            for (int i = 0; i < headers.length; i++) {
                h.createCell(i).setCellValue(headers[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row r = s.createRow(3);
            r.createCell(0).setCellValue(1);
            r.createCell(1).setCellValue("GV-2026-031");
            r.createCell(2).setCellValue("Quyết định tiếp nhận công chức về công tác tại Ban");
            r.createCell(3).setCellValue("hung.nv");
            r.createCell(4).setCellValue("1078-QĐ/TU");
            r.createCell(5).setCellValue("CB");
            r.createCell(6).setCellValue(1);
            r.createCell(7).setCellValue(1);
            r.createCell(8).setCellValue(LocalDate.of(2026, 6, 30));
            r.getCell(8).setCellStyle(date);
            r.createCell(9).setCellValue(LocalDate.of(2026, 6, 29));
            r.getCell(9).setCellStyle(date);
            Row bad = s.createRow(4);
            bad.createCell(0).setCellValue(2);
            bad.createCell(1).setCellValue("GV-2026-032");
            bad.createCell(2).setCellValue("Báo cáo thống kê đảng viên");
            bad.createCell(3).setCellValue("lan.tt");
            bad.createCell(6).setCellValue(1);
            bad.createCell(8).setCellFormula("1/0");
            wb.setForceFormulaRecalculation(false);
            org.apache.poi.ss.usermodel.FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            ev.evaluateFormulaCell(bad.getCell(8));
            wb.write(out);
        }
    }

    static String firstAttachmentBase64(String xml) {
        Matcher m = Pattern.compile("<ContentTransferEncoded>(.*?)</ContentTransferEncoded>", Pattern.DOTALL).matcher(xml);
        assertThat(m.find()).isTrue();
        return m.group(1).replaceAll("\\s", "");
    }
}
