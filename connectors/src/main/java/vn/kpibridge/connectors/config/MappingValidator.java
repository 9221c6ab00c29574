package vn.kpibridge.connectors.config;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.kpibridge.connectors.config.MappingFinding.Severity;
import vn.kpibridge.connectors.mapping.IdentityMap;
import vn.kpibridge.connectors.pull.JsonLocator;
import vn.kpibridge.connectors.source.RecordNormalizer;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.scoring.Catalog;

/**
 * Checks every file administrators edit (issue 4 point 9, {@code mappings validate}) and reports
 * every problem at once, each with file, line and reason, instead of the first one the application
 * would stop at. Runs on the files alone: no Spring, database or broker.
 *
 * <p>Read: every {@code sources/*.yml}; every catalog, rule and identity file they name plus any
 * other file in {@code catalogs/}, {@code rules/}, {@code identities/}; every scheme
 * ({@code <schemes>/*.yml}). Each file is loaded with {@link MappingFiles}, the same loader the
 * application uses, so whatever it refuses is reported; then the checks below add what a loader
 * that stops at the first error, or looks at one file at a time, cannot see.
 *
 * <p>Errors ({@link Severity#ERROR}):
 * <ul>
 *   <li>a file that does not parse or bind (unknown key, wrong type, bad setting), as the loader says;</li>
 *   <li>sources: no id, or an id used by another source file; a field map naming an unknown
 *       normalised field or holding a bad JSON pointer; a bad JSON pointer or JSONPath in the
 *       {@code rest:} / {@code sql:} sections (items, totals, next link, cursor, token, updated
 *       time, derived values); a record type mapped to neither TASK nor ASSESSMENT; a bad date
 *       pattern; a catalog, rule or identity file that does not exist; an unknown scheme (no
 *       {@code <scheme>.yml} in the schemes folder);</li>
 *   <li>catalogs: every bad product row (empty or non-numeric cell, points not above 0, group
 *       outside 1-5, code used twice) and overlapping versions (see {@link MappingFiles#readCatalog});</li>
 *   <li>rules: a rule without id or product; a duplicate rule id; a bad {@code ...Pattern}
 *       regular expression; a product that no version of the catalog(s) the rule file is used
 *       with has;</li>
 *   <li>identities: a header without the required columns; a row naming no user or no employee; a
 *       source user mapped twice; an employee code given with two names or units.</li>
 * </ul>
 * Warnings ({@link Severity#WARNING}): a rule that can never match because an earlier rule's
 * conditions are a subset of its own (first match wins, issue 4 point 6); a product that some
 * catalog versions lack (records of their periods stay unmapped); a stated coefficient that
 * disagrees with points / standard points (seed 001 Phụ lục 1 bước 3, "Bảng danh mục" row 8); a
 * catalog, rule or identity file no source uses.
 *
 * <p>Not thread-safe; one instance per run.
 */
public final class MappingValidator {
    /** Sections of a source file that may hold a {@code derive} section (REST, SQL and file sources). */
    private static final List<String> DERIVE_SECTIONS = List.of("rest", "sql", "file");
    /**
     * Settings of a source file that hold a JSON pointer or JSONPath, by location in the file; the
     * {@code derive.extract} entries of each section are checked besides.
     */
    private static final Map<String, String> LOCATIONS = new LinkedHashMap<>();

    static {
        LOCATIONS.put("/rest/items", "rest.items");
        LOCATIONS.put("/rest/auth/login/token", "rest.auth.login.token");
        LOCATIONS.put("/rest/paging/totalPages", "rest.paging.totalPages");
        LOCATIONS.put("/rest/paging/total", "rest.paging.total");
        LOCATIONS.put("/rest/paging/next", "rest.paging.next");
        LOCATIONS.put("/rest/paging/cursor", "rest.paging.cursor");
        LOCATIONS.put("/rest/incremental/updatedField", "rest.incremental.updatedField");
        for (String section : DERIVE_SECTIONS) {
            LOCATIONS.put("/" + section + "/derive/period/from", "derive.period.from");
        }
    }

    private final Path mappingsDir;
    private final Path schemesDir;
    private final Path mappingsAbs;
    private final Path schemesAbs;
    private final MappingFiles files = new MappingFiles();
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final List<MappingFinding> findings = new ArrayList<>();

