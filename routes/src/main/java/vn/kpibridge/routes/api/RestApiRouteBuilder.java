package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.model.rest.RestBindingMode;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.scoring.ScoringPreview;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.ApiKeyService;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.security.KpiPrincipal;
import vn.kpibridge.routes.security.KpiRole;
import vn.kpibridge.routes.workflow.ApprovalService;
import vn.kpibridge.routes.workflow.WorkflowService;

/**
 * The REST API, versioned under {@code /api/v1}, on Camel's {@code platform-http} (served by the
 * Spring Boot web server), JSON in and out; the OpenAPI document is at {@code /api/v1/openapi.json}.
 * Errors are RFC 9457 problem+json naming the field at fault.
 *
 * <p>Every endpoint but the OpenAPI document needs an authenticated caller (JWT bearer or
 * {@code X-API-Key}, see {@code SecurityConfig}); the services decide what the caller may read or
 * change on the stored data ({@link AccessPolicy}) and audit every write.
 */
@Component
public class RestApiRouteBuilder extends KpiRouteBuilder {
    private final EvaluationQueryService queries;
    private final WorkflowService workflow;
    private final ApprovalService approvals;
    private final RecordAssignmentService assignments;
    private final ApiKeyService apiKeys;
    private final AccessPolicy access;
    private final ScoringPreview preview;
    private final ObjectMapper mapper = new ObjectMapper();

    public RestApiRouteBuilder(EvaluationQueryService queries, WorkflowService workflow, ApprovalService approvals,
            RecordAssignmentService assignments, ApiKeyService apiKeys, AccessPolicy access, KpiProperties props) {
        this.queries = queries;
        this.workflow = workflow;
        this.approvals = approvals;
        this.assignments = assignments;
        this.apiKeys = apiKeys;
        this.access = access;
        this.preview = new ScoringPreview(props.schemesPath(), props.mappingsPath());
    }

    /**
     * Body of {@code POST /api-keys}.
     *
     * @param name what the key is for
     * @param roles its roles
     * @param unitCode its unit, for REVIEWER/APPROVER/AUDITOR keys
     * @param employeeCode its employee, for EMPLOYEE keys
     */
    public record ApiKeyRequest(String name, Set<KpiRole> roles, String unitCode, String employeeCode) {
    }

    /**
     * Body of {@code POST /publications}.
     *
     * @param unit unit code
     * @param period period code
     */
    public record PublicationRequest(String unit, String period) {
    }

