package vn.kpibridge.connectors.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.connectors.mapping.IdentityMap;
import vn.kpibridge.connectors.mapping.ProductRule;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.SourceFormatException;
import vn.kpibridge.connectors.tabular.CsvExportReader;
import vn.kpibridge.connectors.tabular.RejectedRow;
import vn.kpibridge.connectors.tabular.TabularRowHandler;
import vn.kpibridge.connectors.tabular.XlsxExportReader;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Product;
import vn.kpibridge.scoring.Scheme;

/**
 * Loads the files administrators edit: source mappings, catalogs (YAML header + CSV with the
 * seed's own columns), product rules, identity maps (CSV) and scoring schemes (YAML). YAML and
 * CSV are parsed by Jackson; every error is a {@link MappingFileException} naming file, line and
 * reason.
 */
public final class MappingFiles {
    /** Catalog CSV columns, as in seed 001 "Bảng danh mục" plus a product code and a group. */
    public static final String COL_CODE = "Mã sản phẩm";
    public static final String COL_NAME = "Nhiệm vụ";
    public static final String COL_LEVEL = "Cấp trình";
    public static final String COL_PRODUCT = "Sản phẩm";
    public static final String COL_POINTS = "Điểm chấm công việc";
    public static final String COL_COEFFICIENT = "Hệ số quy đổi";
    public static final String COL_GROUP = "Nhóm";

    private final ObjectMapper yaml;

