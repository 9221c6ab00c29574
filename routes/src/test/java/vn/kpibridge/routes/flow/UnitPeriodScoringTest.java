package vn.kpibridge.routes.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.workflow.WorkflowHook;
import vn.kpibridge.scoring.ExcellentQuota;
import vn.kpibridge.scoring.QuotaOutcome;

/**
 * {@link UnitPeriodScoring} stores exactly what {@link ScoringService#score} stores employee by
 * employee: the same month (test ward, seed 002 scheme, three tasks per employee, the people's
 * inputs) goes through the same rounds of re-scoring once per path, from empty tables, and the
 * evaluation versions, outbox messages, workflow rows and audit entries are compared value by value
 * (ids, timestamps and the relay's delivery state left out).
 */
class UnitPeriodScoringTest extends FlowTestSupport {
    private static final String SOURCE = "eoffice-phuc-loi";
    private static final String UNIT = "PL-VP";
    private static final String PERIOD = "2026-06";
    private static final List<String> OFFICE = List.of("PL-001", "PL-002", "PL-003", "PL-004", "PL-005", "PL-006");

    private final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    IngestService ingest;
    @Autowired
    ScoringService scoring;
    @Autowired
    UnitPeriodScoring unitScoring;
    @Autowired
    OutboxService outbox;
    @Autowired
    WorkflowHook workflowHook;

    /** A scoring path: scores the employees of the office, returns the outcomes in order. */
    private interface ScoringPath extends Function<List<String>, List<ScoreOutcome>> {
    }

    private List<ScoreOutcome> oneByOne(List<String> codes) {
        List<ScoreOutcome> out = new ArrayList<>();
        for (String c : codes) {
            out.add(scoring.score(new EmployeePeriod(c, UNIT, "Văn phòng HĐND-UBND", PERIOD, SOURCE)));
        }
        return out;
    }

    private List<ScoreOutcome> setBased(List<String> codes) {
        return unitScoring.score(SOURCE, UNIT, PERIOD, codes);
    }

