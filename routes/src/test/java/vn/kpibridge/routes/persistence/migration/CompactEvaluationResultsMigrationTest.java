package vn.kpibridge.routes.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.flow.EmployeePeriod;
import vn.kpibridge.routes.flow.IngestService;
import vn.kpibridge.routes.flow.ScoreOutcome;
import vn.kpibridge.routes.flow.ScoringService;
import vn.kpibridge.routes.flow.UnitPeriodScoring;

/**
 * Migration V14 on a database as an upgrade finds it: evaluation versions stored indented with the
 * SHA-256 of that text (as before V14), one stored in jsonb's rendering (before V12), one whose
 * stored SHA-256 is not of its text, and one whose result is not an evaluation. The migration is
 * run directly on a connection of the test database; afterwards every readable result is the
 * compact text the scoring writes, and re-scoring the same employees stores nothing.
 */
class CompactEvaluationResultsMigrationTest extends FlowTestSupport {
    private static final String SOURCE = "eoffice-phuc-loi";
    private static final String UNIT = "PL-VP";
    private static final String PERIOD = "2026-06";
    private static final List<String> EMPLOYEES = List.of("PL-002", "PL-003", "PL-004", "PL-005");
    /** How results were written before V14. */
    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SHA_SQL = "encode(sha256(convert_to(result::text, 'UTF8')), 'hex')";

    private final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    IngestService ingest;
    @Autowired
    ScoringService scoring;
    @Autowired
    UnitPeriodScoring unitScoring;
    @Autowired
    DataSource dataSource;