    /**
     * @param mappingsDir the mappings folder (with {@code sources/}, {@code catalogs/},
     *     {@code rules/}, {@code identities/})
     * @param schemesDir the scheme folder ({@code config/schemes})
     */
    public MappingValidator(Path mappingsDir, Path schemesDir) {
        this.mappingsDir = mappingsDir;
        this.schemesDir = schemesDir;
        this.mappingsAbs = mappingsDir.toAbsolutePath().normalize();
        this.schemesAbs = schemesDir.toAbsolutePath().normalize();
    }

    /**
     * Reads and checks every file.
     *
     * @return the findings (ordered by file, then line) and what was read; never throws for a
     *     bad file: unreadable folders are findings too
     */
    public ValidationReport validate() {
        findings.clear();
        Set<String> schemeIds = new TreeSet<>();
        for (Path s : list(schemesDir, ".yml", ".yaml")) {
            String n = s.getFileName().toString();
            schemeIds.add(n.substring(0, n.lastIndexOf('.')));
        }
        if (!Files.isDirectory(schemesDir)) {
            error(schemesDir, 0, "schemes folder does not exist");
        }
        Path sourcesDir = mappingsDir.resolve("sources");
        List<Path> sourceFiles = list(sourcesDir, ".yml", ".yaml");
        if (!Files.isDirectory(sourcesDir)) {
            error(sourcesDir, 0, "folder does not exist: the mappings folder needs sources/, catalogs/, rules/, "
                    + "identities/");
        } else if (sourceFiles.isEmpty()) {
            error(sourcesDir, 0, "no source mapping (*.yml) in this folder");
        }

        // sources, and which catalogs each rule file is used with
        Map<String, String> sourceIds = new HashMap<>();
        Map<Path, Set<Path>> ruleCatalogs = new LinkedHashMap<>();
        Set<Path> catalogs = new LinkedHashSet<>();
        Set<Path> identities = new LinkedHashSet<>();
        int sources = 0;
        for (Path f : sourceFiles) {
            sources++;
            checkSource(f, schemeIds, sourceIds, ruleCatalogs, catalogs, identities);
        }

        // catalogs
        Map<Path, CatalogVersions> catalogVersions = new HashMap<>();
        int versions = 0;
        int products = 0;
        for (Path c : withFolder(catalogs, "catalogs", ".yml", ".yaml")) {
            CatalogReading r = files.readCatalog(c);
            r.errors().forEach(this::error);
            if (r.catalog() != null) {
                catalogVersions.put(norm(c), r.catalog());
                versions += r.catalog().versions().size();
                products += r.rows().size();
                coefficientWarnings(r);
            }
            unused(c, catalogs, "catalog");
        }

        // rules
        int rules = 0;
        for (Path r : withFolder(ruleCatalogs.keySet(), "rules", ".yml", ".yaml")) {
            List<CatalogVersions> used = ruleCatalogs.getOrDefault(norm(r), Set.of()).stream()
                    .map(catalogVersions::get).filter(java.util.Objects::nonNull).toList();
            rules += checkRules(r, used);
            unused(r, ruleCatalogs.keySet(), "rule");
        }

        // identities
        int identityRows = 0;
        for (Path i : withFolder(identities, "identities", ".csv")) {
            List<MappingFileException> errors = new ArrayList<>();
            IdentityMap map = files.readIdentities(i, errors);
            errors.forEach(this::error);
            identityRows += map.bySourceUser().size();
            unused(i, identities, "identity");
        }

        // schemes
        int schemes = 0;
        for (Path s : list(schemesDir, ".yml", ".yaml")) {
            schemes++;
            try {
                files.loadScheme(s);
            } catch (MappingFileException e) {
                error(e);
            }
        }
        findings.sort(Comparator.comparing(MappingFinding::file).thenComparingInt(MappingFinding::line));
        return new ValidationReport(findings, sources, versions, products, rules, identityRows, schemes);
    }

    // ------------------------------------------------------------------------------ sources