    @Override
    protected void routes() {
        restConfiguration()
                .component("platform-http")
                .bindingMode(RestBindingMode.off)
                .contextPath("/api/v1")
                .apiContextPath("/openapi.json")
                .apiProperty("api.title", "kpi-bridge API")
                .apiProperty("api.version", "1")
                .apiProperty("api.description", "KPI evaluations of civil servants from e-office records: review, approval "
                        + "and publication with an audit trail. Authenticate with \"Authorization: Bearer <JWT>\" or "
                        + "\"X-API-Key: <key>\".");

        apiProblems();

        rest("/evaluations").description("Evaluations with their explanation and workflow")
                .get().description("Latest evaluation of each employee of a unit for a period, with its workflow state")
                    .param().name("unit").type(RestParamType.query).required(true).endParam()
                    .param().name("period").type(RestParamType.query).required(true).endParam()
                    .produces("application/json")
                    .to("direct:apiUnitEvaluations")
                .get("/{employee}/{period}").description("Latest evaluation of an employee for a period, with the "
                        + "per-item table, ratios, rules fired, workflow state, deadlines, self-assessment and reviewer inputs")
                    .produces("application/json")
                    .to("direct:apiEvaluation")
                .get("/{employee}/{period}/audit").description("Audit trail of the evaluation, oldest first")
                    .produces("application/json")
                    .to("direct:apiEvaluationAudit")
                .put("/{employee}/{period}/self-assessment").description("The employee's self-assessment: "
                        + "{proposedRating, generalCriteriaPoints, comment} (EMPLOYEE, own evaluation only)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiSelfAssessment")
                .put("/{employee}/{period}/reviewer-inputs").description("The direct leader's inputs: {generalCriteriaPoints, "
                        + "forceMajeure, leaderAssessment {prolongedDelays, delaysNote, disunityComplaints, disunityNote}, "
                        + "violations[], items {recordId: {qualityFailures, lateDeliveries, leadershipFailures, objectiveCause, "
                        + "qualityFactor, timelinessFactor, leadershipFactor}}, comment} (REVIEWER or APPROVER of the unit)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiReviewerInputs")
                .post("/{employee}/{period}/reopen").description("Reopens an approved or published evaluation for a new "
                        + "review: {reason} (APPROVER)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiReopen")
                .post("/{employee}/{period}/publish").description("Publishes an approved or published evaluation again: "
                        + "{reason} (APPROVER)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiRepublish");
        rest("/approvals").description("The approving authority's decision on a unit's period")
                .post().description("Applies the EXCELLENT quota to the unit's reviewed evaluations and approves them: "
                        + "{unit, period, reason, decisions: [{employeeCode, rating, reason}]}; a rating other than the "
                        + "proposal needs a reason (APPROVER)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiApprove");
        rest("/publications").description("Publication of approved evaluations to the HR and party systems")
                .post().description("Publishes every APPROVED evaluation of a unit's period through the outbox: "
                        + "{unit, period} (APPROVER)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiPublishUnit");
        rest("/overdue").description("Workflow steps past their deadline (scheme timeline, seed 002 IV.1)")
                .get().param().name("unit").type(RestParamType.query).required(true).endParam()
                    .param().name("period").type(RestParamType.query).required(true).endParam()
                    .param().name("asOf").type(RestParamType.query).required(false).description("yyyy-MM-dd, default today")
                    .endParam()
                    .produces("application/json")
                    .to("direct:apiOverdue");
        rest("/record-issues").description("Records kept as UNMAPPED, REJECTED or QUARANTINED with their reason")
                .get().param().name("kind").type(RestParamType.query).required(true)
                    .allowableValues("UNMAPPED", "REJECTED", "QUARANTINED").endParam()
                    .produces("application/json")
                    .to("direct:apiRecordIssues")
                .post("/{id}/assignment").description("Assigns a catalog product to an UNMAPPED record: {productCode, "
                        + "reason}; answers with the product rule it suggests (ADMIN)")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiAssignProduct");
        rest("/api-keys").description("API keys of machine clients (ADMIN)")
                .get().produces("application/json").to("direct:apiListKeys")
                .post().description("Creates a key: {name, roles[], unitCode, employeeCode}; the key is in the answer, once")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiCreateKey")
                .post("/{id}/revoke").description("Revokes a key: {reason}")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiRevokeKey");

        rest("/scoring").description("Scoring without storing anything")
                .post("/preview").description("Scores an evaluation request (period, scheme, catalog, employees with "
                        + "work items, general criteria, leadership inputs, working days, excuses, violations) and "
                        + "returns the evaluations and the quota outcome per group; same body as the score command")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiScoringPreview");

        from("direct:apiScoringPreview").routeId("api-scoring-preview")
                .process(e -> {
                    access.requireAnyRole(caller(e));
                    json(e, preview.score(e.getIn().getBody(String.class)));
                });
        from("direct:apiUnitEvaluations").routeId("api-unit-evaluations")
                .process(e -> json(e, queries.unitEvaluations(caller(e), required(e, "unit"), required(e, "period"))));
        from("direct:apiEvaluation").routeId("api-evaluation")
                .process(e -> json(e, queries.evaluation(caller(e), required(e, "employee"), required(e, "period"))));
        from("direct:apiEvaluationAudit").routeId("api-evaluation-audit")
                .process(e -> json(e, workflow.auditTrail(caller(e), required(e, "employee"), required(e, "period"))));
        from("direct:apiSelfAssessment").routeId("api-self-assessment")
                .process(e -> json(e, workflow.selfAssess(caller(e), required(e, "employee"), required(e, "period"), body(e))));
        from("direct:apiReviewerInputs").routeId("api-reviewer-inputs")
                .process(e -> json(e, workflow.review(caller(e), required(e, "employee"), required(e, "period"), body(e))));
        from("direct:apiReopen").routeId("api-reopen")
                .process(e -> json(e, workflow.reopen(caller(e), required(e, "employee"), required(e, "period"), body(e))));
        from("direct:apiRepublish").routeId("api-republish")
                .process(e -> json(e, workflow.republish(caller(e), required(e, "employee"), required(e, "period"), body(e))));
        from("direct:apiApprove").routeId("api-approve")
                .process(e -> json(e, approvals.approve(caller(e), body(e))));
        from("direct:apiPublishUnit").routeId("api-publish-unit")
                .process(e -> {
                    Caller c = caller(e);
                    PublicationRequest req = RequestBodies.read(body(e), PublicationRequest.class);
                    json(e, workflow.publishUnit(c, RequestBodies.requiredText(req.unit(), "unit", 100),
                            RequestBodies.requiredText(req.period(), "period", 10)));
                });
        from("direct:apiOverdue").routeId("api-overdue")
                .process(e -> json(e, workflow.overdue(caller(e), required(e, "unit"), required(e, "period"), asOf(e))));
        from("direct:apiRecordIssues").routeId("api-record-issues")
                .process(e -> json(e, queries.recordIssues(caller(e), required(e, "kind"))));
        from("direct:apiAssignProduct").routeId("api-assign-product")
                .process(e -> json(e, assignments.assign(caller(e), id(e), body(e))));
        from("direct:apiListKeys").routeId("api-list-keys")
                .process(e -> json(e, apiKeys.list(caller(e)).toString()));
        from("direct:apiCreateKey").routeId("api-create-key")
                .process(e -> {
                    ApiKeyRequest req = RequestBodies.read(body(e), ApiKeyRequest.class);
                    ApiKeyService.Created k = apiKeys.create(caller(e), req.name(), req.roles(), req.unitCode(),
                            req.employeeCode());
                    ObjectNode n = mapper.createObjectNode();
                    n.put("id", k.id());
                    n.put("key", k.key());
                    n.put("note", "store the key now: only its SHA-256 is kept");
                    json(e, 201, n.toString());
                });
        from("direct:apiRevokeKey").routeId("api-revoke-key")
                .process(e -> {
                    WorkflowService.ReasonRequest req = RequestBodies.read(body(e), WorkflowService.ReasonRequest.class);
                    json(e, apiKeys.revoke(caller(e), id(e), req.reason()).toString());
                });
    }

