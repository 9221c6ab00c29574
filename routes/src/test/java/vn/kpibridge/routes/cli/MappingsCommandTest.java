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
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void shippedMappingsAreValidWithTheRow8Warning() {
        int code = run("validate", "--mappings=" + ROOT.resolve("mappings"), "--schemes=" + ROOT.resolve("config/schemes"));

        assertThat(code).isZero();
        assertThat(out().lines().skip(1)).containsExactly(
                "CẢNH BÁO  mappings/catalogs/ban-to-chuc-tinh-uy-2026.1.csv:9: version 2026.1: product BTC-08 \"Tờ trình "
                        + "giao biên chế cán bộ, công chức, viên chức\": stated coefficient 1 but 120 / 100 = 1.2 (seed 001, "
                        + "Phụ lục 1, bước 3); the computed value is used",
                "Đã đọc: 3 nguồn, 1 phiên bản danh mục (8 sản phẩm), 8 quy tắc, 1 định danh, 6 phương án chấm điểm.",
                "Kết quả: 0 lỗi, 1 cảnh báo. Hợp lệ.");
        assertThat(out()).startsWith("Kiểm tra tệp ánh xạ trong " + ROOT.resolve("mappings"));
    }

    @Test
    void everyErrorIsPrintedAndTheExitCodeIs65(@TempDir Path dir) throws IOException {
        Path mappings = dir.resolve("mappings");
        copyTree(ROOT.resolve("mappings"), mappings);
        Path rules = mappings.resolve("rules/ban-to-chuc-tinh-uy.yml");
        Files.writeString(rules, Files.readString(rules).replace("R08-tt-cong-tac-can-bo", "R07-tt-giao-bien-che")
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
        assertThat(out()).endsWith("Kết quả: 3 lỗi, 1 cảnh báo. Không hợp lệ: sửa các lỗi trên rồi chạy lại.\n");
    }

    @Test
    void usageErrorsAndAMissingFolderHaveTheirOwnCodes(@TempDir Path dir) {
        assertThat(run()).isEqualTo(64);
        assertThat(run("check")).isEqualTo(64);
        assertThat(run("validate", "--verbose")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: mappings validate");
        assertThat(run("validate", "--mappings=" + dir.resolve("none"))).isEqualTo(66);
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