    private void checkSource(Path f, Set<String> schemeIds, Map<String, String> sourceIds,
            Map<Path, Set<Path>> ruleCatalogs, Set<Path> catalogs, Set<Path> identities) {
        int before = findings.size();
        YamlLines lines = YamlLines.of(f);
        JsonNode tree = tree(f);
        SourceMapping mapping = null;
        MappingFileException loadError = null;
        try {
            mapping = files.loadSource(f);
        } catch (MappingFileException e) {
            loadError = e;
        }
        boolean fieldsOk = true;
        if (tree != null && tree.isObject()) {
            String id = text(tree, "id");
            if (id == null) {
                error(f, lines.line("/id"), "source mapping has no id");
            } else {
                String first = sourceIds.putIfAbsent(id, display(f) + ":" + lines.line("/id"));
                if (first != null) {
                    error(f, lines.line("/id"), "duplicate source id " + id + " (also in " + first + ")");
                }
            }
            fieldsOk = checkFields(f, tree, lines);
            checkLocations(f, tree, lines);
            Path catalog = reference(f, tree, lines, "catalog");
            Path rules = reference(f, tree, lines, "productRules");
            Path identityFile = reference(f, tree, lines, "identities");
            if (catalog != null) {
                catalogs.add(catalog);
            }
            if (identityFile != null) {
                identities.add(identityFile);
            }
            if (rules != null) {
                Set<Path> used = ruleCatalogs.computeIfAbsent(rules, k -> new LinkedHashSet<>());
                if (catalog != null) {
                    used.add(catalog);
                }
            }
            String scheme = text(tree, "scheme");
            if (scheme == null) {
                error(f, lines.line("/scheme"), "scheme is required (a file <scheme>.yml of " + display(schemesDir) + ")");
            } else if (!schemeIds.contains(scheme)) {
                error(f, lines.line("/scheme"), "unknown scheme \"" + scheme + "\": no " + scheme + ".yml in "
                        + display(schemesDir) + " (known: " + String.join(", ", schemeIds) + ")");
            }
        }
        List<MappingFinding> own = findings.subList(before, findings.size());
        if (loadError != null && !covered(own, loadError.reason())) {
            error(loadError);
        }
        if (mapping != null && fieldsOk) {
            try {
                new RecordNormalizer(mapping);
            } catch (IllegalArgumentException e) {
                if (!covered(findings.subList(before, findings.size()), e.getMessage())) {
                    error(f, lines.line("/fields"), e.getMessage());
                }
            }
        }
    }

