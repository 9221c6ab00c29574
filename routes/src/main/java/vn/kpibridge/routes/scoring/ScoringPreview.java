package vn.kpibridge.routes.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.kpibridge.connectors.config.MappingFileException;
import vn.kpibridge.connectors.config.MappingFiles;
import vn.kpibridge.routes.api.ApiProblem;
import vn.kpibridge.routes.api.RequestBodies;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.EvaluationSubject;
import vn.kpibridge.scoring.OrgChart;
import vn.kpibridge.scoring.OrgScorer;
import vn.kpibridge.scoring.OrgUnit;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Product;
import vn.kpibridge.scoring.Role;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.UnitOutcome;
import vn.kpibridge.scoring.WorkItem;

/**
 * Scores an evaluation request ({@link ScoringRequest}, JSON) with the scoring library and answers
 * the evaluations and the quota outcome per group, as JSON. Shared by the {@code score} command
 * and {@code POST /api/v1/scoring/preview}; it needs no database or broker.
 *
 * <p>Response: {@code {period, periodLabel, scheme, units: [{unit, error, results: [{...employee
 * result..., display: {totalPoints, pointsBand, proposedRating, finalProposedRating, labels},
 * explanation: [lines]}], quotas: [...]}]}}. Exact decimals inside; {@code display} holds the
 * 2-decimal half-up figures (DOMAIN.md 4).
 *
 * <p>Errors: {@link ApiProblem} 400 naming the JSON path of the field at fault
 * ({@code employees[0].items[2].plannedQuantity}), for malformed JSON, unknown fields, wrong types,
 * missing required fields, unknown scheme, product or unit; 500-class errors are not expected.
 */
public final class ScoringPreview {
    private static final Pattern SCHEME_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path schemesDir;
    private final Path mappingsDir;
    private final MappingFiles files = new MappingFiles();
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * @param schemesDir folder of scheme files ({@code config/schemes})
     * @param mappingsDir folder catalog references are resolved in ({@code mappings})
     */
    public ScoringPreview(Path schemesDir, Path mappingsDir) {
        this.schemesDir = schemesDir;
        this.mappingsDir = mappingsDir;
    }

    /**
     * @param requestJson the request
     * @return the response JSON
     * @throws ApiProblem 400 naming the field at fault
     */
    public String score(String requestJson) {
        Scored scored = evaluate(requestJson);
        return write(response(scored.period(), scored.scheme(), scored.units()));
    }

    /**
     * The scored request before it is turned into JSON.
     *
     * @param period the period scored
     * @param scheme the scheme applied
     * @param units one outcome per unit of the org chart (results and quota outcomes)
     */
    public record Scored(Period period, Scheme scheme, List<UnitOutcome> units) {
    }

    /**
     * Scores an evaluation request and answers the outcomes themselves (for the report writers).
     *
     * @param requestJson the request
     * @return the period, the scheme and the outcome of every unit
     * @throws ApiProblem 400 naming the field at fault
     */
    public Scored evaluate(String requestJson) {
        ScoringRequest req = parse(requestJson);
        Period period = required(req.period(), "period", () -> Period.parse(req.period()));
        Scheme scheme = scheme(req.scheme());
        Catalog catalog = catalog(req.catalog(), period);
        if (req.employees() == null || req.employees().isEmpty()) {
            throw bad("employees", "at least one employee is required");
        }
        Map<String, OrgUnit> units = new LinkedHashMap<>();
        if (req.units() != null) {
            for (int i = 0; i < req.units().size(); i++) {
                ScoringRequest.UnitSpec u = req.units().get(i);
                String path = "units[" + i + "]";
                if (u.code() == null || u.code().isBlank()) {
                    throw bad(path + ".code", "unit code is required");
                }
                units.put(u.code(), new OrgUnit(u.code(), u.name(), u.parent(), u.collectiveCompletion(),
                        u.excellentRate(), u.excellentRateDecision()));
            }
        }
        List<EvaluationSubject> subjects = new ArrayList<>();
        for (int i = 0; i < req.employees().size(); i++) {
            subjects.add(subject(req.employees().get(i), "employees[" + i + "]", catalog, units));
        }
        OrgChart chart;
        try {
            chart = new OrgChart(new ArrayList<>(units.values()));
        } catch (IllegalArgumentException e) {
            throw bad("units", e.getMessage());
        }
        List<UnitOutcome> outcomes;
        try {
            outcomes = new OrgScorer(scheme).scoreAll(period, chart, subjects);
        } catch (IllegalArgumentException e) {
            throw bad("period", e.getMessage());
        }
        return new Scored(period, scheme, outcomes);
    }

