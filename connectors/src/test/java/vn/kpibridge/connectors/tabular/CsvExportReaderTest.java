package vn.kpibridge.connectors.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.RecordRejectedException;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.connectors.source.SourceFormatException;

class CsvExportReaderTest {
    static final List<String> HEADERS = List.of("Mã công việc", "Loại", "Tên công việc", "Người thực hiện", "Đơn vị", "Sản phẩm",
            "Cấp trình", "Số lượng kế hoạch", "Số lượng hoàn thành", "Hạn xử lý", "Ngày hoàn thành", "Trạng thái",
            "Ghi chú");

    /** A source mapping for the e-office export's Vietnamese columns (as an administrator writes it). */
    static SourceMapping mapping() {
        return new SourceMapping("eoffice-btc-csv", "Xuất danh sách công việc - Ban Tổ chức Tỉnh ủy", null, "/period",
                null, null, null, null, Map.of("CONG_VIEC", "TASK", "DANH_GIA", "ASSESSMENT"), Map.ofEntries(
                        Map.entry("id", "/Mã công việc"), Map.entry("type", "/Loại"), Map.entry("title", "/Tên công việc"),
                        Map.entry("assigneeId", "/Người thực hiện"), Map.entry("unitId", "/Đơn vị"),
                        Map.entry("productType", "/Sản phẩm"), Map.entry("submissionLevel", "/Cấp trình"),
                        Map.entry("plannedQuantity", "/Số lượng kế hoạch"),
                        Map.entry("doneQuantity", "/Số lượng hoàn thành"), Map.entry("dueDate", "/Hạn xử lý"),
                        Map.entry("completedDate", "/Ngày hoàn thành"), Map.entry("status", "/Trạng thái")),
                List.of("yyyy/MM/dd", "yyyy-MM-dd"), Map.of("HOAN_THANH", "DONE", "DANG_XU_LY", "IN_PROGRESS"));
    }

    private final CsvExportReader reader = new CsvExportReader();

    private static Path fixture() throws Exception {
        return Path.of(CsvExportReaderTest.class.getResource("/tabular/cong-viec-2026-Q2.csv").toURI());
    }

    @Test
    void readsVietnameseHeadersAfterTheByteOrderMark() throws Exception {
        TabularReadResult result = reader.read(fixture());

        assertThat(result.fileName()).isEqualTo("cong-viec-2026-Q2.csv");
        assertThat(result.sheet()).isNull();
        assertThat(result.headerLine()).isEqualTo(1);
        assertThat(result.headers()).containsExactlyElementsOf(HEADERS);
        assertThat(result.headers().get(0)).doesNotContain("\uFEFF");
    }

    @Test
    void eachDataRowIsARawRecordWithItsLine() throws Exception {
        TabularReadResult result = reader.read(fixture());

        assertThat(result.records()).extracting(RawRecord::index, RawRecord::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(1, 3),
                org.assertj.core.groups.Tuple.tuple(2, 6), org.assertj.core.groups.Tuple.tuple(4, 9));
        JsonNode first = result.records().get(0).payload();
        assertThat(first.get("Tên công việc").asText())
                .isEqualTo("Báo cáo tổng kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2026");
        assertThat(first.get("Hạn xử lý").asText()).isEqualTo("2026/06/25");
        assertThat(first.get("Ghi chú").isNull()).isTrue();
        assertThat(first.size()).isEqualTo(13);
        JsonNode multiline = result.records().get(1).payload();
        assertThat(multiline.get("Ghi chú").asText()).isEqualTo("Đã trình theo Tờ trình số 45-TTr/BTCTU;\r\nkèm dự thảo Đề án");
        assertThat(multiline.get("Tên công việc").asText())
                .isEqualTo("Tờ trình về việc đề nghị phê duyệt Đề án đánh giá, xếp loại cán bộ theo KPI");
        JsonNode trailingCommas = result.records().get(2).payload();
        assertThat(trailingCommas.get("Ngày hoàn thành").isNull()).isTrue();
        assertThat(trailingCommas.get("Số lượng hoàn thành").asText()).isEqualTo("2");
        JsonNode short_ = result.records().get(3).payload();
        assertThat(short_.get("Số lượng kế hoạch").asText()).isEqualTo("1");
        assertThat(short_.get("Hạn xử lý").isNull()).isTrue();
    }

