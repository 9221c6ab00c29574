package vn.kpibridge.connectors.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.connectors.mapping.IdentityMap;
import vn.kpibridge.connectors.mapping.ProductRule;
import vn.kpibridge.connectors.mapping.ProductRuleEngine;
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
    private final CsvMapper csv = new CsvMapper();

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

    /** YAML shape of one catalog version. */
    record CatalogVersionFile(String version, LocalDate effectiveFrom, LocalDate effectiveTo, String approvedBy,
            BigDecimal standardPoints, String products) {
    }

    /**
     * @param file catalog YAML; each version names a CSV (relative to the YAML) with the columns
     *     {@value #COL_CODE}, {@value #COL_NAME}, {@value #COL_LEVEL}, {@value #COL_PRODUCT},
     *     {@value #COL_POINTS}, {@value #COL_COEFFICIENT} and optionally {@value #COL_GROUP}
     *     (decimal comma accepted: "1,2")
     * @return all versions of the catalog
     * @throws MappingFileException naming the YAML or CSV file and line
     */
    public CatalogVersions loadCatalog(Path file) {
        CatalogFile cf = bind(file, CatalogFile.class);
        if (cf.versions() == null || cf.versions().isEmpty()) {
            throw new MappingFileException(file.toString(), 0, "catalog has no versions", null);
        }
        List<Catalog> versions = new ArrayList<>();
        for (CatalogVersionFile v : cf.versions()) {
            Path csvFile = file.resolveSibling(v.products());
            List<Product> products = new ArrayList<>();
            readCsv(csvFile, (line, row) -> products.add(new Product(required(csvFile, line, row, COL_CODE),
                    required(csvFile, line, row, COL_NAME), row.get(COL_PRODUCT), row.get(COL_LEVEL),
                    decimal(csvFile, line, row, COL_POINTS, true), decimal(csvFile, line, row, COL_COEFFICIENT, false),
                    blank(row.get(COL_GROUP)) ? null : Integer.valueOf(row.get(COL_GROUP).trim()))));
            try {
                versions.add(new Catalog(cf.id(), v.version(), v.effectiveFrom(), v.effectiveTo(), v.standardPoints(),
                        products));
            } catch (RuntimeException e) {
                throw new MappingFileException(file.toString(), 0, "version " + v.version() + ": " + e.getMessage(), e);
            }
        }
        return new CatalogVersions(cf.id(), cf.name(), versions);
    }

    /** YAML shape of a product rule file. */
    record RulesFile(List<RuleFile> rules) {
    }

    /** YAML shape of one rule. */
    record RuleFile(String id, When when, String product, String axis) {
    }

    /** YAML shape of a rule's conditions. */
    record When(String recordType, String productType, String submissionLevel, String titlePattern) {
    }

    /**
     * @param file product rule YAML: {@code rules: [{id, when: {recordType, productType,
     *     submissionLevel, titlePattern}, product, axis}]}, first match wins
     * @return the rule engine
     * @throws MappingFileException on a missing id or product, duplicate ids or a bad pattern
     */
    public ProductRuleEngine loadRules(Path file) {
        RulesFile rf = bind(file, RulesFile.class);
        List<ProductRule> rules = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (RuleFile r : rf.rules() == null ? List.<RuleFile>of() : rf.rules()) {
            if (blank(r.id()) || blank(r.product())) {
                throw new MappingFileException(file.toString(), 0, "rule #" + (rules.size() + 1)
                        + " needs an id and a product", null);
            }
            if (!ids.add(r.id())) {
                throw new MappingFileException(file.toString(), 0, "duplicate rule id " + r.id(), null);
            }
            When w = r.when() == null ? new When(null, null, null, null) : r.when();
            Pattern p;
            try {
                p = w.titlePattern() == null ? null
                        : Pattern.compile(w.titlePattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new MappingFileException(file.toString(), 0, "rule " + r.id() + ": bad titlePattern: "
                        + e.getDescription(), e);
            }
            rules.add(new ProductRule(r.id(), w.recordType(), w.productType(), w.submissionLevel(), p, r.product(),
                    r.axis()));
        }
        return new ProductRuleEngine(file.getFileName().toString(), rules);
    }

    /**
     * @param file identity CSV with columns source_user_id, employee_code, full_name, position,
     *     unit_code, unit_name, leader (true/false), and the optional parent_unit (code of the unit
     *     above unit_code) and role (HEAD, DEPUTY or MEMBER); files without them load as before
     * @return the identity map
     * @throws MappingFileException naming the line of a missing column, a duplicate user id or a
     *     role that is not HEAD, DEPUTY or MEMBER
     */
    public IdentityMap loadIdentities(Path file) {
        Map<String, Employee> map = new LinkedHashMap<>();
        readCsv(file, (line, row) -> {
            String user = required(file, line, row, "source_user_id");
            String parent = blankToNull(row.get("parent_unit"));
            String role = blankToNull(row.get("role"));
            if (role != null) {
                role = role.toUpperCase(java.util.Locale.ROOT);
                if (!List.of("HEAD", "DEPUTY", "MEMBER").contains(role)) {
                    throw new MappingFileException(file.toString(), line, "column role: must be HEAD, DEPUTY or MEMBER, got \""
                            + row.get("role") + "\"", null);
                }
            }
            Employee e = new Employee(required(file, line, row, "employee_code"), required(file, line, row, "full_name"),
                    row.getOrDefault("position", ""), required(file, line, row, "unit_code"),
                    row.getOrDefault("unit_name", ""), Boolean.parseBoolean(row.getOrDefault("leader", "false").trim()),
                    parent, role);
            if (map.put(user, e) != null) {
                throw new MappingFileException(file.toString(), line, "duplicate source_user_id " + user, null);
            }
        });
        return new IdentityMap(file.toString(), map);
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
            throw new MappingFileException(file.toString(), keyLine(file, e), cause.getMessage(), e);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new MappingFileException(file.toString(), keyLine(file, e), e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new MappingFileException(file.toString(), line(e.getLocation()), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingFileException(file.toString(), 0, "cannot read: " + e, e);
        }
    }

    /**
     * The YAML parser reports the position after the offending value (often the next line). When
     * the error names a key, the line of the last occurrence of that key at or before the
     * reported line is the one an administrator must edit.
     */
    private static int keyLine(Path file, com.fasterxml.jackson.databind.JsonMappingException e) {
        int reported = line(e.getLocation());
        List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path = e.getPath();
        String key = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        if (key == null || reported <= 0) {
            return reported;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Pattern p = Pattern.compile("(^|[\\s{,-])\"?" + Pattern.quote(key) + "\"?\\s*:");
            for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
                if (p.matcher(lines.get(i - 1)).find()) {
                    return i;
                }
            }
        } catch (IOException ignored) {
            // fall back to the parser's line
        }
        return reported;
    }

    private static int line(JsonLocation loc) {
        return loc == null ? 0 : loc.getLineNr();
    }

    interface RowHandler {
        void row(int line, Map<String, String> row);
    }

    private void readCsv(Path file, RowHandler handler) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class).with(schema).readValues(r)) {
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                int line = it.getCurrentLocation().getLineNr() - 1;
                try {
                    handler.row(line, row);
                } catch (MappingFileException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new MappingFileException(file.toString(), line, e.getMessage(), e);
                }
            }
        } catch (JsonProcessingException e) {
            throw new MappingFileException(file.toString(), line(e.getLocation()), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingFileException(file.toString(), 0, "cannot read: " + e, e);
        }
    }

    private static String required(Path file, int line, Map<String, String> row, String column) {
        String v = row.get(column);
        if (blank(v)) {
            throw new MappingFileException(file.toString(), line, "column \"" + column + "\" is empty or missing", null);
        }
        return v.trim();
    }

    private static BigDecimal decimal(Path file, int line, Map<String, String> row, String column, boolean required) {
        String v = row.get(column);
        if (blank(v)) {
            if (required) {
                throw new MappingFileException(file.toString(), line, "column \"" + column + "\" is empty or missing", null);
            }
            return null;
        }
        try {
            return new BigDecimal(v.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new MappingFileException(file.toString(), line, "column \"" + column + "\" is not a number: \"" + v + "\"", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