    /** Field map, record types and date formats of a source; false when the field map has an error. */
    private boolean checkFields(Path f, JsonNode tree, YamlLines lines) {
        boolean ok = true;
        String period = text(tree, "periodField");
        if (period != null) {
            ok &= pointer(f, lines.line("/periodField"), "periodField", period);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("fields").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            int line = lines.line("/fields/" + YamlLines.escape(e.getKey()));
            if (!RecordNormalizer.KNOWN_FIELDS.contains(e.getKey())) {
                error(f, line, "fields." + e.getKey() + ": unknown field (known: "
                        + new TreeSet<>(RecordNormalizer.KNOWN_FIELDS) + ")");
                ok = false;
            } else if (!e.getValue().isTextual()) {
                error(f, line, "fields." + e.getKey() + ": a JSON pointer (\"/Field\") is required");
                ok = false;
            } else {
                ok &= pointer(f, line, "fields." + e.getKey(), e.getValue().asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.path("recordTypes").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = e.getValue().asText();
            if (Stream.of(RecordType.values()).noneMatch(t -> t.name().equals(v))) {
                error(f, lines.line("/recordTypes/" + YamlLines.escape(e.getKey())), "recordTypes." + e.getKey()
                        + ": \"" + v + "\" is not one of " + List.of(RecordType.values()));
            }
        }
        JsonNode formats = tree.path("dateFormats");
        for (int i = 0; i < formats.size(); i++) {
            try {
                DateTimeFormatter.ofPattern(formats.get(i).asText());
            } catch (IllegalArgumentException e) {
                error(f, lines.line("/dateFormats/" + i), "dateFormats: bad date pattern \"" + formats.get(i).asText()
                        + "\": " + e.getMessage());
                ok = false;
            }
        }
        return ok;
    }

    /** The JSON pointer of a field map (JSONPath is for {@code derive.extract}); false when bad. */
    private boolean pointer(Path f, int line, String setting, String value) {
        String v = value.trim();
        if (v.startsWith("$")) {
            error(f, line, setting + ": \"" + v + "\" is a JSONPath; this setting takes a JSON pointer (\"/Field\"): "
                    + "extract the value with derive.extract and point at /_derived/<name>");
            return false;
        }
        try {
            JsonPointer.compile(v);
            return true;
        } catch (IllegalArgumentException e) {
            error(f, line, setting + ": bad JSON pointer \"" + v + "\": it must be empty or start with \"/\", e.g. \"/"
                    + v + "\"");
            return false;
        }
    }

    /** Every JSON pointer / JSONPath of the rest:, sql: and file: sections, worded as the loader words it. */
    private void checkLocations(Path f, JsonNode tree, YamlLines lines) {
        LOCATIONS.forEach((at, setting) -> {
            JsonNode n = tree.at(at);
            if (n.isTextual()) {
                location(f, lines.line(at), n.asText(), setting);
            }
        });
        for (String derive : DERIVE_SECTIONS) {
            String section = "/" + derive + "/derive/extract";
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.at(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                location(f, lines.line(section + "/" + YamlLines.escape(e.getKey())), e.getValue().asText(),
                        "derive.extract." + e.getKey());
            }
        }
    }

    private void location(Path f, int line, String expression, String setting) {
        try {
            JsonLocator.check(expression, setting);
        } catch (IllegalArgumentException e) {
            error(f, line, e.getMessage());
        }
    }

    /** A file a source names, relative to the mappings folder; null when left out or missing. */
    private Path reference(Path f, JsonNode tree, YamlLines lines, String key) {
        String v = text(tree, key);
        if (v == null) {
            error(f, lines.line("/" + key), key + " is required (a file under " + display(mappingsDir) + ")");
            return null;
        }
        Path p = norm(mappingsDir.resolve(v));
        if (!Files.isRegularFile(p)) {
            error(f, lines.line("/" + key), key + ": file " + v + " does not exist under " + display(mappingsDir));
            return null;
        }
        return p;
    }

    // ------------------------------------------------------------------------------ catalogs

    /** Seed 001 "Bảng danh mục" row 8: stated coefficient 1 for 120 points of 100. */
    private void coefficientWarnings(CatalogReading r) {
        for (CatalogReading.ProductRow row : r.rows()) {
            Catalog c = r.catalog().versions().stream().filter(v -> v.version().equals(row.version())).findFirst()
                    .orElse(null);
            if (c == null || row.product().statedCoefficient() == null) {
                continue;
            }
            String prefix = "product " + row.product().code() + " \"";
            c.inconsistencies().stream().filter(s -> s.startsWith(prefix)).findFirst().ifPresent(s -> findings.add(
                    new MappingFinding(Severity.WARNING, display(row.file()), row.line(), "version " + c.version()
                            + ": " + s)));
        }
    }

    // ------------------------------------------------------------------------------ rules

    /** @return the number of rules read */
    private int checkRules(Path f, List<CatalogVersions> catalogs) {
        int before = findings.size();
        YamlLines lines = YamlLines.of(f);
        JsonNode tree = tree(f);
        JsonNode rules = tree == null ? null : tree.path("rules");
        int count = 0;
        if (rules != null && rules.isArray()) {
            Map<String, Integer> ids = new HashMap<>();
            List<JsonNode> earlier = new ArrayList<>();
            List<Integer> earlierLines = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                JsonNode rule = rules.get(i);
                String at = "/rules/" + i;
                int line = lines.line(at);
                String id = text(rule, "id");
                String product = text(rule, "product");
                if (id == null || product == null) {
                    error(f, line, "rule #" + (i + 1) + " needs an id and a product");
                    continue;
                }
                count++;
                Integer first = ids.putIfAbsent(id, line);
                if (first != null) {
                    error(f, lines.line(at + "/id"), "duplicate rule id " + id + " (first on line " + first + ")");
                }
                JsonNode when = rule.path("when").isObject() ? rule.path("when") : yaml.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = when.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> c = it.next();
                    if (c.getKey().endsWith("Pattern") && c.getValue().isTextual()) {
                        try {
                            Pattern.compile(c.getValue().asText(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                        } catch (PatternSyntaxException e) {
                            error(f, lines.line(at + "/when/" + YamlLines.escape(c.getKey())), "rule " + id + ": bad "
                                    + c.getKey() + ": " + e.getDescription());
                        }
                    }
                }
                for (int k = 0; k < earlier.size(); k++) {
                    if (covers(earlier.get(k).path("when"), when)) {
                        warning(f, line, "rule " + id + " never matches: rule " + text(earlier.get(k), "id") + " (line "
                                + earlierLines.get(k) + ") comes first and its conditions hold for every record "
                                + "this rule's do (first match wins)");
                        break;
                    }
                }
                earlier.add(rule);
                earlierLines.add(line);
                checkProduct(f, lines.line(at + "/product"), id, product, catalogs);
            }
        }
        try {
            files.loadRules(f);
        } catch (MappingFileException e) {
            if (!covered(findings.subList(before, findings.size()), e.reason())) {
                error(e);
            }
        }
        return count;
    }

    /** True when every condition of {@code earlier} is also a condition of {@code later} with the same value. */
    private static boolean covers(JsonNode earlier, JsonNode later) {
        if (!earlier.isObject()) {
            return earlier.isMissingNode() || earlier.isNull();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = earlier.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> c = it.next();
            if (!c.getValue().equals(later.get(c.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private void checkProduct(Path f, int line, String ruleId, String product, List<CatalogVersions> catalogs) {
        if (catalogs.isEmpty()) {
            return;
        }
        List<String> with = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (CatalogVersions cv : catalogs) {
            for (Catalog c : cv.versions()) {
                (c.product(product).isPresent() ? with : without).add(cv.id() + " v" + c.version());
            }
        }
        if (with.isEmpty()) {
            error(f, line, "rule " + ruleId + ": unknown product " + product + ": not in " + String.join(", ", without));
        } else if (!without.isEmpty()) {
            warning(f, line, "rule " + ruleId + ": product " + product + " is not in " + String.join(", ", without)
                    + ": records of periods under " + (without.size() == 1 ? "that version" : "those versions")
                    + " stay unmapped");
        }
    }

    // ------------------------------------------------------------------------------ helpers

    /** The files referenced plus every other file of the folder, referenced first. */
    private List<Path> withFolder(Set<Path> referenced, String folder, String... extensions) {
        Set<Path> all = new LinkedHashSet<>(referenced);
        list(mappingsDir.resolve(folder), extensions).forEach(p -> all.add(norm(p)));
        return List.copyOf(all);
    }

    private void unused(Path p, Set<Path> referenced, String kind) {
        if (!referenced.contains(norm(p))) {
            warning(p, 0, "not used by any source mapping (" + kind + " file)");
        }
    }

    private static List<Path> list(Path dir, String... extensions) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Stream.of(extensions).anyMatch(e -> p.getFileName().toString().endsWith(e)))
                    .filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    private JsonNode tree(Path f) {
        try {
            return yaml.readTree(f.toFile());
        } catch (IOException | RuntimeException e) {
            return null; // the loader reports why
        }
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText().trim();
    }

    /** True when an error already reported for the file says what {@code reason} says (or more). */
    private static boolean covered(List<MappingFinding> own, String reason) {
        return own.stream().anyMatch(f -> f.severity() == Severity.ERROR && f.reason().startsWith(reason));
    }

    private Path norm(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** "mappings/rules/x.yml": relative to the parent of the mappings or schemes folder. */
    private String display(Path p) {
        Path a = norm(p);
        for (Path root : List.of(mappingsAbs, schemesAbs)) {
            if (a.startsWith(root)) {
                Path name = root.getFileName() == null ? Path.of("") : root.getFileName();
                return name.resolve(root.relativize(a)).toString().replace('\\', '/');
            }
        }
        return p.toString();
    }

    private void error(MappingFileException e) {
        findings.add(new MappingFinding(Severity.ERROR, display(Path.of(e.file())), e.line(), oneLine(e.reason())));
    }

    /**
     * The YAML parser's messages quote the offending text over several lines with a caret under
     * it; a finding is one line: the quoted lines are dropped, the rest joined.
     */
    static String oneLine(String reason) {
        if (reason == null || reason.indexOf('\n') < 0) {
            return reason;
        }
        return Stream.of(reason.split("\\R")).filter(l -> !l.isBlank() && !l.startsWith("    ") && !l.trim().equals("^"))
                .map(String::trim).collect(Collectors.joining(" "));
    }

    private void error(Path f, int line, String reason) {
        findings.add(new MappingFinding(Severity.ERROR, display(f), line, reason));
    }

    private void warning(Path f, int line, String reason) {
        findings.add(new MappingFinding(Severity.WARNING, display(f), line, reason));
    }
}
