package vn.kpibridge.connectors.config;

import com.fasterxml.jackson.annotation.JsonFormat;
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
        for (RuleFile r : rf.rules() == null ? List.<RuleFile>of() : rf.rules()) {
            int line = r.id() == null ? 0 : idLine(file, r.id(), ids.contains(r.id()));
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

    /** @return the 1-based line of the first (or last) {@code id: <ruleId>} in a rule file, 0 when not found. */
    private static int idLine(Path file, String ruleId, boolean last) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Pattern p = Pattern.compile("(^|[\\s{,-])id\\s*:\\s*[\"']?" + Pattern.quote(ruleId) + "[\"']?\\s*($|[,}#])");
            int found = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (p.matcher(lines.get(i)).find()) {
                    found = i + 1;
                    if (!last) {
                        break;
                    }
                }
            }
            return found;
        } catch (IOException ignored) {
            // the message still names the rule
        }
        return 0;
    }

    /**
     * @param file identity CSV with columns source_user_id, employee_code, full_name, position,
     *     unit_code, unit_name, leader (true/false)
     * @return the identity map
     * @throws MappingFileException naming the line of a missing column or a duplicate user id
     */
    public IdentityMap loadIdentities(Path file) {
        Map<String, Employee> map = new LinkedHashMap<>();
        readCsv(file, (line, row) -> {
            String user = required(file, line, row, "source_user_id");
            Employee e = new Employee(required(file, line, row, "employee_code"), required(file, line, row, "full_name"),
                    row.getOrDefault("position", ""), required(file, line, row, "unit_code"),
                    row.getOrDefault("unit_name", ""), Boolean.parseBoolean(row.getOrDefault("leader", "false").trim()));
            if (map.put(user, e) != null) {
                throw new MappingFileException(file.toString(), line, "duplicate source_user_id " + user, null);
            }
        });
        return new IdentityMap(file.toString(), map);
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
