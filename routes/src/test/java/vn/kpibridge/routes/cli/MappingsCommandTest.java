package vn.kpibridge.routes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mappings validate} as an administrator runs it: on the files alone (no Spring context is
 * started here), every finding printed with its label and {@code file:line: reason}, exit code
 * 65 when there is an error.
 */
class MappingsCommandTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
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
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shippedMappingsAreValidWithTheRow8Warning() {
        int code = run("validate", "--mappings=" + ROOT.resolve("mappings"), "--schemes=" + ROOT.resolve("config/schemes"));

        assertThat(code).isZero();
        assertThat(out().lines().skip(1)).contains(
                "CẢNH BÁO  mappings/catalogs/ban-to-chuc-tinh-uy-2026.1.csv:9: version 2026.1: product BTC-08 \"Tờ trình "
                        + "giao biên chế cán bộ, công chức, viên chức\": stated coefficient 1 but 120 / 100 = 1.2 (seed 001, "
                        + "Phụ lục 1, bước 3); the computed value is used");
        assertThat(out().lines().filter(l -> l.startsWith("LỖI"))).isEmpty();
        assertThat(out()).containsPattern("Đã đọc: \\d+ nguồn, 1 phiên bản danh mục \\(8 sản phẩm\\), \\d+ quy tắc, "
                + "\\d+ định danh, 6 phương án chấm điểm.\n").containsPattern("Kết quả: 0 lỗi, \\d+ cảnh báo. Hợp lệ.\n$");
        assertThat(out()).startsWith("Kiểm tra tệp ánh xạ trong " + ROOT.resolve("mappings"));
    }

    @Test
    void everyErrorIsPrintedAndTheExitCodeIs65(@TempDir Path dir) throws IOException {
        Path mappings = dir.resolve("mappings");
        copyTree(ROOT.resolve("mappings"), mappings);
        Path rules = mappings.resolve("rules/ban-to-chuc-tinh-uy.yml");
        Files.writeString(rules, RULES.replace("R08-tt-cong-tac-can-bo", "R07-tt-giao-bien-che")
                .replace("product: BTC-04", "product: BTC-40"));
        Path source = mappings.resolve("sources/eoffice-btc.yml");
        Files.writeString(source, Files.readString(source).replace("scheme: seed001-worked-example", "scheme: an-giang"));

        int code = run("validate", "--mappings=" + mappings, "--schemes=" + ROOT.resolve("config/schemes"));

        assertThat(code).isEqualTo(65);
        assertThat(out().lines().filter(l -> l.startsWith("LỖI"))).containsExactly(
                "LỖI       mappings/rules/ban-to-chuc-tinh-uy.yml:16: rule R04-tt-sinh-hoat-dang-truc-tuyen: unknown product "
                        + "BTC-40: not in ban-to-chuc-tinh-uy v2026.1",
                "LỖI       mappings/rules/ban-to-chuc-tinh-uy.yml:26: duplicate rule id R07-tt-giao-bien-che (first on "
                        + "line 23)",
                "LỖI       mappings/sources/eoffice-btc.yml:10: unknown scheme \"an-giang\": no an-giang.yml in schemes "
                        + "(known: an-giang-quarterly-leaders, ha-noi-phuc-loi-monthly, nghe-an-groups, "
                        + "seed001-worked-example, thai-nguyen-monthly, vast-quarterly-leaders)");
        assertThat(out()).containsPattern("Kết quả: 3 lỗi, \\d+ cảnh báo. Không hợp lệ: sửa các lỗi trên rồi chạy lại.\n$");
    }

    @Test
    void usageErrorsAndAMissingFolderHaveTheirOwnCodes(@TempDir Path dir) {
        assertThat(run()).isEqualTo(64);
        assertThat(run("check")).isEqualTo(64);
        assertThat(run("validate", "--verbose")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: mappings validate");
        assertThat(run("validate", "--mappings=" + dir.resolve("none"))).isEqualTo(66);
    }

    @Test
    void explainShowsFieldsIdentityEveryRuleTriedAndTheDecisionForOneRecordOfTheSample(@TempDir Path dir)
            throws IOException {
        int code = run("explain", "eoffice-btc", ROOT.resolve("samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json")
                .toString(), "CV-2026-Q2-0003", "--mappings=" + fixture(dir),
                "--schemes=" + ROOT.resolve("config/schemes"));

        assertThat(code).isZero();
        // (a record that carries its source id shows it too: "  Nguồn (sourceId): eoffice-btc")
        assertThat(out().lines().skip(1).filter(l -> !l.startsWith("  Nguồn (sourceId)"))).containsExactly(
                "",
                "== Bản ghi 1/1: CV-2026-Q2-0003 (dòng 26) ==",
                "Trường chuẩn hoá (tên trường, vị trí trong bản ghi nguồn):",
                "  Mã bản ghi (id ← /id): CV-2026-Q2-0003",
                "  Phiên bản (version ← /version): 1",
                "  Loại bản ghi (type ← /loai): TASK",
                "  Kỳ đánh giá (period ← /ky): 2026-Q2",
                "  Người thực hiện (mã ở nguồn) (assigneeId ← /nguoiThucHienId): u-1024",
                "  Đơn vị (mã ở nguồn) (unitId ← /donViId): btc-tu",
                "  Tên công việc (title ← /tenCongViec): Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở đảng, đảng viên "
                        + "quý II/2026",
                "  Loại sản phẩm (productType ← /sanPham): Báo cáo",
                "  Cấp trình (submissionLevel ← /capTrinh): Lãnh đạo Ban",
                "  Số lượng kế hoạch (plannedQuantity ← /soLuongKeHoach): 1",
                "  Số lượng hoàn thành (doneQuantity ← /soLuongHoanThanh): 1",
                "  Hạn xử lý (dueDate ← /hanXuLy): 2026-06-25",
                "  Ngày hoàn thành (completedDate ← /ngayHoanThanh): 2026-06-25",
                "  Trạng thái (status ← /trangThai): DONE",
                "  Số lần phải sửa đổi (qualityFailures ← /danhGia/soLanPhaiSuaDoi): 0",
                "  Số lần chậm tiến độ (lateDeliveries ← /danhGia/soLanChamTienDo): 0",
                "  Số lần lãnh đạo không đạt (leadershipFailures ← /danhGia/soLanLanhDaoKhongDatYeuCau): 0",
                "Định danh: người dùng nguồn \"u-1024\" → cán bộ BTC-CB-0001 Nguyễn Văn A, Phó Trưởng Ban Tổ chức Tỉnh ủy, "
                        + "đơn vị BTC-TU, lãnh đạo",
                "Danh mục áp dụng cho kỳ 2026-Q2: ban-to-chuc-tinh-uy v2026.1 (hiệu lực từ 2026-04-01)",
                "Bản ghi CV-2026-Q2-0003, tệp quy tắc ban-to-chuc-tinh-uy.yml:",
                "1. R01-bc-to-chuc-co-so-dang (BTC-03): khớp",
                "   - recordType: cần \"TASK\", bản ghi có \"TASK\": đạt",
                "   - productType: cần \"Báo cáo\", bản ghi có \"Báo cáo\": đạt",
                "   - titlePattern: cần \"tổ chức cơ sở đảng\", bản ghi có \"Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở "
                        + "đảng, đảng viên quý II/2026\": đạt",
                "2. R02-bc-hang-thang (BTC-01): không xét (đã có quy tắc khớp trước)",
                "3. R03-bc-hang-quy (BTC-02): không xét (đã có quy tắc khớp trước)",
                "4. R04-tt-sinh-hoat-dang-truc-tuyen (BTC-04): không xét (đã có quy tắc khớp trước)",
                "5. R05-tt-xay-dung-chinh-don-dang (BTC-05): không xét (đã có quy tắc khớp trước)",
                "6. R06-qd-dieu-dong-tiep-nhan (BTC-06): không xét (đã có quy tắc khớp trước)",
                "7. R07-tt-giao-bien-che (BTC-08): không xét (đã có quy tắc khớp trước)",
                "8. R08-tt-cong-tac-can-bo (BTC-07): không xét (đã có quy tắc khớp trước)",
                "Kết quả: sản phẩm BTC-03 theo quy tắc R01-bc-to-chuc-co-so-dang, danh mục ban-to-chuc-tinh-uy v2026.1, "
                        + "hệ số 1.2");
        assertThat(out()).startsWith("Nguồn eoffice-btc (Hệ thống quản lý văn bản và điều hành - Ban Tổ chức Tỉnh ủy), "
                + "tệp " + ROOT.resolve("samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json") + ": 6 bản ghi, giải thích "
                + "bản ghi CV-2026-Q2-0003\n");
    }

    @Test
    void explainReadsASavedRestAnswerWithDerivedValuesAndShowsWhyARecordIsUnmapped(@TempDir Path dir)
            throws IOException {
        Path page = dir.resolve("ioffice-page.json");
        Files.writeString(page, """
                {"PageData": [
                  {"Id": 90231, "TenCv": "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng",
                   "NguoiThucHienId": "u-1024", "DonViThucHienId": "btc-tu", "HanXuLy": "2026/06/30",
                   "NgayHoanThanh": "2026/06/30", "TrangThai": 2, "NgayCapNhat": "2026/06/30 16:45:00",
                   "LoaiSanPham": "Báo cáo", "CapTrinh": "Lãnh đạo Ban", "SoLuongKeHoach": 2, "SoLuongHoanThanh": 1,
                   "KetQuaDanhGia": [{"TieuChi": "CHAT_LUONG", "SoLanKhongDat": 1, "HeSo": 0.9}]},
                  {"Id": 90240, "TenCv": "Kế hoạch kiểm tra công tác đảng viên năm 2026",
                   "NguoiThucHienId": "u-7777", "DonViThucHienId": "btc-tu", "HanXuLy": "2026/06/15",
                   "TrangThai": 1, "NgayCapNhat": "2026/06/01 08:00:00", "LoaiSanPham": "Kế hoạch",
                   "SoLuongKeHoach": 1, "SoLuongHoanThanh": 0}
                ], "TotalRows": 2, "CurrentPage": 1, "PageSize": 50, "TotalPage": 1}
                """);

        Path mappings = fixture(dir);
        int code = run("explain", "ioffice-tasks", page.toString(), "--mappings=" + mappings,
                "--schemes=" + ROOT.resolve("config/schemes"));

        assertThat(code).isZero();
        String text = out();
        assertThat(text).contains("== Bản ghi 1/2: 90231 ==",
                "  Phiên bản (version ← /_derived/version): 20260630164500",
                "  Kỳ đánh giá (period ← /_derived/period): 2026-Q2",
                "  Số lần phải sửa đổi (qualityFailures ← /_derived/soLanPhaiSuaDoi): 1",
                "  Hệ số chất lượng (qualityFactor ← /_derived/heSoChatLuong): 0.9",
                "  Trạng thái (status ← /TrangThai): DONE",
                "Kết quả: sản phẩm BTC-01 theo quy tắc R02-bc-hang-thang, danh mục ban-to-chuc-tinh-uy v2026.1, hệ số 1");
        String second = text.substring(text.indexOf("== Bản ghi 2/2: 90240 =="));
        assertThat(second).contains(
                "Định danh: người dùng nguồn \"u-7777\" không có trong " + mappings
                        .resolve("identities/ban-to-chuc-tinh-uy.csv") + ": bản ghi sẽ vào hàng chưa ánh xạ (UNMAPPED)",
                "1. R01-bc-to-chuc-co-so-dang (BTC-03): không khớp",
                "   - productType: cần \"Báo cáo\", bản ghi có \"Kế hoạch\": không đạt",
                "6. R06-qd-dieu-dong-tiep-nhan (BTC-06): không khớp",
                "   - titlePattern: cần \"điều động|tiếp nhận công chức\", bản ghi có \"Kế hoạch kiểm tra công tác đảng viên "
                        + "năm 2026\": không đạt",
                "Kết quả: không ánh xạ được: no rule of ban-to-chuc-tinh-uy.yml matched (8 rules tried; title \"Kế hoạch "
                        + "kiểm tra công tác đảng viên năm 2026\", product type \"Kế hoạch\")");
        assertThat(second).doesNotContain("không xét");
    }

    @Test
    void explainNamesAnUnknownSourceAMissingRecordAndARejectedRecord(@TempDir Path dir) throws IOException {
        String sample = ROOT.resolve("samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json").toString();
        String[] opts = {"--mappings=" + ROOT.resolve("mappings"), "--schemes=" + ROOT.resolve("config/schemes")};
        assertThat(run("explain", "eoffice", sample, opts[0], opts[1])).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no source mapping with id \"eoffice\"")
                .contains("(configured: ").contains("eoffice-btc, ioffice-tasks");
        assertThat(run("explain", "eoffice-btc", sample, "CV-9", opts[0], opts[1])).isEqualTo(66);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no record with id CV-9 in " + sample
                + " (ids: CV-2026-Q2-0001, CV-2026-Q2-0002, CV-2026-Q2-0003, CV-2026-Q2-0004, CV-2026-Q2-0005, "
                + "DG-2026-Q2-u1024)");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"period\": \"2026-Q2\", \"records\": [{\"id\": \"X-1\", \"loai\": \"CONG_VIEC\", "
                + "\"soLuongKeHoach\": -1}]}");
        assertThat(run("explain", "eoffice-btc", bad.toString(), opts[0], opts[1])).isZero();
        assertThat(out()).contains("Bị từ chối khi chuẩn hoá: record X-1: field \"plannedQuantity\" (/soLuongKeHoach) "
                + "is negative (-1)");
    }

    @Test
    void explainReadsACsvExportAsTheInboxDoesWithItsDerivedValuesAndUnreadableRows() {
        String csv = ROOT.resolve("samples/sources/qlcv-csv/cong-viec-quy-II-2026.csv").toString();
        String[] opts = {"--mappings=" + ROOT.resolve("mappings"), "--schemes=" + ROOT.resolve("config/schemes")};

        int code = run("explain", "qlcv-csv", csv, "QLCV-2026-0102", opts[0], opts[1]);

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).startsWith("Nguồn qlcv-csv (Phần mềm quản lý công việc - tệp xuất CSV - Ban Tổ chức Tỉnh ủy), "
                + "tệp " + csv + ": 8 bản ghi, 1 dòng không đọc được, giải thích bản ghi QLCV-2026-0102\n");
        assertThat(out().lines()).contains(
                "== Bản ghi 1/1: QLCV-2026-0102 (dòng 3) ==",
                "  Mã bản ghi (id ← /Mã công việc): QLCV-2026-0102",
                // constants and file.derive of the mapping, added as the inbox adds them
                "  Loại bản ghi (type ← /_derived/loai): TASK",
                "  Kỳ đánh giá (period ← /_derived/period): 2026-Q2",
                "  Tên công việc (title ← /Tên công việc): Báo cáo tình hình tổ chức cơ sở đảng, đảng viên quý II/2026",
                "  Hạn xử lý (dueDate ← /Hạn xử lý): 2026-06-30",
                "  Số lần phải sửa đổi (qualityFailures ← /Số lần phải sửa đổi): 1",
                "  Mã phân loại (categoryCodes ← /Lĩnh vực): [TCCS, ĐV]",
                "Định danh: người dùng nguồn \"lan.tt\" → cán bộ BTC-CB-0002 Trần Thị Lan, Chuyên viên Phòng Tổ chức cán bộ, "
                        + "đơn vị BTC-TU",
                "   - documentType: cần \"BC\", bản ghi có \"BC\": đạt",
                "   - categoryCodes: cần \"TCCS, ĐV\", bản ghi có \"TCCS, ĐV\": đạt",
                "Kết quả: sản phẩm BTC-03 theo quy tắc R20-bc-to-chuc-co-so-dang, danh mục ban-to-chuc-tinh-uy v2026.1, "
                        + "hệ số 1.2");

        // the whole file: the row the CSV reader rejects is shown with its line and reason
        out.reset();
        assertThat(run("explain", "qlcv-csv", csv, opts[0], opts[1])).isZero();
        assertThat(out().lines()).contains("== Dòng 9: bị từ chối khi đọc tệp (sẽ vào hàng bị từ chối, REJECTED): row has "
                + "values beyond the 15 columns named by the header (line 1): column 16 (P) \"dòng thừa\"");
    }

    /** A copy of the shipped mappings with this test's rule file. */
    private static Path fixture(Path dir) throws IOException {
        Path mappings = dir.resolve("mappings");
        copyTree(ROOT.resolve("mappings"), mappings);
        Files.writeString(mappings.resolve("rules/ban-to-chuc-tinh-uy.yml"), RULES, StandardCharsets.UTF_8);
        return mappings;
    }

    private int run(String... args) {
        return MappingsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
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
}