    @Test
    void rewritesIndentedResultsCompactSoThatReScoringStoresNothing() throws Exception {
        // Spring Boot's Flyway found the migration (a JavaMigration bean) and applied it at start
        assertThat(jdbc.queryForObject("select description || ' ' || type || ' ' || success from flyway_schema_history "
                + "where version = '14'", String.class)).isEqualTo("Compact evaluation results JDBC true");
        loadMonth();
        // PL-002 by the per-employee (JPA) path, the others set-based: both store the compact result
        assertThat(scoring.score(new EmployeePeriod("PL-002", UNIT, "Văn phòng", PERIOD, SOURCE)).newVersion()).isTrue();
        assertThat(unitScoring.score(SOURCE, UNIT, PERIOD, EMPLOYEES.subList(1, 4)))
                .extracting(ScoreOutcome::newVersion).containsOnly(true);
        Map<String, String> written = textByEmployee();
        assertThat(written).hasSize(4);
        for (String text : written.values()) {
            // compact: no whitespace outside strings (the titles have spaces, no newlines or ": ")
            assertThat(text).doesNotContain("\n").doesNotContain("\": ").startsWith("{\"employeeId\":\"");
            // the stored text is the one writer's output for the evaluation it holds
            assertThat(text.getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(ScoringService.resultJsonBytes(ScoringService.readResult(text)));
        }
        // a planned quantity of 10 is stored as BigDecimal gives it after stripTrailingZeros, "1E+1"
        assertThat(written.get("PL-005")).contains("\"plannedQuantity\":1E+1");
        assertThat(count("select count(*) from evaluation where " + SHA_SQL + " <> result_sha256")).isZero();
        int outboxBefore = count("select count(*) from outbox_message");
        awaitDelivered();

        // the database as an upgrade finds it
        for (String employee : List.of("PL-002", "PL-004", "PL-005")) {
            byte[] old = INDENTED.writeValueAsBytes(ScoringService.readResult(written.get(employee)));
            jdbc.update("update evaluation set result = convert_from(?, 'UTF8')::json, result_sha256 = ? "
                    + "where employee_code = ?", old, ScoringService.resultSha256(old), employee);
        }
        assertThat(stored("PL-004")).contains("\n  \"fullName\" : \"");
        // PL-003: stored before V12, as jsonb rendered it (its own key order and spacing), with the
        // SHA-256 of the indented text it was written as
        byte[] pl003Indented = INDENTED.writeValueAsBytes(ScoringService.readResult(written.get("PL-003")));
        jdbc.update("update evaluation set result = (result::jsonb)::text::json, result_sha256 = ? where employee_code = ?",
                ScoringService.resultSha256(pl003Indented), "PL-003");
        assertThat(stored("PL-003")).isNotEqualTo(written.get("PL-003")).contains("\": ");
        // PL-005 v2 in another period: a result whose stored SHA-256 is not of its evaluation
        jdbc.update("insert into evaluation (employee_code, unit_code, period, scheme_id, version, result_sha256, "
                + "total_points, points_band, proposed_rating, result) select employee_code, unit_code, '2026-05', "
                + "scheme_id, 1, ?, total_points, points_band, proposed_rating, result from evaluation "
                + "where employee_code = 'PL-005'", "0".repeat(64));
        // PL-006: not an evaluation (a property the evaluation has not), and PL-007: another employee's
        String notAnEvaluation = "{\"ketQua\": \"bản ghi cũ\", \"diem\": 1.50}";
        jdbc.update("insert into evaluation (employee_code, unit_code, period, scheme_id, version, result_sha256, "
                + "total_points, points_band, proposed_rating, result) values ('PL-006', ?, ?, 'x', 1, ?, 1.50, 'GOOD', "
                + "'GOOD', ?::json)", UNIT, PERIOD, "a".repeat(64), notAnEvaluation);
        jdbc.update("insert into evaluation (employee_code, unit_code, period, scheme_id, version, result_sha256, "
                + "total_points, points_band, proposed_rating, result) select 'PL-007', unit_code, period, scheme_id, 1, "
                + "?, total_points, points_band, proposed_rating, result from evaluation where employee_code = 'PL-004'",
                "b".repeat(64));
        String pl007Before = stored("PL-007");

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            new V14__Compact_evaluation_results().migrate(context(c));
            c.commit();
        }

        // every readable result is now exactly what the scoring wrote, with its SHA-256
        assertThat(textByEmployee()).containsAllEntriesOf(written);
        for (String employee : EMPLOYEES) {
            assertThat(jdbc.queryForObject("select result_sha256 from evaluation where employee_code = ? and period = ?",
                    String.class, employee, PERIOD)).isEqualTo(ScoringService.resultSha256(
                            written.get(employee).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(jdbc.queryForObject("select result::text from evaluation where period = '2026-05'", String.class))
                .isEqualTo(written.get("PL-005"));
        assertThat(count("select count(*) from evaluation where employee_code not in ('PL-006', 'PL-007') and "
                + SHA_SQL + " <> result_sha256")).isZero();
        // the unreadable ones are left as they were
        assertThat(stored("PL-006")).isEqualTo(notAnEvaluation);
        assertThat(jdbc.queryForObject("select result_sha256 from evaluation where employee_code = 'PL-006'", String.class))
                .isEqualTo("a".repeat(64));
        assertThat(stored("PL-007")).isEqualTo(pl007Before);
        assertThat(jdbc.queryForObject("select result_sha256 from evaluation where employee_code = 'PL-007'", String.class))
                .isEqualTo("b".repeat(64));

        // a second run changes nothing
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            V14__Compact_evaluation_results.Summary again = new V14__Compact_evaluation_results().rewrite(c);
            c.commit();
            assertThat(again).isEqualTo(new V14__Compact_evaluation_results.Summary(7, 0, 5, 0, 2));
        }

        // re-scoring the same employees and period, both paths: no new version, no new message
        ScoreOutcome pl002 = scoring.score(new EmployeePeriod("PL-002", UNIT, "Văn phòng", PERIOD, SOURCE));
        assertThat(pl002.newVersion()).isFalse();
        assertThat(pl002.version()).isEqualTo(1);
        List<ScoreOutcome> others = unitScoring.score(SOURCE, UNIT, PERIOD, EMPLOYEES);
        assertThat(others).extracting(ScoreOutcome::newVersion).containsOnly(false);
        assertThat(others).extracting(ScoreOutcome::version).containsOnly(1);
        assertThat(count("select count(*) from evaluation")).isEqualTo(7);
        assertThat(count("select count(*) from outbox_message")).isEqualTo(outboxBefore);
    }

    @Test
    void theSummaryCountsEachKindOfRow() throws Exception {
        loadMonth();
        unitScoring.score(SOURCE, UNIT, PERIOD, EMPLOYEES);
        // the relay builds the queue messages from the stored results: let it finish before one is spoilt
        awaitDelivered();
        String pl002 = stored("PL-002");
        byte[] old = INDENTED.writeValueAsBytes(ScoringService.readResult(pl002));
        jdbc.update("update evaluation set result = convert_from(?, 'UTF8')::json, result_sha256 = ? "
                + "where employee_code = 'PL-002'", old, ScoringService.resultSha256(old));
        jdbc.update("update evaluation set result_sha256 = ? where employee_code = 'PL-003'", "c".repeat(64));
        jdbc.update("update evaluation set result = '[1, 2]' where employee_code = 'PL-004'");

        V14__Compact_evaluation_results.Summary s;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            s = new V14__Compact_evaluation_results().rewrite(c);
            c.commit();
        }
        // PL-002 indented and PL-003 (unverified) rewritten, PL-005 already compact, PL-004 left
        assertThat(s).isEqualTo(new V14__Compact_evaluation_results.Summary(4, 2, 1, 1, 1));
        assertThat(stored("PL-002")).isEqualTo(pl002);
        assertThat(stored("PL-004")).isEqualTo("[1, 2]");
    }

    private void awaitDelivered() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> count("select count(*) from outbox_message where status <> 'DELIVERED'") == 0);
    }

    /** Flyway's context over a connection, as Flyway gives it to a Java migration. */
    private static Context context(Connection c) {
        Configuration configuration = Flyway.configure();
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return configuration;
            }

            @Override
            public Connection getConnection() {
                return c;
            }
        };
    }

    private Map<String, String> textByEmployee() {
        Map<String, String> m = new java.util.HashMap<>();
        jdbc.query("select employee_code, result::text from evaluation where period = ?",
                rs -> {
                    m.put(rs.getString(1), rs.getString(2));
                }, PERIOD);
        return m;
    }

    private String stored(String employee) {
        return jdbc.queryForObject("select result::text from evaluation where employee_code = ? order by period desc "
                + "limit 1", String.class, employee);
    }

    private void loadMonth() {
        List<ObjectNode> records = new ArrayList<>();
        for (String code : EMPLOYEES) {
            String user = code.toLowerCase(java.util.Locale.ROOT);
            String n = code.substring(3);
            // PL-005 plans 10 reports (stored as 1E+1 once its trailing zero is stripped)
            records.add(task("CV-M-" + n + "-1", user, code.equals("PL-005") ? 10 : 2, 2));
            records.add(task("CV-M-" + n + "-2", user, 3, code.equals("PL-004") ? 2 : 3));
            records.add(mapper.createObjectNode().put("id", "DG-M-" + n).put("version", 1).put("loai", "DANH_GIA")
                    .put("ky", PERIOD).put("nguoiThucHienId", user).put("donViId", "pl").put("diemTieuChiChung", 30));
        }
        List<RawRecord> raws = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            raws.add(new RawRecord(i, i + 1, records.get(i)));
        }
        assertThat(ingest.ingestBatch(SOURCE, new ExportFile("v14.json", mapper.createObjectNode().put("period", PERIOD),
                raws)).mapped()).isEqualTo(12);
    }

    private ObjectNode task(String id, String user, int planned, int done) {
        ObjectNode t = mapper.createObjectNode();
        t.put("id", id).put("version", 1).put("loai", "CONG_VIEC").put("ky", PERIOD).put("nguoiThucHienId", user)
                .put("donViId", "pl").put("tenCongViec", "Báo cáo kết quả thực hiện nhiệm vụ hằng tháng 6/2026")
                .put("sanPham", "Báo cáo").put("capTrinh", "Chủ tịch UBND phường").put("soLuongKeHoach", planned)
                .put("soLuongHoanThanh", done).put("hanXuLy", "2026/06/30").put("ngayHoanThanh", "2026/06/29")
                .put("trangThai", "HOAN_THANH");
        t.putObject("danhGia").put("soLanChamTienDo", 0);
        return t;
    }
}
