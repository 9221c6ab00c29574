package vn.kpibridge.routes.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.connectors.mapping.RuleExplanation;
import vn.kpibridge.connectors.pull.JsonLocator;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordRejectedException;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.connectors.source.RejectedRecord;
import vn.kpibridge.connectors.source.SourceFileReader;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;
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
 *   <li>{@code mappings explain <sourceId> <file> [recordId] [--mappings=DIR] [--schemes=DIR]}:
 *       reads the records of a file as the source would deliver them (a file of a file source,
 *       read as the inbox reads it: JSON export, CSV, XLSX or edXML package; a saved API answer or
 *       item of a REST source, or an array of rows of an SQL source; each with the mapping's
 *       {@code derive} values added), prints the rows that cannot be read with their line and
 *       reason, and for each record
 *       (or the one given): its normalised fields with the location each was read from, the
 *       identity resolution, the catalog version in force for its period, every product rule
 *       tried with each condition's expected and actual values and whether it held
 *       ({@link ProductRuleEngine#explain}), and the decision with rule id and catalog version.
 *       Labels are in Vietnamese.</li>
 * </ul>
 *
 * <p>Exit codes: 0 no error (warnings allowed) / explained; 64 usage error or unknown source; 65
 * at least one error (validate), or a mapping file or the record file cannot be read (explain);
 * 66 the mappings folder or the record file does not exist, or the record id is not in the file. Defaults: {@code --mappings=mappings},
 * {@code --schemes=config/schemes} (relative to the working directory).
 */
public final class MappingsCommand {
    /** Exit code when the files have an error (sysexits EX_DATAERR). */
    public static final int EXIT_INVALID = 65;
    static final String USAGE = "usage: mappings validate [--mappings=<dir>] [--schemes=<dir>]\n"
            + "       mappings explain <sourceId> <file> [recordId] [--mappings=<dir>] [--schemes=<dir>]";

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
            case "explain" -> explain(rest, out, err);
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

    /** Vietnamese labels of the normalised fields ({@link NormalizedRecord} components). */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("recordId", "Mã bản ghi"), Map.entry("version", "Phiên bản"),
            Map.entry("type", "Loại bản ghi"), Map.entry("period", "Kỳ đánh giá"),
            Map.entry("assigneeId", "Người thực hiện (mã ở nguồn)"), Map.entry("unitId", "Đơn vị (mã ở nguồn)"),
            Map.entry("title", "Tên công việc"), Map.entry("productType", "Loại sản phẩm"),
            Map.entry("submissionLevel", "Cấp trình"), Map.entry("axis", "Trục kết quả"),
            Map.entry("plannedQuantity", "Số lượng kế hoạch"), Map.entry("doneQuantity", "Số lượng hoàn thành"),
            Map.entry("share", "Tỷ trọng"), Map.entry("dueDate", "Hạn xử lý"),
            Map.entry("completedDate", "Ngày hoàn thành"), Map.entry("status", "Trạng thái"),
            Map.entry("qualityFailures", "Số lần phải sửa đổi"), Map.entry("lateDeliveries", "Số lần chậm tiến độ"),
            Map.entry("leadershipFailures", "Số lần lãnh đạo không đạt"),
            Map.entry("objectiveCause", "Lý do khách quan"), Map.entry("qualityFactor", "Hệ số chất lượng"),
            Map.entry("timelinessFactor", "Hệ số tiến độ"), Map.entry("leadershipFactor", "Hệ số lãnh đạo"),
            Map.entry("generalCriteriaPoints", "Điểm tiêu chí chung"),
            Map.entry("selfProposedRating", "Tự đề xuất xếp loại"), Map.entry("forceMajeure", "Lý do bất khả kháng"),
            Map.entry("documentSymbol", "Số, ký hiệu văn bản"), Map.entry("categoryCodes", "Mã phân loại"),
            Map.entry("sourceId", "Nguồn"));

    /**
     * {@code mappings explain}.
     *
     * @param args source id, file, optional record id, options
     * @param out the explanation
     * @param err usage and read errors
     * @return 0, 64, 65 or 66 (see class documentation)
     */
    static int explain(String[] args, PrintStream out, PrintStream err) {
        Path mappings = Path.of("mappings");
        Path schemes = Path.of("config/schemes");
        List<String> positional = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--mappings=")) {
                mappings = Path.of(a.substring(11));
            } else if (a.startsWith("--schemes=")) {
                schemes = Path.of(a.substring(10));
            } else if (a.startsWith("--")) {
                err.println("mappings explain: unknown option " + a + "\n" + USAGE);
                return 64;
            } else {
                positional.add(a);
            }
        }
        if (positional.size() < 2 || positional.size() > 3) {
            err.println(USAGE);
            return 64;
        }
        String sourceId = positional.get(0);
        Path file = Path.of(positional.get(1));
        String wanted = positional.size() == 3 ? positional.get(2) : null;
        if (!Files.isDirectory(mappings)) {
            err.println("mappings explain: folder " + mappings.toAbsolutePath() + " does not exist (--mappings=<dir>)");
            return 66;
        }
        if (!Files.isRegularFile(file)) {
            err.println("mappings explain: " + file.toAbsolutePath() + " does not exist");
            return 66;
        }
        SourceSetup setup;
        try {
            setup = MappingRegistry.loadSource(mappings, schemes, sourceId);
        } catch (IllegalArgumentException e) {
            err.println("mappings explain: " + e.getMessage());
            return 64;
        } catch (MappingFileException e) {
            err.println("mappings explain: " + e.getMessage() + " (mappings validate lists every error)");
            return 65;
        } catch (IOException e) {
            err.println("mappings explain: " + e.getMessage());
            return 65;
        }
        ExportFile export;
        try {
            export = records(setup.mapping(), file);
        } catch (IOException | RuntimeException e) {
            err.println("mappings explain: " + e.getMessage());
            return 65;
        }
        List<RawRecord> records = export.records();
        if (wanted != null) {
            records = records.stream().filter(r -> wanted.equals(setup.normalizer().recordId(r))).toList();
            if (records.isEmpty()) {
                err.println("mappings explain: no record with id " + wanted + " in " + file + " (ids: "
                        + export.records().stream().map(r -> String.valueOf(setup.normalizer().recordId(r)))
                                .collect(Collectors.joining(", ")) + ")");
                return 66;
            }
        }
        SourceMapping m = setup.mapping();
        out.println("Nguồn " + m.id() + " (" + m.name() + "), tệp " + file + ": " + export.records().size() + " bản ghi"
                + (export.rejected().isEmpty() ? "" : ", " + export.rejected().size() + " dòng không đọc được")
                + (wanted == null ? "" : ", giải thích bản ghi " + wanted));
        int n = 0;
        for (RawRecord raw : records) {
            out.println();
            explainRecord(setup, export, raw, ++n, records.size(), out);
        }
        if (wanted == null) {
            for (RejectedRecord bad : export.rejected()) {
                out.println();
                out.println("== Dòng " + bad.line() + ": bị từ chối khi đọc tệp (sẽ vào hàng bị từ chối, REJECTED): "
                        + bad.reason());
            }
        }
        return 0;
    }

    private static void explainRecord(SourceSetup setup, ExportFile export, RawRecord raw, int n, int total,
            PrintStream out) {
        SourceMapping m = setup.mapping();
        String id = setup.normalizer().recordId(raw);
        out.println("== Bản ghi " + n + "/" + total + ": " + (id == null ? "(không có mã)" : id)
                + (raw.line() > 0 ? " (dòng " + raw.line() + ")" : "") + " ==");
        NormalizedRecord r;
        try {
            r = setup.normalizer().normalize(export.header(), raw);
        } catch (RecordRejectedException e) {
            out.println("Bị từ chối khi chuẩn hoá: " + e.getMessage());
            return;
        }
        out.println("Trường chuẩn hoá (tên trường, vị trí trong bản ghi nguồn):");
        for (RecordComponent c : NormalizedRecord.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v == null || (v instanceof java.util.Collection<?> col && col.isEmpty())) {
                continue;
            }
            String field = "recordId".equals(c.getName()) ? "id" : c.getName();
            String from = m.fields().get(field);
            String text = v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
            out.println("  " + LABELS.getOrDefault(c.getName(), c.getName()) + " (" + field
                    + (from == null ? "" : " ← " + from) + "): " + text);
        }
        if (r.assigneeId() == null) {
            out.println("Định danh: bản ghi không có người thực hiện (trường assigneeId)");
        } else {
            setup.identities().employee(r.assigneeId()).ifPresentOrElse(e -> out.println("Định danh: người dùng nguồn \""
                    + r.assigneeId() + "\" → cán bộ " + e.code() + " " + e.fullName()
                    + (e.position().isBlank() ? "" : ", " + e.position()) + ", đơn vị " + e.unitCode()
                    + (e.leader() ? ", lãnh đạo" : "")), () -> out.println("Định danh: người dùng nguồn \""
                    + r.assigneeId() + "\" không có trong " + setup.identities().file()
                    + ": bản ghi sẽ vào hàng chưa ánh xạ (UNMAPPED)"));
        }
        if (r.type() != RecordType.TASK) {
            out.println("Bản ghi loại " + r.type() + ": không ánh xạ sản phẩm (chỉ công việc, TASK, được ánh xạ)");
            return;
        }
        Catalog catalog;
        try {
            catalog = setup.catalog().forPeriod(Period.parse(r.period()));
        } catch (RuntimeException e) {
            out.println("Danh mục: không có phiên bản áp dụng: " + e.getMessage());
            return;
        }
        out.println("Danh mục áp dụng cho kỳ " + r.period() + ": " + catalog.id() + " v" + catalog.version()
                + " (hiệu lực từ " + catalog.effectiveFrom() + (catalog.effectiveTo() == null ? "" : " đến "
                + catalog.effectiveTo()) + ")");
        RuleExplanation x = setup.rules().explain(r, catalog);
        x.lines().forEach(out::println);
    }

    /**
     * The records of a file as the source delivers them: for a file source (file-inbox, csv, xlsx,
     * edxml) the file read as the inbox reads it ({@link SourceFileReader}: its type's reader, the
     * mapping's derived values added, unreadable rows kept as rejected); for REST and SQL sources a
     * saved answer page (items at {@code rest.items}), an array of records or one record, each with
     * the mapping's derived values added as a pull adds them ({@link RecordDerivation#of}).
     */
    private static ExportFile records(SourceMapping m, Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        String name = file.toString();
        if (m.isFileSource()) {
            return new SourceFileReader(m, mapper).read(name, file);
        }
        JsonNode root = mapper.readTree(file.toFile());
        JsonNode items = root;
        if (m.rest() != null && root.isObject() && !m.rest().items().isEmpty()) {
            JsonNode at = JsonLocator.compile(m.rest().items()).read(root);
            items = at == null ? root : at;
        }
        RecordDerivation derivation = RecordDerivation.of(m);
        List<RawRecord> records = new ArrayList<>();
        for (JsonNode item : items.isArray() ? items : List.of(items)) {
            records.add(new RawRecord(records.size(), 0, derivation.apply(item).payload()));
        }
        return new ExportFile(name, mapper.createObjectNode(), records);
    }
}
