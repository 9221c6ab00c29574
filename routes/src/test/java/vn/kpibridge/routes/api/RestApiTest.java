package vn.kpibridge.routes.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * The REST API over real HTTP: evaluations with explanation, record issues, problem+json, OpenAPI.
 * Calls are made as an ADMIN (JWT); the roles themselves are tested in ApiSecurityTest.
 */
class RestApiTest extends FlowTestSupport {
    private final ObjectMapper mapper = new ObjectMapper();

    /** GET as an ADMIN (reads every unit). */
    private HttpResponse<String> get(String path) throws Exception {
        return apiGet(admin(), path);
    }

    @Test
    void evaluationsOfTheSeedExampleAreServedWithTheirExplanation() throws Exception {
        drop(Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json"), "eoffice-btc", "api.json");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from evaluation") == 1);

        HttpResponse<String> list = get("/api/v1/evaluations?unit=BTC-TU&period=2026-Q2");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode rows = mapper.readTree(list.body());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("totalPoints").decimalValue()).isEqualByComparingTo("91.93");
        assertThat(rows.get(0).get("proposedRating").asText()).isEqualTo("NOT_COMPLETED");
        assertThat(rows.get(0).get("fullName").asText()).isEqualTo("Nguyễn Văn A");

        HttpResponse<String> one = get("/api/v1/evaluations/BTC-CB-0001/2026-Q2");
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode ev = mapper.readTree(one.body()).get("evaluation");
        assertThat(ev.get("items")).hasSize(5);
        assertThat(ev.get("rulesFired").get(0).get("code").asText()).isEqualTo("TASKS_BELOW_100_PERCENT");

        HttpResponse<String> missing = get("/api/v1/evaluations/BTC-CB-0001/2026-Q1");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(mapper.readTree(missing.body()).get("detail").asText())
                .isEqualTo("no evaluation of employee BTC-CB-0001 for period 2026-Q1");

        HttpResponse<String> badPeriod = get("/api/v1/evaluations?unit=BTC-TU&period=Q2-2026");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(badPeriod.body()).get("field").asText()).isEqualTo("period");

        HttpResponse<String> issues = get("/api/v1/record-issues?kind=UNMAPPED");
        assertThat(issues.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(issues.body())).isEmpty();
    }

    @Test
    void scoringPreviewScoresTheSampleAndNamesBadFields() throws Exception {
        // the same employee and period taken in from records first: a preview must leave its stored evaluation alone
        drop(Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json"), "eoffice-btc", "preview.json");
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from evaluation") == 1);
        String stored = "select employee_code || ' ' || period || ' v' || version || ' ' || total_points from evaluation "
                + "order by id";
        List<String> before = jdbc.queryForList(stored, String.class);
        assertThat(before).containsExactly("BTC-CB-0001 2026-Q2 v1 91.93");

        String body = java.nio.file.Files.readString(Path.of("../samples/scoring/seed001-worked-example.json"));
        HttpResponse<String> ok = apiCall(admin(), "POST", "/api/v1/scoring/preview", body);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(ok.body()).at("/units/0/results/0/display/totalPoints").decimalValue())
                .isEqualByComparingTo("91.93");
        assertThat(jdbc.queryForList(stored, String.class)).as("a preview stores nothing").isEqualTo(before);
        HttpResponse<String> bad = apiCall(admin(), "POST", "/api/v1/scoring/preview",
                body.replace("\"plannedQuantity\": 2", "\"plannedQuantity\": \"hai\""));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(bad.body()).get("field").asText()).isEqualTo("employees[0].items[0].plannedQuantity");
    }

    @Test
    void openApiDocumentListsTheEndpoints() throws Exception {
        // the OpenAPI document is public: no credentials
        HttpResponse<String> r = apiCall(null, "GET", "/api/v1/openapi.json", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = mapper.readTree(r.body());
        assertThat(doc.get("info").get("title").asText()).isEqualTo("kpi-bridge API");
        assertThat(doc.get("paths").has("/evaluations/{employee}/{period}")).isTrue();
        assertThat(doc.get("paths").has("/record-issues")).isTrue();
        assertThat(doc.get("paths").has("/scoring/preview")).isTrue();
        assertThat(doc.get("paths").has("/evaluations/{employee}/{period}/reviewer-inputs")).isTrue();
        assertThat(doc.get("paths").has("/approvals")).isTrue();
        assertThat(doc.get("paths").has("/overdue")).isTrue();
    }
}