    @Test
    void aRowWithMoreValuesThanHeadersIsRejectedAndTheOthersGoOn() throws Exception {
        TabularReadResult result = reader.read(fixture());

        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(7);
            assertThat(r.index()).isEqualTo(3);
            assertThat(r.reason()).isEqualTo("row has values beyond the 13 columns named by the header (line 1): "
                    + "column 14 (N) \"thừa 1\", column 15 (O) \"thừa 2\"");
            assertThat(r.cells()).startsWith("CV-2026-0415", "CONG_VIEC", "Kế hoạch kiểm tra công tác cán bộ").hasSize(15);
            assertThat(r.message()).startsWith("cong-viec-2026-Q2.csv:7: row has values beyond");
            assertThat(r.toException()).isInstanceOf(RecordRejectedException.class).hasMessage(r.message());
        });
    }

    @Test
    void recordsAreNormalisedByJsonPointersToTheVietnameseHeaders() throws Exception {
        TabularReadResult result = reader.read(fixture());
        RecordNormalizer normalizer = new RecordNormalizer(mapping());
        var header = JsonNodeFactory.instance.objectNode().put("period", "2026-Q2");

        NormalizedRecord n = normalizer.normalize(header, result.records().get(1));

        assertThat(n.recordId()).isEqualTo("CV-2026-0413");
        assertThat(n.type()).isEqualTo(RecordType.TASK);
        assertThat(n.assigneeId()).isEqualTo("u.hung");
        assertThat(n.unitId()).isEqualTo("BTC-TCCB");
        assertThat(n.productType()).isEqualTo("Tờ trình");
        assertThat(n.submissionLevel()).isEqualTo("Thường trực Tỉnh ủy");
        assertThat(n.plannedQuantity()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(n.doneQuantity()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(n.dueDate()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(n.completedDate()).isEqualTo(LocalDate.of(2026, 5, 12));
        assertThat(n.status()).isEqualTo("DONE");

        NormalizedRecord open = normalizer.normalize(header, result.records().get(2));
        assertThat(open.completedDate()).isNull();
        assertThat(open.doneQuantity()).isEqualByComparingTo("2");
        assertThat(open.status()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void semicolonSeparatedExportWithTitleLinesAboveTheHeader() throws IOException {
        String csv = "BAN TỔ CHỨC TỈNH ỦY THÁI NGUYÊN;;\nDANH SÁCH CÔNG VIỆC QUÝ II/2026;;\n"
                + "Mã công việc;Tên công việc;Số lượng kế hoạch\nCV-1;Báo cáo tháng 4;1,5\n";

        TabularReadResult result = new CsvExportReader(';', 3).read("xuat.csv", bytes(csv));

        assertThat(result.headerLine()).isEqualTo(3);
        assertThat(result.headers()).containsExactly("Mã công việc", "Tên công việc", "Số lượng kế hoạch");
        assertThat(result.records()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.payload().get("Số lượng kế hoạch").asText()).isEqualTo("1,5");
        });
    }

    @Test
    void rowsCanBeStreamedToAHandler() throws IOException {
        List<String> events = new ArrayList<>();
        new CsvExportReader().read("a.csv", bytes("Mã,Tên\nA,Một\nB,Hai,Ba\nC,Bốn\n"), new TabularRowHandler() {
            @Override
            public void header(int line, List<String> headers) {
                events.add("header@" + line + headers);
            }

            @Override
            public void record(RawRecord record) {
                events.add("record@" + record.line() + ":" + record.payload().get("Mã").asText());
            }

            @Override
            public void rejected(RejectedRow row) {
                events.add("rejected@" + row.line());
            }
        });

        assertThat(events).containsExactly("header@1[Mã, Tên]", "record@2:A", "rejected@3", "record@4:C");
    }

    @Test
    void duplicateOrEmptyHeadersRejectTheFile() {
        assertThatThrownBy(() -> reader.read("trung.csv", bytes("Mã,Tên,Mã\nA,B,C\n")))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("trung.csv:1: header \"Mã\" appears twice, in column 1 (A) and column 3 (C)");
        assertThatThrownBy(() -> reader.read("rong.csv", bytes("\n\nMã,,Tên\n")))
                .hasMessage("rong.csv:3: header column 2 (B) is empty");
    }

    @Test
    void anEmptyFileHasNoHeader() {
        assertThatThrownBy(() -> reader.read("trong.csv", bytes("\n , \n")))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("trong.csv: no header row: the file has no non-empty row");
    }

    @Test
    void anUnclosedQuoteRejectsTheFileWithItsLine() {
        assertThatThrownBy(() -> reader.read("ngoac.csv", bytes("Mã,Tên\nA,\"Báo cáo\nB,Tờ trình\n")))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("ngoac.csv:4: malformed CSV: ")
                .hasMessageContaining("quote");
    }

    @Test
    void textThatIsNotUtf8IsRejected() {
        byte[] windows1258 = "Mã,Tên\nA,".getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(windows1258, windows1258.length + 3);
        bad[bad.length - 3] = (byte) 0xC3; // "Ã" then a byte that cannot continue a UTF-8 sequence
        bad[bad.length - 2] = (byte) 0x41;
        bad[bad.length - 1] = '\n';

        assertThatThrownBy(() -> reader.read("ansi.csv", new ByteArrayInputStream(bad)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("ansi.csv:2: not UTF-8 text: ")
                .hasMessageContaining("Invalid UTF-8");
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