    private ScoringRequest parse(String json) {
        try {
            ScoringRequest r = mapper.readValue(json, ScoringRequest.class);
            if (r == null) {
                throw bad(null, "the request body is empty");
            }
            return r;
        } catch (JsonMappingException e) {
            String path = RequestBodies.path(e);
            throw bad(path.isEmpty() ? null : path, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw bad(null, RequestBodies.notValidJson(e));
        }
    }

    private Scheme scheme(String id) {
        if (id == null || id.isBlank()) {
            throw bad("scheme", "scheme is required (a file name under config/schemes without .yml)");
        }
        Path file = schemesDir.resolve(id + ".yml");
        if (!SCHEME_ID.matcher(id).matches() || !Files.isRegularFile(file)) {
            throw bad("scheme", "no scheme \"" + id + "\" in " + schemesDir + " (available: " + available() + ")");
        }
        try {
            return files.loadScheme(file);
        } catch (MappingFileException e) {
            throw bad("scheme", e.getMessage());
        }
    }

    private List<String> available() {
        try (var s = Files.list(schemesDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** YAML/JSON shape of an inline catalog product. */
    record InlineProduct(String code, String name, BigDecimal points) {
    }

    /** Shape of an inline catalog. */
    record InlineCatalog(String id, String version, BigDecimal standardPoints, List<InlineProduct> products) {
    }

    private Catalog catalog(JsonNode node, Period period) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            String ref = node.asText();
            Path file = mappingsDir.resolve(ref).normalize();
            if (!file.startsWith(mappingsDir.normalize()) || !Files.isRegularFile(file)) {
                throw bad("catalog", "no catalog file \"" + ref + "\" under " + mappingsDir);
            }
            try {
                return files.loadCatalog(file).forPeriod(period);
            } catch (MappingFileException | IllegalStateException e) {
                throw bad("catalog", e.getMessage());
            }
        }
        try {
            InlineCatalog c = mapper.treeToValue(node, InlineCatalog.class);
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < (c.products() == null ? 0 : c.products().size()); i++) {
                InlineProduct p = c.products().get(i);
                try {
                    products.add(new Product(p.code(), p.name(), null, null, p.points(), null, null));
                } catch (RuntimeException e) {
                    throw bad("catalog.products[" + i + "]", e.getMessage());
                }
            }
            return new Catalog(c.id() == null ? "inline" : c.id(), c.version() == null ? "inline" : c.version(), null, null,
                    c.standardPoints() == null ? BigDecimal.valueOf(100) : c.standardPoints(), products);
        } catch (JsonMappingException e) {
            String path = RequestBodies.path(e);
            throw bad(path.isEmpty() ? "catalog" : "catalog." + path, e.getOriginalMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw bad("catalog", e.getMessage());
        }
    }

    private EvaluationSubject subject(ScoringRequest.EmployeeSpec s, String path, Catalog catalog,
            Map<String, OrgUnit> units) {
        if (s.id() == null || s.id().isBlank()) {
            throw bad(path + ".id", "employee id is required");
        }
        if (s.unit() == null || s.unit().isBlank()) {
            throw bad(path + ".unit", "unit is required");
        }
        units.putIfAbsent(s.unit(), OrgUnit.of(s.unit(), s.unit(), null));
        Role role = s.role() == null ? Role.MEMBER : s.role();
        boolean leader = s.leader() != null ? s.leader() : role != Role.MEMBER;
        List<WorkItem> items = new ArrayList<>();
        List<ScoringRequest.ItemSpec> specs = s.items() == null ? List.of() : s.items();
        for (int j = 0; j < specs.size(); j++) {
            items.add(item(specs.get(j), path + ".items[" + j + "]", catalog));
        }
        try {
            EvaluationSubject subject = EvaluationSubject.of(new EmployeeInput(s.id(), s.fullName(), s.position(), s.unit(),
                    leader, s.generalCriteriaPoints(), items, s.forceMajeure(), s.selfProposedRating()), role)
                    .withDutyGroup(s.dutyGroup()).withReportsTo(s.reportsTo()).withPositionGroup(s.positionGroup())
                    .withLeaderAssessment(s.leaderAssessment()).withWorkingDays(s.workingDays())
                    .withViolations(s.violations()).withCircumstances(s.circumstances());
            if (s.generalCriteria() != null) {
                subject = subject.withGeneralChecklist(s.generalCriteria());
            }
            if (s.axisPoints() != null) {
                subject = subject.withAxisPoints(s.axisPoints(), s.primaryAxes());
            }
            if (s.indicatorValues() != null) {
                subject = subject.withIndicatorValues(s.indicatorValues());
            }
            return subject;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw bad(path, e.getMessage());
        }
    }

    private WorkItem item(ScoringRequest.ItemSpec i, String path, Catalog catalog) {
        if (i.plannedQuantity() == null) {
            throw bad(path + ".plannedQuantity", "plannedQuantity is required");
        }
        BigDecimal coefficient = i.coefficient();
        if (coefficient == null) {
            if (i.product() == null) {
                throw bad(path + ".product", "give a product of the catalog or a coefficient");
            }
            if (catalog == null) {
                throw bad("catalog", "item " + path + " names product " + i.product() + " but the request has no catalog");
            }
            if (catalog.product(i.product()).isEmpty()) {
                throw bad(path + ".product", "product " + i.product() + " is not in catalog " + catalog.id() + " v"
                        + catalog.version());
            }
            coefficient = catalog.coefficient(i.product());
        }
        try {
            return new WorkItem(i.id() == null ? path : i.id(), i.title(), i.product(), i.axis(), coefficient, i.share(),
                    i.plannedQuantity(), i.doneQuantity() == null ? BigDecimal.ZERO : i.doneQuantity(), i.review());
        } catch (IllegalArgumentException e) {
            throw bad(path, e.getMessage());
        }
    }

    private ObjectNode response(Period period, Scheme scheme, List<UnitOutcome> outcomes) {
        ObjectNode root = mapper.createObjectNode();
        root.put("period", period.code());
        root.put("periodLabel", period.label());
        root.put("scheme", scheme.id());
        ArrayNode unitsOut = root.putArray("units");
        for (UnitOutcome o : outcomes) {
            ObjectNode u = unitsOut.addObject();
            u.put("unit", o.unit().code());
            u.put("name", o.unit().name());
            if (o.error() != null) {
                u.put("error", o.error());
            }
            ArrayNode results = u.putArray("results");
            for (EmployeeResult r : o.results()) {
                ObjectNode n = mapper.valueToTree(r);
                ObjectNode d = n.putObject("display");
                if (r.evaluation() != null) {
                    d.put("totalPoints", r.evaluation().displayedTotal());
                    d.put("generalPoints", Decimals.display(r.evaluation().generalPoints()));
                    d.put("taskPoints", Decimals.display(r.evaluation().taskPoints()));
                    d.put("pointsBand", r.evaluation().pointsBand().name());
                    d.put("pointsBandLabel", r.evaluation().pointsBand().label());
                    d.put("proposedRating", r.evaluation().proposedRating().name());
                }
                if (r.finalProposedRating() != null) {
                    d.put("finalProposedRating", r.finalProposedRating().name());
                    d.put("finalProposedRatingLabel", r.finalProposedRating().label());
                }
                ArrayNode lines = n.putArray("explanation");
                r.explanation().forEach(lines::add);
                results.add(n);
            }
            u.set("quotas", mapper.valueToTree(o.quotas()));
        }
        return root;
    }

    private String write(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T required(Object value, String field, Supplier<T> parse) {
        if (value == null) {
            throw bad(field, field + " is required");
        }
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw bad(field, e.getMessage());
        }
    }

    private static ApiProblem bad(String field, String detail) {
        return new ApiProblem(400, "Invalid evaluation request", field, field == null ? detail : field + ": " + detail);
    }
}
