package vn.kpibridge.routes.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.kpibridge.routes.workflow.WorkflowTestData.PERIOD;
import static vn.kpibridge.routes.workflow.WorkflowTestData.approver;
import static vn.kpibridge.routes.workflow.WorkflowTestData.auditor;
import static vn.kpibridge.routes.workflow.WorkflowTestData.bearerOf;
import static vn.kpibridge.routes.workflow.WorkflowTestData.employee2;
import static vn.kpibridge.routes.workflow.WorkflowTestData.employee3;
import static vn.kpibridge.routes.workflow.WorkflowTestData.otherUnitReviewer;
import static vn.kpibridge.routes.workflow.WorkflowTestData.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.security.BootstrapAdminKey;
import vn.kpibridge.routes.security.KpiRole;

/**
 * Authentication and authorisation of every endpoint (issue 6 point 3 and its tests): each role
 * allowed and refused on each endpoint, one unit reading another's data, expired, forged and
 * foreign-issuer JWTs, revoked API keys, the bootstrap ADMIN key, and input errors naming the field.
 */
class ApiSecurityTest extends FlowTestSupport {
    private final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    private BootstrapAdminKey bootstrap;

    @BeforeEach
    void month() throws Exception {
        drop(WorkflowTestData.MONTH, "eoffice-phuc-loi", "phuc-loi-2026-06-sec.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from evaluation_workflow") == 7);
    }

    private static String ev(String employee) {
        return "/api/v1/evaluations/" + employee + "/" + PERIOD;
    }

    /** One endpoint call: method, path, body. */
    private record Call(String name, String method, String path, String body) {
    }

    @Test
    void eachRoleIsAllowedOrRefusedOnEachEndpoint() throws Exception {
        String vp = "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD + "\"}";
        List<Call> calls = List.of(
                new Call("list unit", "GET", "/api/v1/evaluations?unit=PL-VP&period=" + PERIOD, null),
                new Call("read one", "GET", ev("PL-003"), null),
                new Call("audit", "GET", ev("PL-003") + "/audit", null),
                new Call("self-assessment", "PUT", ev("PL-003") + "/self-assessment", "{\"proposedRating\": \"GOOD\"}"),
                new Call("reviewer inputs", "PUT", ev("PL-004") + "/reviewer-inputs", "{\"comment\": \"Đồng ý\"}"),
                new Call("approval", "POST", "/api/v1/approvals", vp),
                new Call("publication", "POST", "/api/v1/publications", vp),
                new Call("reopen", "POST", ev("PL-005") + "/reopen", "{\"reason\": \"kiểm tra\"}"),
                new Call("republish", "POST", ev("PL-005") + "/publish", "{\"reason\": \"gửi lại\"}"),
                new Call("overdue", "GET", "/api/v1/overdue?unit=PL-VP&period=" + PERIOD + "&asOf=2026-06-20", null),
                new Call("record issues", "GET", "/api/v1/record-issues?kind=UNMAPPED", null),
                new Call("api keys", "GET", "/api/v1/api-keys", null),
                new Call("preview", "POST", "/api/v1/scoring/preview", Files.readString(java.nio.file.Path.of(
                        "../samples/scoring/seed001-worked-example.json"))),
                new Call("deliveries", "GET", "/api/v1/deliveries", null),
                new Call("re-drive", "POST", "/api/v1/deliveries/987654/redrive", null),
                new Call("sync runs", "GET", "/api/v1/sync-runs", null),
                new Call("mapping status", "GET", "/api/v1/mappings/status", null));
        Map<String, Credentials> who = new LinkedHashMap<>();
        who.put("ADMIN", admin());
        who.put("APPROVER of the ward", approver());
        who.put("REVIEWER of PL-VP", reviewer());
        who.put("EMPLOYEE PL-003", employee3());
        who.put("EMPLOYEE PL-002", employee2());
        who.put("AUDITOR of PL-VP", auditor());
        who.put("REVIEWER+APPROVER of PL-KT", otherUnitReviewer());
        who.put("no role", bearerOf("nobody", "PL-VP", null));
        // expected status per caller, in the order of the calls; 409 = past the access check, refused by the workflow
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("ADMIN", new int[] {200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 200, 200, 200, 200, 404, 200, 200});
        expected.put("APPROVER of the ward", new int[] {200, 200, 200, 403, 200, 409, 409, 409, 409, 200, 403, 403, 200, 403, 403, 403, 403});
        expected.put("REVIEWER of PL-VP", new int[] {200, 200, 200, 403, 200, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403});
        expected.put("EMPLOYEE PL-003", new int[] {403, 200, 200, 200, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403});
        expected.put("EMPLOYEE PL-002", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403});
        expected.put("AUDITOR of PL-VP", new int[] {200, 200, 200, 403, 403, 403, 403, 403, 403, 200, 403, 403, 200, 403, 403, 403, 403});
        expected.put("REVIEWER+APPROVER of PL-KT", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403, 403, 403, 403});
        expected.put("no role", new int[] {403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403});
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Credentials> w : who.entrySet()) {
            int[] exp = expected.get(w.getKey());
            for (int i = 0; i < calls.size(); i++) {
                Call c = calls.get(i);
                HttpResponse<String> r = apiCall(w.getValue(), c.method(), c.path(), c.body());
                if (r.statusCode() != exp[i]) {
                    wrong.add(w.getKey() + " / " + c.name() + ": " + r.statusCode() + " (expected " + exp[i] + ") " + r.body());
                }
                if (r.statusCode() == 403) {
                    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                            .startsWith("application/problem+json"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        // without credentials every endpoint answers 401 problem+json (the OpenAPI document stays public)
        for (Call c : calls) {
            HttpResponse<String> r = apiCall(null, c.method(), c.path(), c.body());
            assertThat(r.statusCode()).as(c.name()).isEqualTo(401);
            assertThat(mapper.readTree(r.body()).get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void oneUnitNeverReadsAnothersData() throws Exception {
        Credentials kt = otherUnitReviewer();
        HttpResponse<String> list = apiGet(kt, "/api/v1/evaluations?unit=PL-VP&period=" + PERIOD);
        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(list.body()).get("detail").asText())
                .isEqualTo("kt.truong.phong (roles APPROVER,REVIEWER, unit PL-KT) may not read the data of unit PL-VP");
        assertThat(apiGet(kt, ev("PL-003")).statusCode()).isEqualTo(403);
        assertThat(apiGet(kt, "/api/v1/overdue?unit=PL-UBND&period=" + PERIOD).statusCode()).isEqualTo(403);
        // its own unit is fine, and the ward's approver sees both units below
        assertThat(mapper.readTree(apiGet(kt, "/api/v1/evaluations?unit=PL-KT&period=" + PERIOD).body()))
                .extracting(n -> n.get("employeeCode").asText()).containsExactly("PL-102");
        assertThat(apiGet(approver(), ev("PL-102")).statusCode()).isEqualTo(200);
        // an office reviewer does not reach the ward above it or its sibling unit
        assertThat(apiGet(reviewer(), ev("PL-102")).statusCode()).isEqualTo(403);
        assertThat(apiCall(reviewer(), "PUT", ev("PL-102") + "/reviewer-inputs", "{}").statusCode()).isEqualTo(403);
        // nor reviews themselves
        assertThat(mapper.readTree(apiCall(reviewer(), "PUT", ev("PL-001") + "/reviewer-inputs", "{}").body()).get("detail")
                .asText()).endsWith("may not review their own evaluation");
    }

    @Test
    void expiredForgedAndForeignTokensAreRefused() throws Exception {
        String path = "/api/v1/evaluations?unit=PL-VP&period=" + PERIOD;
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("x").claim("preferred_username", "x")
                .claim("roles", List.of("ADMIN"));
        String expired = sign(SIGNING_KEY, claims.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600))).build());
        HttpResponse<String> r1 = apiGet(bearer(expired), path);
        assertThat(r1.statusCode()).isEqualTo(401);
        assertThat(mapper.readTree(r1.body()).get("detail").asText()).contains("expired");

        RSAKey forger = new RSAKeyGenerator(2048).keyID(SIGNING_KEY.getKeyID()).generate();
        String forged = sign(forger, claims.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build());
        HttpResponse<String> r2 = apiGet(bearer(forged), path);
        assertThat(r2.statusCode()).isEqualTo(401);
        assertThat(mapper.readTree(r2.body()).get("detail").asText()).containsIgnoringCase("signature");

        String foreign = sign(SIGNING_KEY, claims.issuer("https://elsewhere.example/realms/kpi").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).build());
        assertThat(apiGet(bearer(foreign), path).statusCode()).isEqualTo(401);
        assertThat(apiGet(bearer("not-a-jwt"), path).statusCode()).isEqualTo(401);
        // the same claims correctly signed pass
        String good = sign(SIGNING_KEY, claims.issuer(ISSUER).build());
        assertThat(apiGet(bearer(good), path).statusCode()).isEqualTo(200);
    }

    @Test
    void apiKeysAreStoredHashedScopedAndRevocable() throws Exception {
        HttpResponse<String> created = apiCall(admin(), "POST", "/api/v1/api-keys",
                "{\"name\": \"thanh-tra-vp\", \"roles\": [\"AUDITOR\"], \"unitCode\": \"PL-VP\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode k = mapper.readTree(created.body());
        String key = k.get("key").asText();
        assertThat(key).startsWith("kpib_").hasSize(5 + 43);
        String stored = jdbc.queryForObject("select key_sha256 from api_key where id = ?", String.class, k.get("id").asLong());
        assertThat(stored).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes("UTF-8"))));
        assertThat(count("select count(*) from api_key where key_sha256 = ? or key_prefix = ?", key, key)).isZero();
        assertThat(apiGet(admin(), "/api/v1/api-keys").body()).doesNotContain(key).doesNotContain(stored);

        Credentials machine = apiKey(key);
        assertThat(apiGet(machine, "/api/v1/evaluations?unit=PL-VP&period=" + PERIOD).statusCode()).isEqualTo(200);
        assertThat(apiGet(machine, "/api/v1/evaluations?unit=PL-KT&period=" + PERIOD).statusCode()).isEqualTo(403);
        assertThat(apiCall(machine, "PUT", ev("PL-004") + "/reviewer-inputs", "{}").statusCode()).isEqualTo(403);

        assertThat(apiCall(admin(), "POST", "/api/v1/api-keys/" + k.get("id").asLong() + "/revoke", "{}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> revoked = apiCall(admin(), "POST", "/api/v1/api-keys/" + k.get("id").asLong() + "/revoke",
                "{\"reason\": \"hết nhiệm vụ thanh tra\"}");
        assertThat(revoked.statusCode()).isEqualTo(200);
        HttpResponse<String> refused = apiGet(machine, "/api/v1/evaluations?unit=PL-VP&period=" + PERIOD);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(mapper.readTree(refused.body()).get("field").asText()).isEqualTo("X-API-Key");
        assertThat(apiGet(apiKey("kpib_guessed"), "/api/v1/api-keys").statusCode()).isEqualTo(401);
        JsonNode trail = mapper.readTree(jdbc.queryForObject("select json_agg(action order by id)::text from audit_entry "
                + "where entity_type = 'api_key'", String.class));
        assertThat(trail).extracting(JsonNode::asText).containsExactly("API_KEY_CREATE", "API_KEY_REVOKE");

        // a REVIEWER key needs a unit; the error names the field
        HttpResponse<String> bad = apiCall(admin(), "POST", "/api/v1/api-keys", "{\"name\": \"x\", \"roles\": [\"REVIEWER\"]}");
        assertThat(mapper.readTree(bad.body()).get("field").asText()).isEqualTo("unitCode");
        HttpResponse<String> badRole = apiCall(admin(), "POST", "/api/v1/api-keys", "{\"name\": \"x\", \"roles\": [\"BOSS\"]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(badRole.body()).get("field").asText()).isEqualTo("roles[0]");
    }

    @Test
    void theBootstrapAdminKeyIsTheLocalLogin() throws Exception {
        java.nio.file.Path file = DATA.resolve("keys/bootstrap-admin.key");
        assertThat(file).exists();
        bootstrap.ensure(); // registers the file's key again after the tables were emptied
        String key = Files.readString(file).trim();
        assertThat(apiGet(apiKey(key), "/api/v1/api-keys").statusCode()).isEqualTo(200);
        assertThat(count("select count(*) from api_key where name = 'bootstrap-admin' and roles = 'ADMIN'")).isEqualTo(1);
    }

    @Test
    void inputErrorsNameTheField() throws Exception {
        record Case(Credentials who, String method, String path, String body, String field) {
        }
        List<Case> cases = List.of(
                new Case(reviewer(), "PUT", ev("PL-004") + "/reviewer-inputs",
                        "{\"items\": {\"CV-2026-06-004\": {\"qualityFactor\": 1.5}}}", "items.CV-2026-06-004.qualityFactor"),
                new Case(reviewer(), "PUT", ev("PL-004") + "/reviewer-inputs", "{\"items\": {\"CV-9\": {}}}", "items.CV-9"),
                new Case(reviewer(), "PUT", ev("PL-004") + "/reviewer-inputs", "{\"generalCriteriaPoints\": 31}",
                        "generalCriteriaPoints"),
                new Case(reviewer(), "PUT", ev("PL-004") + "/reviewer-inputs", "{\"generalCriteria\": 30}", "generalCriteria"),
                new Case(reviewer(), "PUT", ev("PL-004") + "/reviewer-inputs",
                        "{\"items\": {\"CV-2026-06-004\": {\"lateDeliveries\": -1}}}", "items.CV-2026-06-004.lateDeliveries"),
                new Case(reviewer(), "PUT", ev("PL-004") + "/reviewer-inputs", "{\"violations\": [\"\"]}", "violations[0]"),
                new Case(employee3(), "PUT", ev("PL-003") + "/self-assessment", "{\"proposedRating\": \"TOT\"}", "proposedRating"),
                new Case(employee3(), "PUT", ev("PL-003") + "/self-assessment", "{\"comment\": \"x\"}", "proposedRating"),
                new Case(approver(), "POST", "/api/v1/approvals", "{\"period\": \"2026-06\"}", "unit"),
                new Case(approver(), "POST", "/api/v1/approvals", "{\"unit\": \"PL-VP\", \"period\": \"06/2026\"}", "period"),
                new Case(approver(), "GET", "/api/v1/overdue?unit=PL-VP&period=2026-06&asOf=20-06-2026", null, "asOf"),
                new Case(approver(), "GET", "/api/v1/overdue?period=2026-06", null, "unit"),
                new Case(admin(), "POST", "/api/v1/record-issues/abc/assignment", "{\"productCode\": \"BTC-01\"}", "id"));
        for (Case c : cases) {
            HttpResponse<String> r = apiCall(c.who(), c.method(), c.path(), c.body());
            assertThat(r.statusCode()).as(c.path() + " " + c.body() + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(mapper.readTree(r.body()).get("field").asText()).as(r.body()).isEqualTo(c.field());
        }
        // nothing was written by a refused call
        assertThat(count("select count(*) from reviewer_input")).isZero();
        assertThat(count("select count(*) from audit_entry where action <> 'EVALUATION_CREATED'")).isZero();
    }

    @Test
    void anUnmappedRecordIsAssignedAProductWithARuleProposed() throws Exception {
        drop("{\"period\": \"2026-06\", \"records\": [{\"id\": \"CV-2026-06-099\", \"version\": 1, \"loai\": \"CONG_VIEC\", "
                + "\"ky\": \"2026-06\", \"nguoiThucHienId\": \"pl-006\", \"tenCongViec\": \"Kế hoạch tổ chức hội nghị (quý III)\", "
                + "\"sanPham\": \"Kế hoạch\", \"soLuongKeHoach\": 1, \"soLuongHoanThanh\": 1}]}", "eoffice-phuc-loi", "unmapped.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from record_issue where kind = 'UNMAPPED'") == 1);
        long id = jdbc.queryForObject("select id from record_issue where kind = 'UNMAPPED'", Long.class);
        assertThat(apiCall(reviewer(), "POST", "/api/v1/record-issues/" + id + "/assignment", "{\"productCode\": \"BTC-07\"}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> notInCatalog = apiCall(admin(), "POST", "/api/v1/record-issues/" + id + "/assignment",
                "{\"productCode\": \"BTC-99\"}");
        assertThat(mapper.readTree(notInCatalog.body()).get("field").asText()).isEqualTo("productCode");
        HttpResponse<String> r = apiCall(admin(), "POST", "/api/v1/record-issues/" + id + "/assignment",
                "{\"productCode\": \"BTC-07\", \"reason\": \"Kế hoạch hội nghị tương đương tờ trình công tác cán bộ\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode a = mapper.readTree(r.body());
        assertThat(a.get("coefficient").decimalValue()).isEqualByComparingTo("1");
        assertThat(a.get("catalogVersion").asText()).isEqualTo("2026.1");
        assertThat(a.get("proposedRule").asText()).isEqualTo("  - id: R-BTC-07-cv-2026-06-099\n"
                + "    when: {recordType: TASK, productType: \"Kế hoạch\", titlePattern: \"Kế hoạch tổ chức hội nghị \\\\(quý III\\\\)\"}\n"
                + "    product: BTC-07\n");
        JsonNode listed = mapper.readTree(apiGet(admin(), "/api/v1/record-issues?kind=UNMAPPED").body());
        assertThat(listed.at("/0/assignments/0/productCode").asText()).isEqualTo("BTC-07");
        assertThat(count("select count(*) from audit_entry where action = 'ASSIGN_PRODUCT' and actor = 'admin.test'")).isEqualTo(1);
    }
}
