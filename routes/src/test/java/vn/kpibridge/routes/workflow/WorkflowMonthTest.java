package vn.kpibridge.routes.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.kpibridge.routes.workflow.WorkflowTestData.PERIOD;
import static vn.kpibridge.routes.workflow.WorkflowTestData.approver;
import static vn.kpibridge.routes.workflow.WorkflowTestData.employee3;
import static vn.kpibridge.routes.workflow.WorkflowTestData.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * A unit's month taken from records to publication through the API alone, by the right roles
 * (issue 6 "Done when"), with the audit trail checked entry by entry, the quota applied by the
 * approval (seed 002 II.2 (5)), deadlines of seed 002 IV.1, and new records after publication
 * sending the evaluation back for review without losing the reviewer's inputs.
 */
class WorkflowMonthTest extends FlowTestSupport {
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    private JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        return mapper.readTree(r.body());
    }

    private HttpResponse<String> put(Credentials who, String path, String json) throws Exception {
        return apiCall(who, "PUT", path, json);
    }

    private HttpResponse<String> post(Credentials who, String path, String json) throws Exception {
        return apiCall(who, "POST", path, json);
    }

    private static String ev(String employee) {
        return "/api/v1/evaluations/" + employee + "/" + PERIOD;
    }

    @Test
    void aUnitsMonthGoesFromRecordsToPublicationWithEveryStepAudited() throws Exception {
        drop(WorkflowTestData.MONTH, "eoffice-phuc-loi", "phuc-loi-2026-06.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from evaluation_workflow") == 7);

        // PROVISIONAL from records, with the deadlines of seed 002 IV.1
        JsonNode list = ok(apiGet(reviewer(), "/api/v1/evaluations?unit=PL-VP&period=" + PERIOD));
        assertThat(list).hasSize(6);
        assertThat(list.findValuesAsText("state")).containsOnly("PROVISIONAL");
        JsonNode e3 = ok(apiGet(employee3(), ev("PL-003")));
        assertThat(e3.at("/evaluation/displayedTotal").decimalValue()).isEqualByComparingTo("98.00");
        assertThat(e3.at("/workflow/deadlines/selfAssessmentBefore").asText()).isEqualTo("2026-06-25");
        assertThat(e3.at("/workflow/deadlines/reviewBefore").asText()).isEqualTo("2026-06-26");
        assertThat(e3.at("/workflow/deadlines/decisionBefore").asText()).isEqualTo("2026-06-28");
        assertThat(e3.at("/workflow/deadlines/publicationBefore").asText()).isEqualTo("2026-07-05");
        JsonNode overdue = ok(apiGet(approver(), "/api/v1/overdue?unit=PL-UBND&period=" + PERIOD + "&asOf=2026-06-25"));
        assertThat(overdue.findValuesAsText("employeeCode")).containsExactly("PL-102", "PL-001", "PL-002", "PL-003", "PL-004",
                "PL-005", "PL-006");
        assertThat(overdue.get(0).get("step").asText()).isEqualTo("SELF_ASSESSMENT");
        assertThat(overdue.get(0).get("daysLate").asInt()).isEqualTo(1);
        assertThat(ok(apiGet(approver(), "/api/v1/overdue?unit=PL-UBND&period=" + PERIOD + "&asOf=2026-06-24"))).isEmpty();

        // the employee's self-assessment (re-scored: the proposal is part of the evaluation -> v2)
        JsonNode sa = ok(put(employee3(), ev("PL-003") + "/self-assessment",
                "{\"proposedRating\": \"EXCELLENT\", \"generalCriteriaPoints\": 30, \"comment\": \"Hoàn thành đủ, đúng hạn\"}"));
        assertThat(sa.get("state").asText()).isEqualTo("SELF_ASSESSED");
        assertThat(sa.get("evaluationVersion").asInt()).isEqualTo(2);

        // the reviewer: PL-003's general criteria 29 -> 99.00; the others confirmed as they are
        JsonNode rv = ok(put(reviewer(), ev("PL-003") + "/reviewer-inputs",
                "{\"generalCriteriaPoints\": 29, \"comment\": \"Trừ 1 điểm tiêu chí chung: chậm báo cáo đột xuất\"}"));
        assertThat(rv.get("state").asText()).isEqualTo("REVIEWED");
        assertThat(rv.get("evaluationVersion").asInt()).isEqualTo(3);
        assertThat(rv.get("totalPoints").decimalValue()).isEqualByComparingTo("99.00");
        for (String emp : new String[] {"PL-002", "PL-004", "PL-005"}) {
            ok(put(reviewer(), ev(emp) + "/reviewer-inputs", "{\"comment\": \"Đồng ý kết quả\"}"));
        }
        ok(put(approver(), ev("PL-001") + "/reviewer-inputs",
                "{\"leaderAssessment\": {\"prolongedDelays\": false, \"disunityComplaints\": false}, \"comment\": \"Đơn vị đoàn kết\"}"));

        // not every evaluation reviewed yet: no approval
        JsonNode early = problem(post(approver(), "/api/v1/approvals", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD + "\"}"), 409);
        assertThat(early.get("detail").asText()).contains("PL-006 PROVISIONAL");
        ok(put(reviewer(), ev("PL-006") + "/reviewer-inputs", "{\"comment\": \"Đồng ý kết quả\"}"));

        // approval: quota base 5 (PL-002..006; head not counted), cap round-half-up(20% x 5) = 1;
        // proposed: PL-002 (100) within the cap, PL-005 (94.17), PL-004 (95), PL-003 (99) to GOOD
        JsonNode noReason = problem(post(approver(), "/api/v1/approvals", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD
                + "\", \"decisions\": [{\"employeeCode\": \"PL-002\", \"rating\": \"GOOD\"}]}"), 400);
        assertThat(noReason.get("field").asText()).isEqualTo("decisions[0].reason");
        JsonNode overCap = problem(post(approver(), "/api/v1/approvals", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD
                + "\", \"decisions\": [{\"employeeCode\": \"PL-003\", \"rating\": \"EXCELLENT\", \"reason\": \"Sáng kiến\"}]}"), 400);
        assertThat(overCap.get("field").asText()).isEqualTo("decisions");
        assertThat(overCap.get("detail").asText()).contains("2 rated EXCELLENT").contains("allows 1");
        JsonNode approved = ok(post(approver(), "/api/v1/approvals", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD
                + "\", \"reason\": \"Quyết định số 15/QĐ-UBND\", \"decisions\": ["
                + "{\"employeeCode\": \"PL-002\", \"rating\": \"GOOD\", \"reason\": \"Nhường tỷ lệ: PL-003 có sáng kiến được công nhận\"},"
                + "{\"employeeCode\": \"PL-003\", \"rating\": \"EXCELLENT\", \"reason\": \"Sáng kiến cải cách hành chính được công nhận\"}]}"));
        JsonNode quota = approved.get("quotas").get(0);
        assertThat(quota.get("base").asInt()).isEqualTo(5);
        assertThat(quota.get("cap").asInt()).isEqualTo(1);
        assertThat(quota.get("proposedForGood")).extracting(JsonNode::asText).containsExactly("PL-005", "PL-004", "PL-003");
        java.util.Map<String, JsonNode> byEmp = new java.util.HashMap<>();
        approved.get("approved").forEach(n -> byEmp.put(n.get("employeeCode").asText(), n));
        assertThat(byEmp.get("PL-001").get("quotaStatus").asText()).isEqualTo("HEAD_NOT_COUNTED");
        assertThat(byEmp.get("PL-001").get("approvedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(byEmp.get("PL-002").get("proposedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(byEmp.get("PL-002").get("approvedRating").asText()).isEqualTo("GOOD");
        assertThat(byEmp.get("PL-002").get("changed").asBoolean()).isTrue();
        assertThat(byEmp.get("PL-003").get("proposedRating").asText()).isEqualTo("GOOD");
        assertThat(byEmp.get("PL-003").get("approvedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(byEmp.get("PL-004").get("approvedRating").asText()).isEqualTo("GOOD");
        assertThat(byEmp.get("PL-005").get("totalPoints").decimalValue()).isEqualByComparingTo("94.17");
        assertThat(byEmp.get("PL-005").get("approvedRating").asText()).isEqualTo("GOOD");
        assertThat(byEmp.get("PL-006").get("changed").asBoolean()).isFalse();

        // nothing left for other systems before the publication (kpi.release.on=publication)
        assertThat(count("select count(*) from outbox_message where target in ('EVALUATION_FINALIZED_TOPIC', 'HR')"))
                .isZero();
        // publication through the outbox: delivered to the queue by the relay
        JsonNode pub = ok(post(approver(), "/api/v1/publications", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD + "\"}"));
        assertThat(pub.get("published")).hasSize(6);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from outbox_message where kind = "
                + "'evaluation.finalized' and status = 'DELIVERED' and target = 'EVALUATIONS_QUEUE'") == 6);
        JsonNode msg = mapper.readTree(jdbc.queryForObject("select payload::text from outbox_message where idempotency_key = ? "
                + "and target = 'EVALUATIONS_QUEUE'", String.class, "PL-003:2026-06:v3:published:1"));
        // and the evaluation.finalized event of each publication, APPROVED, on the topic
        await().atMost(Duration.ofSeconds(15)).until(() -> count("select count(*) from outbox_message where target = "
                + "'EVALUATION_FINALIZED_TOPIC' and status = 'DELIVERED'") == 6);
        JsonNode event = mapper.readTree(jdbc.queryForObject("select payload::text from outbox_message where idempotency_key = ? "
                + "and target = 'EVALUATION_FINALIZED_TOPIC'", String.class, "PL-003:2026-06:v3:published:1"));
        assertThat(event.get("trigger").asText()).isEqualTo("evaluation-published");
        assertThat(event.get("approvalStatus").asText()).isEqualTo("APPROVED");
        assertThat(event.get("approvedRating").asText()).isEqualTo("EXCELLENT");
        // the scoring's own proposal (before the quota moved PL-003 to GOOD and the approver back)
        assertThat(event.get("proposedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(event.get("totalPoints").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(msg.get("approvedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(msg.get("approvedRatingLabel").asText()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        assertThat(msg.get("totalPoints").decimalValue()).isEqualByComparingTo("99.00");

        // reopening needs a reason; back through review and approval, published again
        assertThat(problem(post(approver(), ev("PL-003") + "/reopen", "{}"), 400).get("field").asText()).isEqualTo("reason");
        assertThat(ok(post(approver(), ev("PL-003") + "/reopen", "{\"reason\": \"Đơn thư phản ánh về kết quả\"}"))
                .get("state").asText()).isEqualTo("REOPENED");
        ok(put(reviewer(), ev("PL-003") + "/reviewer-inputs", "{\"generalCriteriaPoints\": 29, \"comment\": \"Xác minh: giữ nguyên\"}"));
        JsonNode again = ok(post(approver(), "/api/v1/approvals", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD
                + "\", \"decisions\": [{\"employeeCode\": \"PL-003\", \"rating\": \"EXCELLENT\", \"reason\": \"Giữ nguyên sau xác minh\"}]}"));
        assertThat(again.get("approved")).hasSize(1);
        JsonNode pub2 = ok(post(approver(), "/api/v1/publications", "{\"unit\": \"PL-VP\", \"period\": \"" + PERIOD + "\"}"));
        assertThat(pub2.at("/published/0/idempotencyKey").asText()).isEqualTo("PL-003:2026-06:v3:published:2");

        // the audit trail of PL-003, entry by entry
        JsonNode audit = ok(apiGet(employee3(), ev("PL-003") + "/audit"));
        assertThat(audit.findValuesAsText("action")).containsExactly("EVALUATION_CREATED", "SELF_ASSESSMENT", "REVIEW", "APPROVE",
                "PUBLISH", "REOPEN", "REVIEW", "APPROVE", "PUBLISH");
        JsonNode a0 = audit.get(0);
        assertThat(a0.get("actor").asText()).isEqualTo("system");
        assertThat(a0.get("authMethod").asText()).isEqualTo("SYSTEM");
        assertThat(a0.get("before").isNull()).isTrue();
        assertThat(a0.at("/after/state").asText()).isEqualTo("PROVISIONAL");
        assertThat(a0.at("/after/totalPoints").decimalValue()).isEqualByComparingTo("98.00");
        JsonNode a1 = audit.get(1);
        assertThat(a1.get("actor").asText()).isEqualTo("ngo.thi.ba");
        assertThat(a1.get("roles").asText()).isEqualTo("EMPLOYEE");
        assertThat(a1.get("authMethod").asText()).isEqualTo("JWT");
        assertThat(a1.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(a1.at("/before/state").asText()).isEqualTo("PROVISIONAL");
        assertThat(a1.at("/before/selfAssessment").isNull()).isTrue();
        assertThat(a1.at("/after/state").asText()).isEqualTo("SELF_ASSESSED");
        assertThat(a1.at("/after/evaluationVersion").asInt()).isEqualTo(2);
        assertThat(a1.at("/after/selfAssessment/proposedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(a1.get("reason").asText()).isEqualTo("Hoàn thành đủ, đúng hạn");
        JsonNode a2 = audit.get(2);
        assertThat(a2.get("actor").asText()).isEqualTo("le.thi.mot");
        assertThat(a2.at("/before/totalPoints").decimalValue()).isEqualByComparingTo("98.00");
        assertThat(a2.at("/after/totalPoints").decimalValue()).isEqualByComparingTo("99.00");
        assertThat(a2.at("/after/reviewerInputs/generalCriteriaPoints").decimalValue()).isEqualByComparingTo("29");
        assertThat(a2.get("reason").asText()).isEqualTo("Trừ 1 điểm tiêu chí chung: chậm báo cáo đột xuất");
        JsonNode a3 = audit.get(3);
        assertThat(a3.get("actor").asText()).isEqualTo("tran.van.chu");
        assertThat(a3.get("roles").asText()).isEqualTo("APPROVER,REVIEWER");
        assertThat(a3.at("/before/state").asText()).isEqualTo("REVIEWED");
        assertThat(a3.at("/after/state").asText()).isEqualTo("APPROVED");
        assertThat(a3.at("/after/approvedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(a3.at("/after/quotaProposedRating").asText()).isEqualTo("GOOD");
        assertThat(a3.at("/after/quotaStatus").asText()).isEqualTo("PROPOSED_FOR_GOOD");
        assertThat(a3.get("reason").asText()).isEqualTo("Sáng kiến cải cách hành chính được công nhận");
        JsonNode a4 = audit.get(4);
        assertThat(a4.at("/after/state").asText()).isEqualTo("PUBLISHED");
        assertThat(a4.at("/after/idempotencyKey").asText()).isEqualTo("PL-003:2026-06:v3:published:1");
        JsonNode a5 = audit.get(5);
        assertThat(a5.at("/before/state").asText()).isEqualTo("PUBLISHED");
        assertThat(a5.at("/after/state").asText()).isEqualTo("REOPENED");
        assertThat(a5.get("reason").asText()).isEqualTo("Đơn thư phản ánh về kết quả");
        assertThat(audit.get(6).at("/before/state").asText()).isEqualTo("REOPENED");
        assertThat(audit.get(6).at("/after/state").asText()).isEqualTo("REVIEWED");
        assertThat(audit.get(7).get("reason").asText()).isEqualTo("Giữ nguyên sau xác minh");
        assertThat(audit.get(8).at("/after/publications").asInt()).isEqualTo(2);

        // new records after publication: back for review, the reviewer's 29 points kept
        String v2 = Files.readString(WorkflowTestData.MONTH).replace("\"id\": \"CV-2026-06-003\",\n   \"version\": 1",
                "\"id\": \"CV-2026-06-003\",\n   \"version\": 2").replace("\"id\": \"CV-2026-06-003\", \"version\": 1",
                "\"id\": \"CV-2026-06-003\", \"version\": 2");
        assertThat(v2).contains("\"version\": 2");
        v2 = v2.substring(0, v2.indexOf("\"id\": \"CV-2026-06-003\"")) + v2.substring(v2.indexOf("\"id\": \"CV-2026-06-003\"")).replaceFirst(
                "\"soLuongHoanThanh\": 2", "\"soLuongHoanThanh\": 1");
        drop(v2, "eoffice-phuc-loi", "phuc-loi-2026-06-v2.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> "REOPENED".equals(jdbc.queryForObject(
                "select state from evaluation_workflow where employee_code = 'PL-003'", String.class)));
        JsonNode after = ok(apiGet(employee3(), ev("PL-003")));
        // a = b = c = 1/2: 50% x 70 = 35 + 29 (reviewer's general criteria) = 64.00
        assertThat(after.at("/evaluation/displayedTotal").decimalValue()).isEqualByComparingTo("64.00");
        assertThat(after.at("/workflow/approvedRating").asText()).isEqualTo("EXCELLENT");
        assertThat(after.at("/workflow/publishedVersion").asInt()).isEqualTo(3);
        JsonNode last = ok(apiGet(employee3(), ev("PL-003") + "/audit"));
        assertThat(last).hasSize(10);
        assertThat(last.get(9).get("action").asText()).isEqualTo("RESCORED_FROM_RECORDS");
        assertThat(last.get(9).get("reason").asText()).isEqualTo("new records changed the result: v3 -> v4 after published; back "
                + "for review");
        assertThat(problem(post(approver(), ev("PL-003") + "/publish", "{\"reason\": \"gửi lại\"}"), 409).get("detail").asText())
                .contains("REOPENED");

        // the trail cannot be changed, even in SQL
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("update audit_entry set reason = 'x'"))
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_entry"))
                .hasMessageContaining("append-only");
    }
}
