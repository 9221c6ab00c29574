package vn.kpibridge.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Product;

/**
 * Catalog import with the seed's own columns (issue 4 point 8): seed 001 "Bảng danh mục" as CSV
 * (the shipped {@code mappings/catalogs/ban-to-chuc-tinh-uy-2026.1.csv}) and as an XLSX written
 * here by Apache POI, read by one path; errors name file, sheet, row and column.
 */
class CatalogFilesTest {
    static final Path MAPPINGS = Path.of("").toAbsolutePath().getParent().resolve("mappings");
    static final String[] HEADER = {"TT", "Mã sản phẩm", "Nhiệm vụ", "Cấp trình",
        "Độ khó, mới, phức tạp; phạm vi tác động", "Sản phẩm", "Số lượng", "Tiến độ", "Ghi chú",
        "Điểm chấm công việc", "Hệ số quy đổi", "Nhóm"};
    static final String CAP = "Cấp có thẩm quyền phê duyệt";
    /** The 8 rows of seed 001 "Bảng danh mục", typed as a spreadsheet holds them (numbers as numbers). */
    static final Object[][] SEED_ROWS = {
        {1, "BTC-01", "Báo cáo kết quả thực hiện nhiệm vụ hằng tháng", CAP, "Thường xuyên, nhiệm vụ chủ yếu là thống kê",
            "Báo cáo", "01", "Theo quy định ngày hằng tháng", "Công việc chuẩn", 100, 1, 1},
        {2, "BTC-02", "Báo cáo kết quả thực hiện nhiệm vụ hằng quý", CAP, "Thường xuyên, nhiệm vụ chủ yếu là thống kê",
            "Báo cáo", "01", "Theo quy định ngày tháng cuối mỗi quý", "Công việc chuẩn", 100, 1, 1},
        {3, "BTC-03", "Báo cáo về tình hình tổ chức cơ sở đảng, đảng viên hằng quý", CAP,
            "Thường xuyên, nhưng có tính thống kê, tổng hợp cao hơn tháng, tác động lớn hơn báo cáo hằng tháng",
            "Báo cáo", "01", "Theo quy định ngày tháng cuối mỗi quý", "Công việc chuẩn", 120, 1.2, 2},
        {4, "BTC-04", "Tờ trình về sinh hoạt đảng trực tuyến", CAP, "Mới, toàn đảng, không quá khó và phức tạp",
            "Tờ trình", "01", "Theo yêu cầu của cấp có thẩm quyền", null, 150, 1.5, 3},
        {5, "BTC-05", "Tờ trình về xây dựng, chỉnh đốn Đảng", CAP, "Khó, phức tạp, tác động lớn, sâu rộng trong toàn Đảng",
            "Tờ trình", "01", "Theo yêu cầu của cấp có thẩm quyền", null, 200, 2, 4},
        {6, "BTC-06", "Quyết định điều động, tiếp nhận công chức", CAP,
            "Thường xuyên, chủ yếu là kiểm tra điều kiện, tiêu chuẩn", "Quyết định/Công văn", "01",
            "Thường xuyên khi phát sinh", "Công việc chuẩn", 50, 0.5, 1},
        {7, "BTC-07", "Tờ trình về công tác cán bộ", CAP, "Thường xuyên, chủ yếu là kiểm tra điều kiện, tiêu chuẩn",
            "Tờ trình", "01", "Theo yêu cầu của cấp có thẩm quyền", "Công việc chuẩn", 100, 1, 1},
        {8, "BTC-08", "Tờ trình giao biên chế cán bộ, công chức, viên chức", CAP, "Thường xuyên, không quá khó và phức tạp",
            "Tờ trình", "01", "Trước ngày ... tháng hằng năm", "Công việc chuẩn", 120, 1, 2},
    };

    final MappingFiles files = new MappingFiles();

    @Test
    void xlsxWithTheSeedColumnsGivesTheSameProductsAsTheShippedCsv(@TempDir Path dir) throws Exception {
        // as an administrator saves the approved table: a title row, a blank row, then the header
        Path xlsx = dir.resolve("danh-muc-2026.1.xlsx");
        writeWorkbook(xlsx, "Bảng danh mục", 3, SEED_ROWS);
        Path yml = dir.resolve("catalog.yml");
        Files.writeString(yml, """
                id: ban-to-chuc-tinh-uy
                name: Danh mục sản phẩm/công việc chuẩn - Ban Tổ chức Tỉnh ủy
                versions:
                  - version: "2026.1"
                    effectiveFrom: 2026-04-01
                    standardPoints: 100
                    products: danh-muc-2026.1.xlsx
                    sheet: Bảng danh mục
                    headerRow: 3
                """);

        CatalogReading fromXlsx = files.readCatalog(yml);
        Catalog csv = files.loadCatalog(MAPPINGS.resolve("catalogs/ban-to-chuc-tinh-uy.yml")).forPeriod(Period.parse("2026-Q2"));
        Catalog xl = fromXlsx.orThrow().forPeriod(Period.parse("2026-Q2"));

        assertThat(fromXlsx.errors()).isEmpty();
        assertThat(xl.products()).hasSize(8).isEqualTo(csv.products());
        Product row3 = xl.product("BTC-03").orElseThrow();
        assertThat(row3).isEqualTo(new Product("BTC-03", "Báo cáo về tình hình tổ chức cơ sở đảng, đảng viên hằng quý",
                "Báo cáo", CAP, new java.math.BigDecimal("120"), new java.math.BigDecimal("1.2"), 2));
        assertThat(xl.coefficient("BTC-06")).isEqualByComparingTo("0.5");
        assertThat(xl.inconsistencies()).singleElement().asString().startsWith("product BTC-08 ");
        // each product with the Excel row it came from (header on row 3: data rows 4-11)
        assertThat(fromXlsx.rows()).extracting(r -> r.product().code() + "@" + r.line())
                .containsExactly("BTC-01@4", "BTC-02@5", "BTC-03@6", "BTC-04@7", "BTC-05@8", "BTC-06@9", "BTC-07@10",
                        "BTC-08@11");
    }