    /** Creates a loader with strict YAML binding (unknown keys are errors). */
    public MappingFiles() {
        this.yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * @param file a scheme YAML file ({@code config/schemes/*.yml})
     * @return the validated scheme
     * @throws MappingFileException on unreadable YAML, unknown keys or rules, or a scheme that
     *     fails validation (axes not summing to the task maximum, overlapping bands...)
     */
    public Scheme loadScheme(Path file) {
        return bind(file, Scheme.class);
    }

    /**
     * @param file a source mapping YAML file
     * @return the source mapping
     * @throws MappingFileException on unreadable YAML or unknown keys
     */
    public SourceMapping loadSource(Path file) {
        return bind(file, SourceMapping.class);
    }

    /** YAML shape of a catalog file. */
    record CatalogFile(String id, String name, List<CatalogVersionFile> versions) {
    }

    /** YAML shape of one catalog version; {@code sheet} applies to an .xlsx table only. */
    record CatalogVersionFile(String version, LocalDate effectiveFrom, LocalDate effectiveTo, String approvedBy,
            BigDecimal standardPoints, String products, String sheet, Integer headerRow) {
    }

    /**
     * @param file catalog YAML; each version names its product table (relative to the YAML), a
     *     {@code .csv} (UTF-8) or {@code .xlsx} file with the columns of seed 001 "Bảng danh mục":
     *     {@value #COL_CODE}, {@value #COL_NAME}, {@value #COL_LEVEL}, {@value #COL_PRODUCT},
     *     {@value #COL_POINTS}, {@value #COL_COEFFICIENT} and optionally {@value #COL_GROUP}
     *     (decimal comma accepted: "1,2"); other columns of the seed (TT, Độ khó..., Số lượng,
     *     Tiến độ, Ghi chú) may be present and are not read. An .xlsx table is read from the sheet
     *     named by the version's {@code sheet} (default the first sheet). The header is the
     *     table's first non-empty row, or the row (line) given as {@code headerRow} when a title
     *     such as "BẢNG DANH MỤC" stands above it.
     * @return all versions of the catalog
     * @throws MappingFileException the first error of {@link #readCatalog(Path)}, naming the YAML
     *     or table file and line (and for XLSX the sheet, cell and column)
     */
    public CatalogVersions loadCatalog(Path file) {
        return readCatalog(file).orThrow();
    }

    /**
     * Reads a catalog file collecting every error instead of stopping at the first: a bad product
     * row is reported and left out, the other rows and versions are read. Errors: unreadable YAML
     * or unknown keys; no versions; a version without label, product table or standard points; a
     * missing table; a table whose header lacks a required column; a row with an empty required
     * cell, a non-number, points not above 0, a group outside 1-5 (seed 000, 3.2) or a code already
     * used in the version; two versions in force on the same day.
     *
     * @param file catalog YAML (see {@link #loadCatalog(Path)})
     * @return the versions read, each product row with its line, and the errors
     */
    public CatalogReading readCatalog(Path file) {
        List<MappingFileException> errors = new ArrayList<>();
        List<CatalogReading.ProductRow> rows = new ArrayList<>();
        CatalogFile cf;
        try {
            cf = bind(file, CatalogFile.class);
        } catch (MappingFileException e) {
            errors.add(e);
            return new CatalogReading(file, null, rows, errors);
        }
        YamlLines lines = YamlLines.of(file);
        String at = file.toString();
        if (blank(cf.id())) {
            errors.add(new MappingFileException(at, lines.line("/id"), "catalog has no id", null));
        }
        if (cf.versions() == null || cf.versions().isEmpty()) {
            errors.add(new MappingFileException(at, lines.line("/versions"), "catalog has no versions", null));
            return new CatalogReading(file, null, rows, errors);
        }
        List<Catalog> versions = new ArrayList<>();
        List<Integer> versionLines = new ArrayList<>();
        for (int i = 0; i < cf.versions().size(); i++) {
            CatalogVersionFile v = cf.versions().get(i);
            String entry = "/versions/" + i;
            if (blank(v.version()) || blank(v.products()) || v.standardPoints() == null) {
                String missing = blank(v.version()) ? "version" : blank(v.products()) ? "products" : "standardPoints";
                errors.add(new MappingFileException(at, lines.line(entry), "version #" + (i + 1) + " has no " + missing
                        + " (each version needs version, standardPoints and products, a .csv or .xlsx table)", null));
                continue;
            }
            Path table = file.resolveSibling(v.products());
            if (!Files.isRegularFile(table)) {
                errors.add(new MappingFileException(at, lines.line(entry + "/products"), "version " + v.version()
                        + ": products file " + v.products() + " does not exist", null));
                continue;
            }
            if (v.sheet() != null && !isXlsx(table)) {
                errors.add(new MappingFileException(at, lines.line(entry + "/sheet"), "version " + v.version()
                        + ": sheet is only for an .xlsx products file, not " + v.products(), null));
            }
            if (v.headerRow() != null && v.headerRow() < 1) {
                errors.add(new MappingFileException(at, lines.line(entry + "/headerRow"), "version " + v.version()
                        + ": headerRow must be a row number from 1, got " + v.headerRow(), null));
                continue;
            }
            List<Product> products = readProducts(table, v.sheet(), v.headerRow() == null ? 0 : v.headerRow(),
                    v.version(), rows, errors);
            try {
                versions.add(new Catalog(cf.id() == null ? "" : cf.id(), v.version(), v.effectiveFrom(), v.effectiveTo(),
                        v.standardPoints(), products));
                versionLines.add(lines.line(entry));
            } catch (RuntimeException e) {
                errors.add(new MappingFileException(at, lines.line(entry), "version " + v.version() + ": "
                        + e.getMessage(), e));
            }
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < i; j++) {
                LocalDate day = overlap(versions.get(j), versions.get(i));
                if (day != null) {
                    errors.add(new MappingFileException(at, versionLines.get(i), "version " + versions.get(i).version()
                            + " and version " + versions.get(j).version() + " (line " + versionLines.get(j)
                            + ") are both in force on " + day, null));
                }
            }
        }
        return new CatalogReading(file, new CatalogVersions(cf.id(), cf.name(), versions), rows, errors);
    }

    /** @return the first day both versions are in force, or null when their periods do not meet */
    private static LocalDate overlap(Catalog a, Catalog b) {
        LocalDate from = max(a.effectiveFrom(), b.effectiveFrom());
        LocalDate to = a.effectiveTo() == null ? b.effectiveTo()
                : b.effectiveTo() == null || a.effectiveTo().isBefore(b.effectiveTo()) ? a.effectiveTo() : b.effectiveTo();
        if (from != null && to != null && from.isAfter(to)) {
            return null;
        }
        return from != null ? from : to != null ? to : LocalDate.MIN;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static boolean isXlsx(Path table) {
        return table.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    /** A cell that cannot be read; the caller adds file, line and (for XLSX) sheet and cell. */
    private static final class CellProblem extends RuntimeException {
        private final String column;

        CellProblem(String column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }

    /**
     * Reads one version's product table, CSV ({@link CsvExportReader}) or XLSX
     * ({@link XlsxExportReader}, Apache POI streaming): both give header -> cell text rows, which
     * one path turns into products.
     */
    private List<Product> readProducts(Path table, String sheet, int headerRow, String version,
            List<CatalogReading.ProductRow> rows,
            List<MappingFileException> errors) {
        boolean xlsx = isXlsx(table);
        String name = table.toString();
        List<Product> products = new ArrayList<>();
        // row problems wait for the sheet name (known once the XLSX reader has found the sheet)
        List<Object[]> problems = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        Map<String, Integer> codeLines = new java.util.HashMap<>();
        TabularRowHandler handler = new TabularRowHandler() {
            private boolean usable;

            @Override
            public void header(int line, List<String> names) {
                headers.addAll(names);
                List<String> missing = java.util.stream.Stream.of(COL_CODE, COL_NAME, COL_POINTS)
                        .filter(c -> !names.contains(c)).toList();
                usable = missing.isEmpty();
                if (!usable) {
                    problems.add(new Object[] {line, null, "header has no column " + missing.stream()
                            .map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(", "))
                            + " (columns of seed 001 \"Bảng danh mục\"; found " + names + ")"});
                }
            }

            @Override
            public void record(RawRecord r) {
                if (!usable) {
                    return;
                }
                Map<String, String> row = cells(r);
                try {
                    Product p = product(row);
                    Integer first = codeLines.putIfAbsent(p.code(), r.line());
                    if (first != null) {
                        throw new CellProblem(COL_CODE, "product code " + p.code() + " is already on "
                                + (xlsx ? "row " : "line ") + first);
                    }
                    products.add(p);
                    rows.add(new CatalogReading.ProductRow(version, p, table, r.line()));
                } catch (CellProblem e) {
                    problems.add(new Object[] {r.line(), e.column, e.getMessage()});
                }
            }

            @Override
            public void rejected(RejectedRow row) {
                problems.add(new Object[] {row.line(), null, row.reason()});
            }
        };
        String sheetRead = null;
        try {
            if (xlsx) {
                sheetRead = new XlsxExportReader(sheet, headerRow).read(table, name, handler);
            } else {
                try (java.io.InputStream in = Files.newInputStream(table)) {
                    new CsvExportReader(',', headerRow).read(name, in, handler);
                }
            }
        } catch (SourceFormatException e) {
            errors.add(new MappingFileException(name, e.line(), e.reason(), e));
        } catch (IOException e) {
            errors.add(new MappingFileException(name, 0, "cannot read: " + e, e));
        }
        for (Object[] p : problems) {
            int line = (Integer) p[0];
            String column = (String) p[1];
            String where = "";
            if (sheetRead != null) {
                int index = column == null ? -1 : headers.indexOf(column);
                where = "sheet \"" + sheetRead + "\"" + (index < 0 ? "" : ", cell "
                        + org.apache.poi.ss.util.CellReference.convertNumToColString(index) + line) + ": ";
            }
            errors.add(new MappingFileException(name, line, where + p[2], null));
        }
        return products;
    }

    /** The one row-to-product path of CSV and XLSX tables. */
    private static Product product(Map<String, String> row) {
        String group = row.get(COL_GROUP);
        Integer complexityGroup = null;
        if (!blank(group)) {
            try {
                complexityGroup = Integer.valueOf(group.trim());
            } catch (NumberFormatException e) {
                throw new CellProblem(COL_GROUP, "column \"" + COL_GROUP + "\" is not a whole number 1-5: \"" + group
                        + "\"");
            }
        }
        String code = cell(row, COL_CODE);
        BigDecimal points = number(row, COL_POINTS, true);
        try {
            return new Product(code, cell(row, COL_NAME), trimmed(row.get(COL_PRODUCT)), trimmed(row.get(COL_LEVEL)),
                    points, number(row, COL_COEFFICIENT, false), complexityGroup);
        } catch (IllegalArgumentException e) {
            throw new CellProblem(e.getMessage().contains("group") ? COL_GROUP : COL_POINTS, e.getMessage());
        }
    }

    private static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        if (blank(v)) {
            throw new CellProblem(column, "column \"" + column + "\" is empty or missing");
        }
        return v.trim();
    }

    private static String trimmed(String v) {
        return v == null ? null : v.trim();
    }

    private static BigDecimal number(Map<String, String> row, String column, boolean required) {
        String v = row.get(column);
        if (blank(v)) {
            if (required) {
                throw new CellProblem(column, "column \"" + column + "\" is empty or missing");
            }
            return null;
        }
        try {
            return new BigDecimal(v.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new CellProblem(column, "column \"" + column + "\" is not a number: \"" + v + "\"");
        }
    }

    /** YAML shape of a product rule file. */
    record RulesFile(List<RuleFile> rules) {
    }

    /** YAML shape of one rule. */
    record RuleFile(String id, When when, String product, String axis) {
    }

    /**
     * YAML shape of a rule's conditions; list keys take one value or a list (any of).
     *
     * @param sourceId source ids
     * @param recordType TASK or ASSESSMENT
     * @param documentType type abbreviations of the document symbol
     * @param issuer issuers of the document symbol
     * @param productType product type
     * @param submissionLevel submission level
     * @param categoryCodes category codes (any of the record's)
     * @param titlePattern regular expression searched in the title
     */
    record When(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> sourceId,
            String recordType,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> documentType,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> issuer,
            String productType,
            String submissionLevel,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> categoryCodes,
            String titlePattern) {
    }

    private static final java.util.Set<String> RECORD_TYPES = java.util.Arrays.stream(
            vn.kpibridge.connectors.source.RecordType.values()).map(Enum::name).collect(java.util.stream.Collectors.toSet());

    /**
     * @param file product rule YAML: {@code rules: [{id, when: {sourceId, recordType, documentType,
     *     issuer, productType, submissionLevel, categoryCodes, titlePattern}, product, axis}]}, first
     *     match wins (the keys are documented in the header of {@code mappings/rules/*.yml})
     * @return the rule engine
     * @throws MappingFileException naming the rule's line, on a missing id or product, duplicate
     *     ids, an unknown record type, a document type abbreviation in no table of
     *     Nghị định 30/2020 Phụ lục III or of the party's Hướng dẫn 36-HD/VPTW, or a bad pattern
     */
    public ProductRuleEngine loadRules(Path file) {
        RulesFile rf = bind(file, RulesFile.class);
        List<ProductRule> rules = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        vn.kpibridge.connectors.docsymbol.DocumentTypeTable types = vn.kpibridge.connectors.docsymbol.DocumentTypeTable
                .standard();
        YamlLines lines = YamlLines.of(file);
        List<RuleFile> given = rf.rules() == null ? List.of() : rf.rules();
        for (int i = 0; i < given.size(); i++) {
            RuleFile r = given.get(i);
            int line = lines.line("/rules/" + i + "/id");
            if (blank(r.id()) || blank(r.product())) {
                throw new MappingFileException(file.toString(), line, "rule #" + (rules.size() + 1)
                        + " needs an id and a product", null);
            }
            if (!ids.add(r.id())) {
                throw new MappingFileException(file.toString(), line, "duplicate rule id " + r.id(), null);
            }
            When w = r.when() == null ? new When(null, null, null, null, null, null, null, null) : r.when();
            if (w.recordType() != null && !RECORD_TYPES.contains(w.recordType().trim().toUpperCase(java.util.Locale.ROOT))) {
                throw new MappingFileException(file.toString(), line, "rule " + r.id() + ": recordType \""
                        + w.recordType() + "\" is not one of " + new java.util.TreeSet<>(RECORD_TYPES), null);
            }
            for (String t : w.documentType() == null ? List.<String>of() : w.documentType()) {
                boolean known = vn.kpibridge.connectors.source.NormalizedRecord.OFFICIAL_LETTER_ABBREVIATION
                        .equalsIgnoreCase(t.trim())
                        || java.util.Arrays.stream(vn.kpibridge.connectors.docsymbol.DocumentSystem.values())
                                .anyMatch(s -> types.find(s, t.trim()).isPresent());
                if (!known) {
                    throw new MappingFileException(file.toString(), line, "rule " + r.id() + ": documentType \"" + t
                            + "\" is in no document type table (Nghị định 30/2020/NĐ-CP Phụ lục III, party "
                            + "Hướng dẫn 36-HD/VPTW)", null);
                }
            }
            Pattern p;
            try {
                p = w.titlePattern() == null ? null
                        : Pattern.compile(w.titlePattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new MappingFileException(file.toString(), line, "rule " + r.id() + ": bad titlePattern: "
                        + e.getDescription(), e);
            }
            rules.add(new ProductRule(r.id(), ProductRule.conditions(w.sourceId(), w.recordType(), w.documentType(),
                    w.issuer(), w.productType(), w.submissionLevel(), w.categoryCodes(), p), r.product(), r.axis()));
        }
        return new ProductRuleEngine(file.getFileName().toString(), rules);
    }

    /** Identity CSV columns. */
    private static final List<String> IDENTITY_REQUIRED = List.of("source_user_id", "employee_code", "full_name",
            "unit_code");

    /**
     * @param file identity CSV with columns source_user_id, employee_code, full_name, position,
     *     unit_code, unit_name, leader (true/false), and the optional parent_unit (code of the unit
     *     above unit_code) and role (HEAD, DEPUTY or MEMBER); files without them load as before
     * @return the identity map
     * @throws MappingFileException the first error of {@link #readIdentities(Path, List)}
     */
    public IdentityMap loadIdentities(Path file) {
        List<MappingFileException> errors = new ArrayList<>();
        IdentityMap map = readIdentities(file, errors);
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return map;
    }

    /**
     * Reads an identity CSV collecting every error: a header without a required column
     * (source_user_id, employee_code, full_name, unit_code); a row whose user or employee is
     * unknown (a required cell empty); a source user id already mapped on an earlier line; an
     * employee code given on an earlier line with another name or unit (one employee may have
     * several source user ids, but one identity). Bad rows are left out of the map.
     *
     * @param file identity CSV (see {@link #loadIdentities(Path)})
     * @param errors receives each error, naming file, line and reason
     * @return the map of the good rows
     */
    public IdentityMap readIdentities(Path file, List<MappingFileException> errors) {
        Map<String, Employee> map = new LinkedHashMap<>();
        Map<String, Integer> userLines = new java.util.HashMap<>();
        Map<String, Integer> employeeLines = new java.util.HashMap<>();
        Map<String, Employee> employees = new java.util.HashMap<>();
        String name = file.toString();
        TabularRowHandler handler = new TabularRowHandler() {
            private boolean usable;

            @Override
            public void header(int line, List<String> headers) {
                List<String> missing = IDENTITY_REQUIRED.stream().filter(c -> !headers.contains(c)).toList();
                usable = missing.isEmpty();
                if (!usable) {
                    errors.add(new MappingFileException(name, line, "header has no column " + String.join(", ", missing)
                            + " (columns: source_user_id, employee_code, full_name, position, unit_code, unit_name, "
                            + "leader, and optionally parent_unit, role)", null));
                }
            }

            @Override
            public void record(RawRecord r) {
                if (!usable) {
                    return;
                }
                Map<String, String> row = cells(r);
                int line = r.line();
                try {
                    String user = required(file, line, row, "source_user_id");
                    String role = blankToNull(row.get("role"));
                    if (role != null) {
                        role = role.toUpperCase(java.util.Locale.ROOT);
                        if (!List.of("HEAD", "DEPUTY", "MEMBER").contains(role)) {
                            throw new MappingFileException(name, line, "column role: must be HEAD, DEPUTY or MEMBER, got \""
                                    + row.get("role") + "\"", null);
                        }
                    }
                    Employee e = new Employee(required(file, line, row, "employee_code"),
                            required(file, line, row, "full_name"), Objects.toString(row.get("position"), ""),
                            required(file, line, row, "unit_code"), Objects.toString(row.get("unit_name"), ""),
                            Boolean.parseBoolean(Objects.toString(row.get("leader"), "false").trim()),
                            blankToNull(row.get("parent_unit")), role);
                    Integer first = userLines.get(user);
                    if (first != null) {
                        throw new MappingFileException(name, line, "duplicate source_user_id " + user
                                + " (first on line " + first + ")", null);
                    }
                    Employee known = employees.get(e.code());
                    if (known != null && (!known.fullName().equals(e.fullName()) || !known.unitCode().equals(e.unitCode()))) {
                        throw new MappingFileException(name, line, "employee " + e.code() + " is \"" + known.fullName()
                                + "\" of unit " + known.unitCode() + " on line " + employeeLines.get(e.code())
                                + " but \"" + e.fullName() + "\" of unit " + e.unitCode() + " here", null);
                    }
                    userLines.put(user, line);
                    employees.putIfAbsent(e.code(), e);
                    employeeLines.putIfAbsent(e.code(), line);
                    map.put(user, e);
                } catch (MappingFileException e) {
                    errors.add(e);
                }
            }

            @Override
            public void rejected(RejectedRow row) {
                errors.add(new MappingFileException(name, row.line(), row.reason(), null));
            }
        };
        try (java.io.InputStream in = Files.newInputStream(file)) {
            new CsvExportReader().read(name, in, handler);
        } catch (SourceFormatException e) {
            errors.add(new MappingFileException(name, e.line(), e.reason(), e));
        } catch (IOException e) {
            errors.add(new MappingFileException(name, 0, "cannot read: " + e, e));
        }
        return new IdentityMap(name, map);
    }

    /** @return the cells of a tabular row by column name, as text (null for an empty cell). */
    private static Map<String, String> cells(RawRecord r) {
        Map<String, String> row = new LinkedHashMap<>();
        r.payload().fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().isNull() ? null
                : f.getValue().asText()));
        return row;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private <T> T bind(Path file, Class<T> type) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            T value = yaml.readValue(r, type);
            if (value == null) {
                throw new MappingFileException(file.toString(), 0, "file is empty", null);
            }
            return value;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MappingFileException(file.toString(), YamlLines.keyLine(file, e), cause.getMessage(), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new MappingFileException(file.toString(), YamlLines.keyLine(file, e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MappingFileException(file.toString(), line(e.getLocation()), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingFileException(file.toString(), 0, "cannot read: " + e, e);
        }
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    private static String required(Path file, int line, Map<String, String> row, String column) {
        String v = row.get(column);
        if (blank(v)) {
            throw new MappingFileException(file.toString(), line, "column \"" + column + "\" is empty or missing", null);
        }
        return v.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
