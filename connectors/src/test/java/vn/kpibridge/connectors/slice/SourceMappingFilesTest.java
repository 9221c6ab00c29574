package vn.kpibridge.connectors.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.connectors.config.CatalogVersions;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.MappingDecision;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.JsonExportReader;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.RecordRejectedException;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.connectors.source.SourceFormatException;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;

/**
 * The shipped mapping files of the vertical slice (mappings/ of the repository) and the sample
 * export: catalog of seed 001, product rules, identities, source field map.
 */
class SourceMappingFilesTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path MAPPINGS = ROOT.resolve("mappings");
    static final Path SAMPLE = ROOT.resolve("samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    final MappingFiles files = new MappingFiles();
    final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void seed001CatalogLoadsWith8ProductsAndFlagsRow8() {
        CatalogVersions cv = files.loadCatalog(MAPPINGS.resolve("catalogs/ban-to-chuc-tinh-uy.yml"));
        Catalog c = cv.forPeriod(Period.parse("2026-Q2"));
        assertThat(c.products()).hasSize(8);
        assertThat(c.coefficient("BTC-03")).isEqualByComparingTo("1.2");
        assertThat(c.coefficient("BTC-04")).isEqualByComparingTo("1.5");
        assertThat(c.coefficient("BTC-05")).isEqualByComparingTo("2");
        assertThat(c.coefficient("BTC-06")).isEqualByComparingTo("0.5");
        assertThat(c.product("BTC-06").orElseThrow().name()).isEqualTo("Quyết định điều động, tiếp nhận công chức");
        assertThat(c.inconsistencies()).singleElement().asString().contains("BTC-08");
        assertThatThrownBy(() -> cv.forPeriod(Period.parse("2026-Q1")))
                .hasMessageContaining("no version in force on 2026-03-31");
    }

    @Test
    void sampleExportMapsEveryTaskToTheSeedProductWithRuleAndCatalogVersion() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/eoffice-btc.yml"));
        ProductRuleEngine rules = files.loadRules(MAPPINGS.resolve(m.productRules()));
        Catalog catalog = files.loadCatalog(MAPPINGS.resolve(m.catalog())).forPeriod(Period.parse("2026-Q2"));
        RecordNormalizer n = new RecordNormalizer(m);
        ExportFile export;
        try (InputStream in = Files.newInputStream(SAMPLE)) {
            export = new JsonExportReader(mapper, m.recordsField()).read("sample.json", in);
        }
        assertThat(export.records()).hasSize(6);
        assertThat(export.records().get(0).line()).isEqualTo(8);
        List<String> products = export.records().stream().map(raw -> n.normalize(export.header(), raw))
                .filter(r -> r.type() == RecordType.TASK).map(r -> rules.map(r, catalog))
                .map(d -> d.productCode() + "@" + d.coefficient().stripTrailingZeros().toPlainString()).toList();
        assertThat(products).containsExactly("BTC-01@1", "BTC-02@1", "BTC-03@1.2", "BTC-04@1.5", "BTC-05@2");

        NormalizedRecord first = n.normalize(export.header(), export.records().get(0));
        assertThat(first.plannedQuantity()).isEqualByComparingTo("2");
        assertThat(first.doneQuantity()).isEqualByComparingTo("1");
        assertThat(first.qualityFailures()).isEqualTo(1);
        assertThat(first.lateDeliveries()).isEqualTo(1);
        assertThat(first.leadershipFailures()).isEqualTo(1);
        assertThat(first.dueDate()).hasToString("2026-06-30");
        assertThat(first.status()).isEqualTo("DONE");
        NormalizedRecord assessment = n.normalize(export.header(), export.records().get(5));
        assertThat(assessment.type()).isEqualTo(RecordType.ASSESSMENT);
        assertThat(assessment.generalCriteriaPoints()).isEqualByComparingTo("30");
        MappingDecision d = rules.map(n.normalize(export.header(), export.records().get(4)), catalog);
        assertThat(d.ruleId()).isEqualTo("R05-tt-xay-dung-chinh-don-dang");
        assertThat(d.catalogVersion()).isEqualTo("2026.1");
        assertThat(files.loadIdentities(MAPPINGS.resolve(m.identities())).employee("u-1024").orElseThrow().fullName())
                .isEqualTo("Nguyễn Văn A");
    }

    @Test
    void malformedExportNamesFileLineAndColumn() {
        byte[] bad = "{\n \"records\": [\n  {\"id\": 1,,}\n ]\n}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JsonExportReader(mapper, "records").read("x.json", new ByteArrayInputStream(bad)))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("x.json:3: malformed JSON at line 3, column 12");
        byte[] noRecords = "{\"rows\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JsonExportReader(mapper, "records").read("y.json", new ByteArrayInputStream(noRecords)))
                .hasMessage("y.json: no \"records\" array in the export");
    }

    @Test
    void badFieldValuesAreRejectedNamingRecordAndField() throws Exception {
        SourceMapping m = files.loadSource(MAPPINGS.resolve("sources/eoffice-btc.yml"));
        RecordNormalizer n = new RecordNormalizer(m);
        String json = "{\"period\":\"2026-Q2\",\"records\":["
                + "{\"id\":\"A\",\"loai\":\"CONG_VIEC\",\"soLuongKeHoach\":\"hai\"},"
                + "{\"id\":\"B\",\"loai\":\"CONG_VIEC\",\"soLuongKeHoach\":1,\"hanXuLy\":\"31-12-2026\"},"
                + "{\"id\":\"C\",\"loai\":\"LA\",\"soLuongKeHoach\":1},"
                + "{\"id\":\"D\",\"loai\":\"CONG_VIEC\",\"soLuongKeHoach\":\"1,5\",\"hanXuLy\":\"30/06/2026\"}]}";
        ExportFile e = new JsonExportReader(mapper, "records").read("z.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> n.normalize(e.header(), e.records().get(0))).isInstanceOf(RecordRejectedException.class)
                .hasMessage("record A: field \"plannedQuantity\" (/soLuongKeHoach) is not a number: \"hai\"");
        assertThatThrownBy(() -> n.normalize(e.header(), e.records().get(1)))
                .hasMessageContaining("record B: field \"dueDate\" (/hanXuLy) value \"31-12-2026\" matches none");
        assertThatThrownBy(() -> n.normalize(e.header(), e.records().get(2)))
                .hasMessageContaining("record C: field \"type\" value \"LA\" maps to no record type");
        NormalizedRecord d = n.normalize(e.header(), e.records().get(3));
        assertThat(d.plannedQuantity()).isEqualByComparingTo("1.5"); // decimal comma accepted
        assertThat(d.dueDate()).hasToString("2026-06-30");            // dd/MM/yyyy
        assertThat(d.period()).isEqualTo("2026-Q2");                 // from the export header
    }

    @Test
    void mappingFileErrorsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yml");
        Files.writeString(rules, "rules:\n  - id: R1\n    when: {titlePattern: \"(unclosed\"}\n    product: P\n");
        assertThatThrownBy(() -> files.loadRules(rules)).isInstanceOf(MappingFileException.class)
                .hasMessageContaining("rule R1: bad titlePattern");
        Path source = dir.resolve("s.yml");
        Files.writeString(source, "id: s\nname: x\nunknownKey: 1\n");
        assertThatThrownBy(() -> files.loadSource(source)).isInstanceOf(MappingFileException.class)
                .hasMessageStartingWith(source + ":3: ").hasMessageContaining("unknownKey");
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "Mã sản phẩm,Nhiệm vụ,Điểm chấm công việc,Hệ số quy đổi\nP1,Báo cáo,100,1\nP2,Tờ trình,mười,1\n");
        Path cat = dir.resolve("c.yml");
        Files.writeString(cat, "id: c\nname: c\nversions:\n  - {version: '1', effectiveFrom: 2026-01-01, standardPoints: 100, products: c.csv}\n");
        assertThatThrownBy(() -> files.loadCatalog(cat)).isInstanceOf(MappingFileException.class)
                .hasMessage(csv + ":3: column \"Điểm chấm công việc\" is not a number: \"mười\"");
    }
}