    /**
     * @return the authenticated caller of the request (left by the security filters as a request
     *     attribute: the route runs on Camel's threads) with the remote address
     * @throws ApiProblem 401 when there is none (a route reached without the security filters)
     */
    static Caller caller(Exchange e) {
        PlatformHttpMessage m = e.getIn(PlatformHttpMessage.class);
        HttpServletRequest req = m == null ? null : m.getRequest();
        Object p = req == null ? null : req.getAttribute(KpiPrincipal.REQUEST_ATTRIBUTE);
        if (!(p instanceof KpiPrincipal principal)) {
            throw new ApiProblem(401, "Unauthorized", "Authorization", "authentication required");
        }
        return new Caller(principal, req.getRemoteAddr());
    }

    static String required(Exchange e, String name) {
        String v = e.getIn().getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            throw new ApiProblem(400, "Bad request", name, "parameter \"" + name + "\" is required");
        }
        return v;
    }

    /** @return the request body as text */
    static String body(Exchange e) {
        return e.getIn().getBody(String.class);
    }

    /**
     * @return the path parameter {@code id} as a number
     * @throws ApiProblem 400 naming {@code id} when it is missing or not a whole number
     */
    static long id(Exchange e) {
        String v = required(e, "id");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException ex) {
            throw new ApiProblem(400, "Bad request", "id", "id must be a number, got \"" + v + "\"");
        }
    }

    static LocalDate asOf(Exchange e) {
        String v = e.getIn().getHeader("asOf", String.class);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException ex) {
            throw new ApiProblem(400, "Bad request", "asOf", "asOf must be a date yyyy-MM-dd, got \"" + v + "\"");
        }
    }

    /** Answers 200 with a JSON body. */
    static void json(Exchange e, String body) {
        json(e, 200, body);
    }

    /**
     * @param e the exchange to answer
     * @param status HTTP status (200, 201, 202)
     * @param body JSON text
     */
    static void json(Exchange e, int status, String body) {
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        e.getMessage().setBody(body);
    }

}