    @Test
    void xlsxErrorsNameFileSheetRowAndColumnAndAllAreCollected(@TempDir Path dir) throws Exception {
        Object[][] rows = copy(SEED_ROWS);
        rows[2][10] = "một phẩy hai";   // Hệ số quy đổi of BTC-03 (row 4 with the header on row 1)
        rows[4][9] = null;              // Điểm chấm công việc of BTC-05 (row 6)
        rows[6][1] = "BTC-06";          // BTC-07 given the code of the row above (row 8)
        rows[7][11] = 7;                // Nhóm 7: at most 5 groups (row 9)
        Path xlsx = dir.resolve("dm.xlsx");
        writeWorkbook(xlsx, "DM", 1, rows);
        Path yml = dir.resolve("c.yml");
        Files.writeString(yml, "id: c\nversions:\n  - {version: '1', effectiveFrom: 2026-01-01, standardPoints: 100, "
                + "products: dm.xlsx}\n");

        CatalogReading r = files.readCatalog(yml);

        assertThat(r.errors()).extracting(Throwable::getMessage).containsExactly(
                xlsx + ":4: sheet \"DM\", cell K4: column \"Hệ số quy đổi\" is not a number: \"một phẩy hai\"",
                xlsx + ":6: sheet \"DM\", cell J6: column \"Điểm chấm công việc\" is empty or missing",
                xlsx + ":8: sheet \"DM\", cell B8: product code BTC-06 is already on row 7",
                xlsx + ":9: sheet \"DM\", cell L9: product BTC-08: complexity group must be 1-5 (seed 000, 3.2), got 7");
        assertThat(r.catalog().versions().get(0).products()).extracting(Product::code)
                .containsExactly("BTC-01", "BTC-02", "BTC-04", "BTC-06");
        assertThatThrownBy(() -> files.loadCatalog(yml)).isInstanceOf(MappingFileException.class)
                .hasMessage(r.errors().get(0).getMessage());
    }

    @Test
    void csvErrorsAreCollectedWithTheirLinesAndYamlErrorsNameTheKeyLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "Mã sản phẩm,Nhiệm vụ,Điểm chấm công việc,Hệ số quy đổi,Nhóm\n"
                + "P1,Báo cáo,100,1,1\nP2,Tờ trình,mười,1,1\nP3,Quyết định,50,\"0,5\",một\n");
        Path yml = dir.resolve("c.yml");
        Files.writeString(yml, """
                id: c
                versions:
                  - version: "1"
                    effectiveFrom: 2026-01-01
                    standardPoints: 100
                    products: c.csv
                  - version: "2"
                    effectiveFrom: 2026-06-01
                    standardPoints: 100
                    products: c.csv
                  - version: "3"
                    standardPoints: 100
                    products: missing.xlsx
                """);

        CatalogReading r = files.readCatalog(yml);

        assertThat(r.errors()).extracting(Throwable::getMessage).containsExactly(
                csv + ":3: column \"Điểm chấm công việc\" is not a number: \"mười\"",
                csv + ":4: column \"Nhóm\" is not a whole number 1-5: \"một\"",
                csv + ":3: column \"Điểm chấm công việc\" is not a number: \"mười\"",
                csv + ":4: column \"Nhóm\" is not a whole number 1-5: \"một\"",
                yml + ":13: version 3: products file missing.xlsx does not exist",
                yml + ":7: version 2 and version 1 (line 3) are both in force on 2026-06-01");
        assertThat(r.errors().get(4).line()).isEqualTo(13);
        assertThat(r.errors().get(4).reason()).isEqualTo("version 3: products file missing.xlsx does not exist");
    }

    @Test
    void headerWithoutTheSeedColumnsIsNamed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("c.csv");
        Files.writeString(csv, "Code,Nhiệm vụ,Points\nP1,Báo cáo,100\n");
        Path yml = dir.resolve("c.yml");
        Files.writeString(yml, "id: c\nversions:\n  - {version: '1', standardPoints: 100, products: c.csv}\n");

        assertThat(files.readCatalog(yml).errors()).extracting(Throwable::getMessage).containsExactly(csv
                + ":1: header has no column \"Mã sản phẩm\", \"Điểm chấm công việc\" (columns of seed 001 \"Bảng danh "
                + "mục\"; found [Code, Nhiệm vụ, Points])");
    }

    /** Writes the seed's table with POI: optional title rows above the header row. */
    static void writeWorkbook(Path file, String sheetName, int headerRow, Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet(sheetName);
            if (headerRow > 1) {
                sheet.createRow(0).createCell(0).setCellValue("BẢNG DANH MỤC Sản phẩm/công việc chuẩn");
            }
            Row h = sheet.createRow(headerRow - 1);
            for (int c = 0; c < HEADER.length; c++) {
                h.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(headerRow + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
        }
    }

    static Object[][] copy(Object[][] rows) {
        Object[][] out = new Object[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }
}