    @Test
    void storesExactlyWhatScoringEachEmployeeStores() throws Exception {
        Rounds perEmployee = rounds(this::oneByOne);
        Rounds perUnit = rounds(this::setBased);

        assertThat(perUnit.outcomes).isEqualTo(perEmployee.outcomes);
        assertThat(perUnit.tables).isEqualTo(perEmployee.tables);

        // what the rounds did (the same both ways, so checked once)
        List<List<List<Object>>> r = perUnit.outcomes;
        // round 1: every employee's first version; round 2 (nothing changed): nothing new
        assertThat(r.get(0)).extracting(o -> o.get(0)).containsExactlyElementsOf(OFFICE);
        assertThat(r.get(0)).extracting(o -> o.get(1)).containsOnly(1);
        assertThat(r.get(0)).extracting(o -> o.get(2)).containsOnly(true);
        assertThat(r.get(1)).extracting(o -> o.get(2)).containsOnly(false);
        assertThat(r.get(1)).extracting(o -> o.get(1)).containsOnly(1);
        // round 3: PL-002's item changed: one new version, PL-002's only
        assertThat(r.get(2)).filteredOn(o -> (Boolean) o.get(2)).extracting(o -> o.get(0)).containsExactly("PL-002");
        // round 4: PL-005's item changed (not approved), round 5: reviewer input for PL-006 (by a person)
        assertThat(r.get(3)).filteredOn(o -> (Boolean) o.get(2)).extracting(o -> o.get(0)).containsExactly("PL-005");
        assertThat(r.get(4)).filteredOn(o -> (Boolean) o.get(2)).extracting(o -> o.get(0)).containsExactly("PL-006");

        // the stored rows (of the set-based path, still in the tables)
        assertThat(count("select count(*) from evaluation")).isEqualTo(9);
        // both paths store compact results whose text hashes to result_sha256 (the tables are equal)
        assertThat(perEmployee.tables.get("evaluation")).extracting(row -> row.get("compact"), row -> row.get("sha_of_text"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple(true, true));
        assertThat(count("select count(*) from outbox_message")).isEqualTo(9);
        assertThat(jdbc.queryForList("select employee_code || ' v' || evaluation_version || ' ' || state "
                + "from evaluation_workflow order by employee_code", String.class)).containsExactly(
                        "PL-001 v1 PROVISIONAL", "PL-002 v2 REOPENED", "PL-003 v1 PROVISIONAL", "PL-004 v1 PROVISIONAL",
                        "PL-005 v2 PROVISIONAL", "PL-006 v2 PROVISIONAL");
        assertThat(jdbc.queryForList("select employee_code || ' ' || action from audit_entry order by id", String.class))
                .containsExactly("PL-001 EVALUATION_CREATED", "PL-002 EVALUATION_CREATED", "PL-003 EVALUATION_CREATED",
                        "PL-004 EVALUATION_CREATED", "PL-005 EVALUATION_CREATED", "PL-006 EVALUATION_CREATED",
                        "PL-002 RESCORED_FROM_RECORDS", "PL-005 RESCORED_FROM_RECORDS");
        assertThat(jdbc.queryForObject("select reason from audit_entry where employee_code = 'PL-002' and action = "
                + "'RESCORED_FROM_RECORDS'", String.class))
                .isEqualTo("new records changed the result: v1 -> v2 after approved; back for review");

        // the people's inputs are applied: PL-003's self-assessment, PL-004's reviewer (general
        // criteria 25 instead of the record's 30, one more failed review on CV-U-004-2)
        JsonNode pl003 = result("PL-003", 1);
        assertThat(pl003.get("selfProposedRating").asText()).isEqualTo("GOOD");
        JsonNode pl004 = result("PL-004", 1);
        assertThat(pl004.get("generalPoints").decimalValue()).isEqualByComparingTo("25");
        // three items of coefficient 1, 2 planned and done each; quality b = (2 + 1.5 + 2) / 6:
        // 25 + 70 x (1 + 5.5/6 + 1) / 3 = 93.06
        assertThat(pl004.get("displayedTotal").decimalValue()).isEqualByComparingTo("93.06");
        // PL-006: one late delivery (timeliness c = 5.5/6) gives 98.06; after the reviewer's objective
        // cause the late item costs nothing: 100.00
        assertThat(result("PL-006", 1).get("displayedTotal").decimalValue()).isEqualByComparingTo("98.06");
        assertThat(result("PL-006", 2).get("displayedTotal").decimalValue()).isEqualByComparingTo("100.00");
        // PL-005 v2: 1 of 2 done on one item: a = b = c = 5/6, 30 + 58.33 = 88.33
        assertThat(result("PL-005", 2).get("displayedTotal").decimalValue()).isEqualByComparingTo("88.33");
    }

    @Test
    void releasedOnNewVersionTheEventsAreTheSameToo() throws Exception {
        outbox.setReleaseOn("new-version");
        try {
            Rounds perEmployee = rounds(this::oneByOne);
            Rounds perUnit = rounds(this::setBased);
            assertThat(perUnit.tables).isEqualTo(perEmployee.tables);
            assertThat(count("select count(*) from outbox_message where target = ?", OutboxService.EVALUATION_FINALIZED_TOPIC))
                    .isEqualTo(9);
        } finally {
            outbox.setReleaseOn("publication");
        }
    }

    @Test
    void anUnknownEmployeeIsNamedAndNothingIsStored() throws Exception {
        loadMonth();
        assertThatThrownBy(() -> unitScoring.score(SOURCE, UNIT, PERIOD, List.of("PL-001", "PL-999")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PL-999");
        assertThat(count("select count(*) from evaluation")).isZero();
        assertThat(unitScoring.score(SOURCE, UNIT, PERIOD, List.of())).isEmpty();
    }

    @Test
    void theQuotaReadsTheUnitsResults() throws Exception {
        loadMonth();
        UnitPeriodScoring.UnitScores s = unitScoring.scoreUnit(SOURCE, UNIT, PERIOD, OFFICE);
        ExcellentQuota.Applied applied = unitScoring.quota(SOURCE, UNIT, s.results());
        // head PL-001 not counted; PL-002..PL-005 score 100.00, PL-006 98.06 (one late delivery): five
        // EXCELLENT candidates, base 5 (GOOD_OR_BETTER), cap round-half-up(20% x 5) = 1
        QuotaOutcome q = applied.outcomes().get(0);
        assertThat(q.unitCode()).isEqualTo(UNIT);
        assertThat(q.candidates()).containsExactlyInAnyOrder("PL-002", "PL-003", "PL-004", "PL-005", "PL-006");
        assertThat(q.base()).isEqualTo(5);
        assertThat(q.cap()).isEqualTo(1);
        // lowest first: PL-006 (98.06) goes to GOOD; the four at 100.00 tie across the cap
        assertThat(q.proposedForGood()).containsExactly("PL-006");
        assertThat(q.tiedAtCap()).containsExactlyInAnyOrder("PL-002", "PL-003", "PL-004", "PL-005");
        assertThat(q.toChooseFromTie()).isEqualTo(3);
    }

    /** What one path answered (per round, per employee) and stored over the rounds. */
    private record Rounds(List<List<List<Object>>> outcomes, Map<String, List<Map<String, Object>>> tables) {
    }

    private Rounds rounds(ScoringPath path) throws Exception {
        jdbc.execute("truncate table outbox_delivery_attempt, outbox_message, evaluation, record_issue, employee_assessment, "
                + "work_item, source_record, evaluation_workflow, self_assessment, reviewer_input, audit_entry "
                + "restart identity cascade");
        loadMonth();
        // the people's inputs: PL-003 proposes GOOD; PL-004's reviewer gives 25 general points and
        // one more failed review on its second item
        jdbc.update("insert into self_assessment (employee_code, period, proposed_rating, submitted_by) values "
                + "('PL-003', ?, 'GOOD', 'ngo.thi.ba')", PERIOD);
        jdbc.update("insert into reviewer_input (employee_code, period, inputs, reviewed_by) values ('PL-004', ?, "
                + "?::jsonb, 'le.thi.mot')", PERIOD, "{\"generalCriteriaPoints\": 25, \"items\": "
                + "{\"CV-U-004-2\": {\"qualityFailures\": 1}}}");
        List<List<List<Object>>> rounds = new ArrayList<>();
        rounds.add(view(path.apply(OFFICE)));
        rounds.add(view(path.apply(OFFICE)));
        // PL-002 approved, then its records change
        jdbc.update("update evaluation_workflow set state = 'APPROVED', approved_rating = 'EXCELLENT', approved_version = 1 "
                + "where employee_code = 'PL-002'");
        ingest.ingestBatch(SOURCE, batch("b2", task("CV-U-002-3", 2, "pl-002", 3, 2, 0)));
        rounds.add(view(path.apply(OFFICE)));
        // PL-005 (provisional) records change
        ingest.ingestBatch(SOURCE, batch("b3", task("CV-U-005-1", 2, "pl-005", 2, 1, 0)));
        rounds.add(view(path.apply(OFFICE)));
        // PL-006's reviewer confirms an objective cause for the late item: re-scored as by a person
        jdbc.update("insert into reviewer_input (employee_code, period, inputs, reviewed_by) values ('PL-006', ?, "
                + "?::jsonb, 'le.thi.mot')", PERIOD, "{\"items\": {\"CV-U-006-1\": {\"objectiveCause\": \"mất điện\"}}}");
        rounds.add(view(workflowHook.byPerson(() -> path.apply(OFFICE))));
        return new Rounds(rounds, tables());
    }

    private void loadMonth() throws Exception {
        List<ObjectNode> records = new ArrayList<>();
        for (String code : OFFICE) {
            String user = code.toLowerCase(java.util.Locale.ROOT);
            String n = code.substring(3);
            // record ids out of order on purpose: items are scored in record id order
            records.add(task("CV-U-" + n + "-3", 1, user, 2, 2, 0));
            records.add(task("CV-U-" + n + "-1", 1, user, 2, 2, code.equals("PL-006") ? 1 : 0));
            records.add(task("CV-U-" + n + "-2", 1, user, 2, 2, 0));
            records.add(mapper.createObjectNode().put("id", "DG-U-" + n).put("version", 1).put("loai", "DANH_GIA")
                    .put("ky", PERIOD).put("nguoiThucHienId", user).put("donViId", "pl").put("diemTieuChiChung", 30));
        }
        IngestResult r = ingest.ingestBatch(SOURCE, batch("b1", records.toArray(ObjectNode[]::new)));
        assertThat(r.mapped()).isEqualTo(24);
    }

    private ObjectNode task(String id, long version, String user, int planned, int done, int late) {
        ObjectNode t = mapper.createObjectNode();
        t.put("id", id).put("version", version).put("loai", "CONG_VIEC").put("ky", PERIOD).put("nguoiThucHienId", user)
                .put("donViId", "pl").put("tenCongViec", "Báo cáo kết quả thực hiện nhiệm vụ hằng tháng 6/2026")
                .put("sanPham", "Báo cáo").put("capTrinh", "Chủ tịch UBND phường").put("soLuongKeHoach", planned)
                .put("soLuongHoanThanh", done).put("hanXuLy", "2026/06/30").put("ngayHoanThanh", "2026/06/29")
                .put("trangThai", "HOAN_THANH");
        t.putObject("danhGia").put("soLanChamTienDo", late);
        return t;
    }

    private ExportFile batch(String name, ObjectNode... records) {
        List<RawRecord> raws = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            raws.add(new RawRecord(i, i + 1, records[i]));
        }
        return new ExportFile(name, mapper.createObjectNode().put("period", PERIOD), raws);
    }

    private List<List<Object>> view(List<ScoreOutcome> outcomes) {
        for (ScoreOutcome o : outcomes) {
            if (o.newVersion()) {
                // claim check: the queue message is built from the stored result when delivered; it is the
                // message built from the scoring's own evaluation (the same JSON; the stored jsonb has its
                // own key order, as the stored payload had before)
                String delivered = outbox.evaluationMessage(o.idempotencyKey()).orElseThrow();
                assertThat(readTree(delivered)).as(o.idempotencyKey()).isEqualTo(readTree(o.messageJson()));
            }
        }
        return outcomes.stream().map(o -> List.<Object>of(o.evaluation().employeeId(), o.version(), o.newVersion(),
                String.valueOf(o.messageJson()))).toList();
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, List<Map<String, Object>>> tables() {
        return Map.of(
                "evaluation", jdbc.queryForList("select employee_code, unit_code, period, scheme_id, version, result_sha256, "
                        + "total_points, points_band, proposed_rating, result::text, "
                        // compact (V14) and the exact text its SHA-256 was taken of, whichever path stored it
                        + "strpos(result::text, E'\\n') = 0 and strpos(result::text, '\": ') = 0 as compact, "
                        + "encode(sha256(convert_to(result::text, 'UTF8')), 'hex') = result_sha256 as sha_of_text "
                        + "from evaluation order by id"),
                "outbox_message", jdbc.queryForList("select target, kind, idempotency_key, "
                        + "(payload - 'occurredAt')::text as payload, employee_code, unit_code, period, redrives "
                        + "from outbox_message order by id"),
                "evaluation_workflow", jdbc.queryForList("select employee_code, unit_code, period, source_id, scheme_id, "
                        + "state, evaluation_version, proposed_rating, approved_rating, approved_version, approval_reason, "
                        + "approved_by, approved_at, published_version, publications, published_at, reopen_reason, "
                        + "row_version from evaluation_workflow order by id"),
                "audit_entry", jdbc.queryForList("select actor, actor_roles, auth_method, remote_address, action, entity_type, "
                        + "entity_key, employee_code, unit_code, period, before_json::text, after_json::text, reason "
                        + "from audit_entry order by id"));
    }

    private JsonNode result(String employee, int version) throws Exception {
        return mapper.readTree(jdbc.queryForObject("select result::text from evaluation where employee_code = ? and "
                + "version = ?", String.class, employee, version));
    }
}
