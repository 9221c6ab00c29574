package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordRejectedException;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.persistence.RecordAssignmentEntity;
import vn.kpibridge.routes.persistence.RecordAssignmentRepository;
import vn.kpibridge.routes.persistence.RecordIssueEntity;
import vn.kpibridge.routes.persistence.RecordIssueRepository;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.workflow.AuditTrail;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Product;

/**
 * An administrator assigns a catalog product to an UNMAPPED record (issue 6 point 1; seed 000 3.2 c:
 * a task outside the catalog is scored like a similar product and queued for the catalog). The
 * decision is stored (table {@code record_assignment}) and audited, and the answer proposes the
 * product rule that would have mapped the record, in the syntax of {@code mappings/rules/*.yml},
 * for the administrator to review and add to the rule file under version control. Turning the
 * decision into a work item is left to the next ingest of the record with the rule added.
 */
@Service
public class RecordAssignmentService {
    private final RecordIssueRepository issues;
    private final RecordAssignmentRepository assignments;
    private final MappingRegistry registry;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public RecordAssignmentService(RecordIssueRepository issues, RecordAssignmentRepository assignments,
            MappingRegistry registry, AccessPolicy access, AuditTrail audit, Clock kpiClock) {
        this.issues = issues;
        this.assignments = assignments;
        this.registry = registry;
        this.access = access;
        this.audit = audit;
        this.clock = kpiClock;
    }

    /**
     * Body of {@code POST /record-issues/{id}/assignment}.
     *
     * @param productCode the catalog product, required
     * @param reason why this product, optional
     */
    public record AssignmentRequest(String productCode, String reason) {
    }

    /**
     * @param caller an ADMIN
     * @param issueId the record issue id
     * @param body JSON {@link AssignmentRequest}
     * @return JSON {@code {id, recordIssueId, sourceId, recordId, period, productCode, productName,
     *     coefficient, catalogId, catalogVersion, proposedRule}}
     * @throws ApiProblem 400 naming the field (no product, a product not in the catalog version in
     *     force for the record's period, a record without a usable period), 403, 404 for an unknown
     *     issue, 409 for an issue that is not UNMAPPED or whose source is no longer configured
     */
    @Transactional
    public String assign(Caller caller, long issueId, String body) {
        access.requireAdmin(caller, "assign products to unmapped records");
        AssignmentRequest req = RequestBodies.read(body, AssignmentRequest.class);
        String code = RequestBodies.requiredText(req.productCode(), "productCode", 100);
        String reason = RequestBodies.optionalText(req.reason(), "reason", 4000);
        RecordIssueEntity issue = issues.findById(issueId).orElseThrow(() -> new ApiProblem(404, "Not found", "id",
                "no record issue " + issueId));
        if (!RecordIssueEntity.UNMAPPED.equals(issue.kind)) {
            throw new ApiProblem(409, "Conflict", "id", "record issue " + issueId + " is " + issue.kind
                    + ": only UNMAPPED records are assigned a product");
        }
        MappingRegistry.SourceSetup setup = registry.source(issue.sourceId).orElseThrow(() -> new ApiProblem(409, "Conflict",
                null, "source " + issue.sourceId + " is no longer configured"));
        NormalizedRecord rec;
        try {
            rec = setup.normalizer().normalize(mapper.createObjectNode(),
                    new RawRecord(issue.recordIndex == null ? 0 : issue.recordIndex, issue.line == null ? 0 : issue.line,
                            mapper.readTree(issue.payload)));
        } catch (RecordRejectedException | IOException e) {
            throw new ApiProblem(409, "Conflict", null, "record issue " + issueId + " cannot be read: " + e.getMessage());
        }
        Catalog catalog;
        try {
            catalog = setup.catalog().forPeriod(Period.parse(rec.period()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiProblem(409, "Conflict", null, "record " + rec.recordId() + ": " + e.getMessage());
        }
        Product product = catalog.product(code).orElseThrow(() -> new ApiProblem(400, "Bad request", "productCode",
                "product " + code + " is not in catalog " + catalog.id() + " v" + catalog.version() + " (in force for "
                        + rec.period() + "): " + catalog.products().stream().map(Product::code).toList()));
        String rule = proposeRule(rec, product);

        RecordAssignmentEntity a = new RecordAssignmentEntity();
        a.recordIssueId = issueId;
        a.sourceId = issue.sourceId;
        a.recordId = rec.recordId();
        a.productCode = product.code();
        a.catalogId = catalog.id();
        a.catalogVersion = catalog.version();
        a.reason = reason;
        a.proposedRule = rule;
        a.assignedBy = caller.name();
        a.assignedAt = OffsetDateTime.now(clock);
        assignments.save(a);

        ObjectNode n = mapper.createObjectNode();
        n.put("id", a.getId());
        n.put("recordIssueId", issueId);
        n.put("sourceId", a.sourceId);
        n.put("recordId", a.recordId);
        n.put("period", rec.period());
        n.put("productCode", product.code());
        n.put("productName", product.name());
        n.put("coefficient", catalog.coefficient(product.code()));
        n.put("catalogId", catalog.id());
        n.put("catalogVersion", catalog.version());
        n.put("rulesFile", setup.mapping().productRules());
        n.put("proposedRule", rule);
        audit.record(caller, "ASSIGN_PRODUCT", new AuditTrail.Subject("record_issue", String.valueOf(issueId), null, null,
                rec.period()), null, n, reason);
        return n.toString();
    }

    /**
     * @param r the record
     * @param p the product assigned
     * @return a rule in the YAML of {@code mappings/rules/*.yml} matching the record's type, product
     *     type and submission level (when present) and its exact title, deciding {@code p}
     */
    static String proposeRule(NormalizedRecord r, Product p) {
        StringBuilder when = new StringBuilder("{recordType: ").append(r.type().name());
        if (r.productType() != null) {
            when.append(", productType: ").append(yamlString(r.productType()));
        }
        if (r.submissionLevel() != null) {
            when.append(", submissionLevel: ").append(yamlString(r.submissionLevel()));
        }
        if (r.title() != null) {
            when.append(", titlePattern: ").append(yamlString(r.title().replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1")));
        }
        when.append('}');
        return "  - id: R-" + p.code() + "-" + r.recordId().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT) + "\n"
                + "    when: " + when + "\n"
                + "    product: " + p.code() + "\n";
    }

    private static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
