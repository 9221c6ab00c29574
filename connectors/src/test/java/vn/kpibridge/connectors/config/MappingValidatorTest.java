package vn.kpibridge.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mappings validate}'s checks, one test per kind of finding, each asserting the exact
 * {@code file:line: reason}. Each test edits a copy of the shipped {@code mappings/} and
 * {@code config/schemes/} the way an administrator would.
 */
class MappingValidatorTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** The one finding of the shipped files: seed 001 "Bảng danh mục" row 8 (120 points, stated 1). */
    static final String ROW_8 = "mappings/catalogs/ban-to-chuc-tinh-uy-2026.1.csv:9: version 2026.1: product BTC-08 "
            + "\"Tờ trình giao biên chế cán bộ, công chức, viên chức\": stated coefficient 1 but 120 / 100 = 1.2 "
            + "(seed 001, Phụ lục 1, bước 3); the computed value is used";

    /**
     * The product rules of the slice as this test knows them (the shipped rule file grows with
     * other sources; the lines asserted here must not move with it).
     */
    static final String RULES = """
            # Product rules for records of the Organisation Board's e-office system.
            # Ordered: the first rule whose conditions all hold decides the product. Conditions left out
            # always hold. titlePattern is a regular expression searched in the title, case-insensitive.
            rules:
              - id: R01-bc-to-chuc-co-so-dang
                when: {recordType: TASK, productType: "Báo cáo", titlePattern: "tổ chức cơ sở đảng"}
                product: BTC-03
              - id: R02-bc-hang-thang
                when: {recordType: TASK, productType: "Báo cáo", titlePattern: "hằng tháng"}
                product: BTC-01
              - id: R03-bc-hang-quy
                when: {recordType: TASK, productType: "Báo cáo", titlePattern: "hằng quý|quý (I|II|III|IV)/\\\\d{4}"}
                product: BTC-02
              - id: R04-tt-sinh-hoat-dang-truc-tuyen
                when: {recordType: TASK, productType: "Tờ trình", titlePattern: "sinh hoạt đảng trực tuyến"}
                product: BTC-04
              - id: R05-tt-xay-dung-chinh-don-dang
                when: {recordType: TASK, productType: "Tờ trình", titlePattern: "chỉnh đốn đảng|Nghị quyết 21-NQ/TW"}
                product: BTC-05
              - id: R06-qd-dieu-dong-tiep-nhan
                when: {recordType: TASK, titlePattern: "điều động|tiếp nhận công chức"}
                product: BTC-06
              - id: R07-tt-giao-bien-che
                when: {recordType: TASK, productType: "Tờ trình", titlePattern: "biên chế"}
                product: BTC-08
              - id: R08-tt-cong-tac-can-bo
                when: {recordType: TASK, productType: "Tờ trình", titlePattern: "công tác cán bộ"}
                product: BTC-07
            """;

    @TempDir
    Path dir;
    Path mappings;
    Path schemes;

    @BeforeEach
    void copyShippedFiles() throws IOException {
        mappings = dir.resolve("mappings");
        schemes = dir.resolve("schemes");
        copyTree(ROOT.resolve("mappings"), mappings);
        copyTree(ROOT.resolve("config/schemes"), schemes);
        Files.writeString(mappings.resolve("rules/ban-to-chuc-tinh-uy.yml"), RULES, StandardCharsets.UTF_8);
    }

    @Test
    void shippedFilesHaveNoErrorAndWarnAboutRow8OfTheSeedCatalog() {
        ValidationReport r = new MappingValidator(ROOT.resolve("mappings"), ROOT.resolve("config/schemes")).validate();

        assertThat(strings(r.errors())).isEmpty();
        assertThat(strings(r.warnings())).contains(ROW_8);
        assertThat(r.sources()).isEqualTo(ROOT.resolve("mappings/sources").toFile().list().length);
        assertThat(r.catalogVersions()).isEqualTo(1);
        assertThat(r.products()).isEqualTo(8);
        assertThat(r.schemes()).isEqualTo(6);

        ValidationReport copy = validate(); // the copy, with this test's rule file
        assertThat(strings(copy.errors())).isEmpty();
        assertThat(strings(copy.warnings())).containsExactly(ROW_8);
        assertThat(copy.rules()).isEqualTo(8);
        assertThat(copy.identities()).isEqualTo(r.identities());
    }

    @Test
    void unparsableFileIsReportedWithTheParsersLineAndTheOtherFilesAreStillChecked() throws IOException {
        Files.writeString(mappings.resolve("sources/broken.yml"), "id: broken\nname: \"Hệ thống cũ\ncatalog: x\n");
        edit("sources/eoffice-btc.yml", "scheme: seed001-worked-example", "scheme: seed001-worked-exampel");

        ValidationReport r = validate();

        assertThat(strings(r.errors())).containsExactly(
                "mappings/sources/broken.yml:2: while scanning a quoted scalar in 'reader', line 2, column 7: "
                        + "found unexpected end of stream in 'reader', line 4, column 1:",
                "mappings/sources/eoffice-btc.yml:10: unknown scheme \"seed001-worked-exampel\": no "
                        + "seed001-worked-exampel.yml in schemes (known: an-giang-quarterly-leaders, ha-noi-phuc-loi-monthly, "
                        + "nghe-an-groups, seed001-worked-example, thai-nguyen-monthly, vast-quarterly-leaders)");
    }

    @Test
    void ruleFileReportsUnknownProductDuplicateIdShadowedRuleAndBadPatternTogether() throws IOException {
        edit("rules/ban-to-chuc-tinh-uy.yml", "    product: BTC-01\n", "    product: BTC-99\n");
        Files.writeString(mappings.resolve("rules/ban-to-chuc-tinh-uy.yml"), """
                  - id: R03-bc-hang-quy
                    when: {recordType: TASK, productType: "Báo cáo", titlePattern: "hằng quý"}
                    product: BTC-02
                  - id: R09-bc-co-so-dang-lanh-dao-ban
                    when: {recordType: TASK, productType: "Báo cáo", titlePattern: "tổ chức cơ sở đảng", submissionLevel: "Lãnh đạo Ban"}
                    product: BTC-03
                  - id: R10-thieu-ngoac
                    when: {titlePattern: "(báo cáo"}
                    product: BTC-01
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        ValidationReport r = validate();

        String rules = "mappings/rules/ban-to-chuc-tinh-uy.yml";
        assertThat(strings(r.findings()).stream().filter(f -> f.startsWith(rules))).containsExactly(
                rules + ":10: rule R02-bc-hang-thang: unknown product BTC-99: not in ban-to-chuc-tinh-uy v2026.1",
                rules + ":29: duplicate rule id R03-bc-hang-quy (first on line 11)",
                rules + ":32: rule R09-bc-co-so-dang-lanh-dao-ban never matches: rule R01-bc-to-chuc-co-so-dang (line 5) "
                        + "comes first and its conditions hold for every record this rule's do (first match wins)",
                rules + ":36: rule R10-thieu-ngoac: bad titlePattern: Unclosed group");
        assertThat(r.errors()).extracting(MappingFinding::line).containsExactly(10, 29, 36);
        assertThat(r.warnings()).extracting(MappingFinding::line).containsExactly(9, 32);
    }

    @Test
    void badJsonPointersAndJsonPathsOfFieldMapsAndRestSectionsAreEachNamed() throws IOException {
        assertThat(vn.kpibridge.connectors.source.RecordNormalizer.KNOWN_FIELDS).contains("plannedQuantity", "title")
                .doesNotContain("soLuongKeHoach");
        edit("sources/eoffice-btc.yml", "  title: /tenCongViec", "  title: tenCongViec");
        edit("sources/eoffice-btc.yml", "  plannedQuantity: /soLuongKeHoach", "  soLuongKeHoach: /soLuongKeHoach");
        edit("sources/eoffice-btc.yml", "  DANH_GIA: ASSESSMENT", "  DANH_GIA: DANH_GIA");
        edit("sources/ioffice-tasks.yml", "  items: /PageData", "  items: PageData");
        edit("sources/ioffice-tasks.yml", "\"$.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')].SoLanKhongDat\"",
                "\"$.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')\"");
        edit("sources/ioffice-tasks.yml", "  qualityFactor: /_derived/heSoChatLuong",
                "  qualityFactor: $.KetQuaDanhGia[0].HeSo");

        ValidationReport r = validate();

        assertThat(strings(r.errors())).containsExactly(
                "mappings/sources/eoffice-btc.yml:13: recordTypes.DANH_GIA: \"DANH_GIA\" is not one of [TASK, ASSESSMENT]",
                "mappings/sources/eoffice-btc.yml:26: fields.title: bad JSON pointer \"tenCongViec\": it must be empty or "
                        + "start with \"/\", e.g. \"/tenCongViec\"",
                "mappings/sources/eoffice-btc.yml:30: fields.soLuongKeHoach: unknown field (known: "
                        + new java.util.TreeSet<>(vn.kpibridge.connectors.source.RecordNormalizer.KNOWN_FIELDS) + ")",
                "mappings/sources/ioffice-tasks.yml:55: rest.items: \"PageData\" is neither a JSON pointer (starting "
                        + "with \"/\") nor a JSONPath (starting with \"$\")",
                "mappings/sources/ioffice-tasks.yml:82: derive.extract.soLanPhaiSuaDoi: bad JSONPath "
                        + "\"$.KetQuaDanhGia[?(@.TieuChi == 'CHAT_LUONG')\": Could not parse token starting at position 15. "
                        + "Expected ?, ', 0-9, * ",
                "mappings/sources/ioffice-tasks.yml:114: fields.qualityFactor: \"$.KetQuaDanhGia[0].HeSo\" is a JSONPath; "
                        + "this setting takes a JSON pointer (\"/Field\"): extract the value with derive.extract and point "
                        + "at /_derived/<name>");
    }

    @Test
    void badJsonPointersAndJsonPathsUnderFileDeriveAreNamedLikeThoseOfRestAndSql() throws IOException {
        edit("sources/qlcv-csv.yml", "period: {from: \"/Hạn xử lý\", granularity: quarter}",
                "period: {from: \"Hạn xử lý\", granularity: quarter}");
        edit("sources/vanban-di-edxml.yml", "    period: {from: /promulgation/date, granularity: quarter}\n",
                "    period: {from: /promulgation/date, granularity: quarter}\n    extract:\n"
                        + "      nguoiKy: \"$.signer[?(@.role == 'KY')\"\n");

        ValidationReport r = validate();

        assertThat(strings(r.errors())).containsExactly(
                "mappings/sources/qlcv-csv.yml:31: derive.period.from: \"Hạn xử lý\" is neither a JSON pointer (starting "
                        + "with \"/\") nor a JSONPath (starting with \"$\")",
                "mappings/sources/vanban-di-edxml.yml:26: derive.extract.nguoiKy: bad JSONPath \"$.signer[?(@.role == 'KY')\": "
                        + "Could not parse token starting at position 8. Expected ?, ', 0-9, * ");
    }

    @Test
    void identityRowsNamingAnUnknownOrDuplicateUserOrEmployeeAreEachReported() throws IOException {
        Files.writeString(mappings.resolve("identities/ban-to-chuc-tinh-uy.csv"), """
                u-2048,BTC-CB-0002,Trần Thị B,Chuyên viên,BTC-TU,Ban Tổ chức Tỉnh ủy,false
                u-1024,BTC-CB-0003,Lê Văn C,Chuyên viên,BTC-TU,Ban Tổ chức Tỉnh ủy,false
                u-3072,BTC-CB-0002,Trần Thị Bích,Chuyên viên,BTC-VP,Văn phòng Ban,false
                u-4096,,Nguyễn Văn D,Chuyên viên,BTC-TU,Ban Tổ chức Tỉnh ủy,false
                ,BTC-CB-0005,Phạm Văn E,Chuyên viên,BTC-TU,Ban Tổ chức Tỉnh ủy,false
                u-5120,BTC-CB-0001,Nguyễn Văn A,"Phó Trưởng Ban Tổ chức Tỉnh ủy",BTC-TU,Ban Tổ chức Tỉnh ủy,true
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        ValidationReport r = validate();

        String ids = "mappings/identities/ban-to-chuc-tinh-uy.csv";
        assertThat(strings(r.errors())).containsExactly(
                ids + ":4: duplicate source_user_id u-1024 (first on line 2)",
                ids + ":5: employee BTC-CB-0002 is \"Trần Thị B\" of unit BTC-TU on line 3 but \"Trần Thị Bích\" of unit "
                        + "BTC-VP here",
                ids + ":6: column \"employee_code\" is empty or missing",
                ids + ":7: column \"source_user_id\" is empty or missing");
        // one employee with a second user id (line 8) is legitimate
        assertThat(r.errors()).hasSize(4);
    }

    @Test
    void duplicateSourceIdMissingFileAndUnusedFileAreReported() throws IOException {
        Files.copy(mappings.resolve("sources/eoffice-btc.yml"), mappings.resolve("sources/eoffice-btc-copy.yml"));
        edit("sources/qlcv-btc.yml", "identities: identities/ban-to-chuc-tinh-uy.csv", "identities: identities/qlcv.csv");
        Files.writeString(mappings.resolve("rules/cu.yml"), "rules: []\n");

        ValidationReport r = validate();

        assertThat(strings(r.findings())).contains(
                "mappings/rules/cu.yml: not used by any source mapping (rule file)",
                "mappings/sources/eoffice-btc.yml:3: duplicate source id eoffice-btc (also in "
                        + "mappings/sources/eoffice-btc-copy.yml:3)",
                "mappings/sources/qlcv-btc.yml:29: identities: file identities/qlcv.csv does not exist under mappings");
        assertThat(r.errors()).hasSize(2);
    }

    @Test
    void badCatalogRowIsReportedAndRulesNamingItsProductToo() throws IOException {
        edit("catalogs/ban-to-chuc-tinh-uy-2026.1.csv", "Tờ trình,01,Theo yêu cầu của cấp có thẩm quyền,,200,2,4",
                "Tờ trình,01,Theo yêu cầu của cấp có thẩm quyền,,hai trăm,2,4");
        edit("catalogs/ban-to-chuc-tinh-uy.yml", "    standardPoints: 100\n", "    standardPoints: 100\n    sheet: DM\n");

        ValidationReport r = validate();

        assertThat(strings(r.errors())).containsExactly(
                "mappings/catalogs/ban-to-chuc-tinh-uy-2026.1.csv:6: column \"Điểm chấm công việc\" is not a number: "
                        + "\"hai trăm\"",
                "mappings/catalogs/ban-to-chuc-tinh-uy.yml:12: version 2026.1: sheet is only for an .xlsx products file, "
                        + "not ban-to-chuc-tinh-uy-2026.1.csv",
                "mappings/rules/ban-to-chuc-tinh-uy.yml:19: rule R05-tt-xay-dung-chinh-don-dang: unknown product BTC-05: "
                        + "not in ban-to-chuc-tinh-uy v2026.1");
    }

    @Test
    void productMissingFromOneVersionIsAWarningAndSchemeErrorsComeFromTheSchemeLoader() throws IOException {
        edit("catalogs/ban-to-chuc-tinh-uy.yml", "    effectiveFrom: 2026-04-01\n",
                "    effectiveFrom: 2026-04-01\n    effectiveTo: 2026-12-31\n");
        Files.writeString(mappings.resolve("catalogs/2027.csv"), "Mã sản phẩm,Nhiệm vụ,Điểm chấm công việc\n"
                + "BTC-01,Báo cáo kết quả thực hiện nhiệm vụ hằng tháng,100\n");
        Files.writeString(mappings.resolve("catalogs/ban-to-chuc-tinh-uy.yml"), """
                  - version: "2027.1"
                    effectiveFrom: 2027-01-01
                    standardPoints: 100
                    products: 2027.csv
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path scheme = schemes.resolve("seed001-worked-example.yml");
        Files.writeString(scheme, Files.readString(scheme).replace("id: seed001-worked-example",
                "id: seed001-worked-example\ncolour: blue"));

        ValidationReport r = validate();

        assertThat(strings(r.warnings()).stream().filter(w -> w.contains("is not in ban-to-chuc-tinh-uy v2027.1")))
                .hasSize(7);
        assertThat(strings(r.warnings())).contains(ROW_8,
                "mappings/rules/ban-to-chuc-tinh-uy.yml:7: rule R01-bc-to-chuc-co-so-dang: product BTC-03 is not in "
                        + "ban-to-chuc-tinh-uy v2027.1: records of periods under that version stay unmapped");
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("schemes/seed001-worked-example.yml:" + line(scheme, "colour:"));
            assertThat(e.reason()).contains("colour");
        });
    }

    static int line(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private ValidationReport validate() {
        return new MappingValidator(mappings, schemes).validate();
    }

    static List<String> strings(List<MappingFinding> findings) {
        return findings.stream().map(MappingFinding::toString).toList();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Replaces one exact text of a file (which must be there). */
    void edit(String file, String from, String to) throws IOException {
        Path p = mappings.resolve(file);
        String s = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
    }
}
