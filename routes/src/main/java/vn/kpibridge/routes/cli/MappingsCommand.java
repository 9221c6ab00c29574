package vn.kpibridge.routes.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.kpibridge.connectors.config.MappingFinding;
import vn.kpibridge.connectors.config.MappingValidator;
import vn.kpibridge.connectors.config.ValidationReport;

/**
 * The {@code mappings} command of administrators (issue 4 point 9). Runs on the files alone,
 * without Spring, database or broker (like {@link ScoreCommand}):
 * <ul>
 *   <li>{@code mappings validate [--mappings=DIR] [--schemes=DIR]}: checks every source,
 *       catalog, rule, identity and scheme file ({@link MappingValidator}) and prints every
 *       finding as {@code LỖI|CẢNH BÁO  file:line: reason}, then a summary.</li>
 * </ul>
 *
 * <p>Exit codes: 0 no error (warnings allowed); 64 usage error; 65 at least one error; 66 the
 * mappings folder does not exist. Defaults: {@code --mappings=mappings},
 * {@code --schemes=config/schemes} (relative to the working directory).
 */
public final class MappingsCommand {
    /** Exit code when the files have an error (sysexits EX_DATAERR). */
    public static final int EXIT_INVALID = 65;
    static final String USAGE = "usage: mappings validate [--mappings=<dir>] [--schemes=<dir>]";

    private MappingsCommand() {
    }

    /**
     * @param args the command's arguments (after "mappings"): the sub-command, then its options
     * @param out where findings and the summary go
     * @param err where usage errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 64;
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "validate" -> validate(rest, out, err);
            default -> {
                err.println("mappings: unknown sub-command \"" + args[0] + "\"\n" + USAGE);
                yield 64;
            }
        };
    }

    /**
     * {@code mappings validate}.
     *
     * @param args options
     * @param out findings and summary
     * @param err usage errors
     * @return 0, 64, 65 or 66 (see class documentation)
     */
    static int validate(String[] args, PrintStream out, PrintStream err) {
        Path mappings = Path.of("mappings");
        Path schemes = Path.of("config/schemes");
        for (String a : args) {
            if (a.startsWith("--mappings=")) {
                mappings = Path.of(a.substring(11));
            } else if (a.startsWith("--schemes=")) {
                schemes = Path.of(a.substring(10));
            } else {
                err.println("mappings validate: unknown argument " + a + "\n" + USAGE);
                return 64;
            }
        }
        if (!Files.isDirectory(mappings)) {
            err.println("mappings validate: folder " + mappings.toAbsolutePath() + " does not exist (--mappings=<dir>)");
            return 66;
        }
        out.println("Kiểm tra tệp ánh xạ trong " + mappings.toAbsolutePath().normalize() + " và phương án chấm điểm trong "
                + schemes.toAbsolutePath().normalize());
        ValidationReport report = new MappingValidator(mappings, schemes).validate();
        for (MappingFinding f : report.findings()) {
            out.println((f.severity() == MappingFinding.Severity.ERROR ? "LỖI       " : "CẢNH BÁO  ") + f);
        }
        out.println("Đã đọc: " + report.sources() + " nguồn, " + report.catalogVersions() + " phiên bản danh mục ("
                + report.products() + " sản phẩm), " + report.rules() + " quy tắc, " + report.identities()
                + " định danh, " + report.schemes() + " phương án chấm điểm.");
        int errors = report.errors().size();
        out.println("Kết quả: " + errors + " lỗi, " + report.warnings().size() + " cảnh báo. "
                + (errors == 0 ? "Hợp lệ." : "Không hợp lệ: sửa các lỗi trên rồi chạy lại."));
        return errors == 0 ? 0 : EXIT_INVALID;
    }
}
