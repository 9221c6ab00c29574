package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.scoring.ScoringPreview;

/**
 * The REST API, versioned under {@code /api/v1}, on Camel's {@code platform-http} (served by the
 * Spring Boot web server), JSON in and out; the OpenAPI document is at {@code /api/v1/openapi.json}.
 * Errors are RFC 9457 problem+json naming the field at fault.
 */
@Component
public class RestApiRouteBuilder extends KpiRouteBuilder {
    private final EvaluationQueryService queries;
    private final ScoringPreview preview;
    private final ObjectMapper mapper = new ObjectMapper();

    public RestApiRouteBuilder(EvaluationQueryService queries, KpiProperties props) {
        this.queries = queries;
        this.preview = new ScoringPreview(props.schemesPath(), props.mappingsPath());
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
                .apiProperty("api.description", "KPI evaluations of civil servants from e-office records");

        onException(ApiProblem.class)
                .handled(true)
                .process(this::problem);

        rest("/evaluations").description("Evaluations with their explanation")
                .get().description("Latest evaluation of each employee of a unit for a period")
                    .param().name("unit").type(org.apache.camel.model.rest.RestParamType.query).required(true).endParam()
                    .param().name("period").type(org.apache.camel.model.rest.RestParamType.query).required(true).endParam()
                    .produces("application/json")
                    .to("direct:apiUnitEvaluations")
                .get("/{employee}/{period}").description("Latest evaluation of an employee for a period, with the "
                        + "per-item table, ratios and rules fired")
                    .produces("application/json")
                    .to("direct:apiEvaluation");
        rest("/record-issues").description("Records kept as UNMAPPED or REJECTED with their reason")
                .get().param().name("kind").type(org.apache.camel.model.rest.RestParamType.query).required(true)
                    .allowableValues("UNMAPPED", "REJECTED").endParam()
                    .produces("application/json")
                    .to("direct:apiRecordIssues");

        rest("/scoring").description("Scoring without storing anything")
                .post("/preview").description("Scores an evaluation request (period, scheme, catalog, employees with "
                        + "work items, general criteria, leadership inputs, working days, excuses, violations) and "
                        + "returns the evaluations and the quota outcome per group; same body as the score command")
                    .consumes("application/json").produces("application/json")
                    .to("direct:apiScoringPreview");

        from("direct:apiScoringPreview").routeId("api-scoring-preview")
                .process(e -> json(e, preview.score(e.getIn().getBody(String.class))));
        from("direct:apiUnitEvaluations").routeId("api-unit-evaluations")
                .process(e -> json(e, queries.unitEvaluations(required(e, "unit"), required(e, "period"))));
        from("direct:apiEvaluation").routeId("api-evaluation")
                .process(e -> json(e, queries.evaluation(required(e, "employee"), required(e, "period"))));
        from("direct:apiRecordIssues").routeId("api-record-issues")
                .process(e -> json(e, queries.recordIssues(required(e, "kind"))));
    }

    static String required(Exchange e, String name) {
        String v = e.getIn().getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            throw new ApiProblem(400, "Bad request", name, "parameter \"" + name + "\" is required");
        }
        return v;
    }

    static void json(Exchange e, String body) {
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        e.getMessage().setBody(body);
    }

    private void problem(Exchange e) {
        ApiProblem p = e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiProblem.class);
        ObjectNode n = mapper.createObjectNode();
        n.put("type", "about:blank");
        n.put("title", p.title());
        n.put("status", p.status());
        n.put("detail", p.getMessage());
        if (p.field() != null) {
            n.put("field", p.field());
        }
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, p.status());
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        e.getMessage().setBody(n.toString());
    }
}
