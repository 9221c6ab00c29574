package vn.kpibridge.routes.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * The shipped SQL source {@code mappings/sources/qlcv-btc.yml} against a legacy database made in
 * the test on the embedded PostgreSQL: a second database {@code qlcv_legacy} with schema
 * {@code qlcv}, a task table and the view {@code qlcv.v_cong_viec_kpi} the mapping polls. Its
 * connection is configured only through the environment variables application.yml maps
 * (QLCV_JDBC_URL...), as in production.
 *
 * <p>The rows are the seed 001 worked example (five tasks and the self-assessment of Nguyễn Văn
 * A, Quý II/2026): 91.93 points.
 */
class SqlSourceFlowTest extends FlowTestSupport {
    @Autowired
    ProducerTemplate template;
    @Autowired
    ConfigurableEnvironment env;
    JdbcTemplate legacy;
    String legacyUrl;

    @BeforeEach
    void legacyDatabase() throws Exception {
        LegacyTaskDatabase db = LegacyTaskDatabase.create(jdbc, "qlcv_legacy");
        legacy = db.jdbc;
        legacyUrl = db.url;
        fillSeedExample(db);
    }

    /** The five tasks and the self-assessment of the seed 001 worked example. */
    static void fillSeedExample(LegacyTaskDatabase db) {
        db.task("CV-0001", "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng", "Báo cáo", "Lãnh đạo Ban", 2,
                1, "2026-06-30", "2026-06-30", 1, 1, 1, null, null, null, "2026-06-30 16:45:00");
        db.task("CV-0002", "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ quý II/2026 của các phòng", "Báo cáo",
                "Lãnh đạo Ban", 1, 1, "2026-06-25", "2026-06-24", "2026-06-24 10:00:00");
        db.task("CV-0003", "Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở đảng, đảng viên quý II/2026", "Báo cáo",
                "Lãnh đạo Ban", 1, 1, "2026-06-25", "2026-06-25", "2026-06-25 09:30:00");
        db.task("CV-0004", "Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định sinh hoạt đảng trực tuyến", "Tờ trình",
                "Ban Thường vụ Tỉnh ủy", 1, 1, "2026-05-29", "2026-05-28", "2026-05-28 15:20:00");
        db.task("CV-0005", "Tờ trình Ban Thường vụ Tỉnh ủy về xây dựng Kết luận thực hiện Nghị quyết 21-NQ/TW",
                "Tờ trình", "Ban Thường vụ Tỉnh ủy", 1, 1, "2026-06-20", "2026-06-12", null, null, null,
                new BigDecimal("1.2"), new BigDecimal("1.2"), new BigDecimal("1.2"), "2026-06-12 08:00:00");
        db.selfAssessment();
    }

    @AfterEach
    void clearEnvironment() {
        env.getPropertySources().remove("sql-source-test");
    }

    @Test
    void unconfiguredConnectionFailsThePollNotTheApplication() {
        assertThatThrownBy(() -> template.requestBody("direct:pullSqlSource", "qlcv-btc", PullResult.class))
                .cause().isInstanceOf(SourcePullException.class)
                .hasMessageStartingWith("source qlcv-btc: sql.datasource \"qlcv\" is not configured: set "
                        + "kpi.sources.datasources.qlcv.url");
        assertThat(count("select count(*) from source_record")).isZero();
    }

    @Test
    void viewRowsAreStoredMappedAndScoredAndTheNextPollReadsOnlyFromTheWatermark() {
        env.getPropertySources().addFirst(new MapPropertySource("sql-source-test", Map.of(
                "QLCV_JDBC_URL", legacyUrl, "QLCV_JDBC_USERNAME", "postgres", "QLCV_JDBC_PASSWORD", "")));

        PullResult first = template.requestBody("direct:pullSqlSource", "qlcv-btc", PullResult.class);

        assertThat(first.records()).isEqualTo(6);
        assertThat(first.stored()).isEqualTo(6);
        assertThat(first.mapped()).isEqualTo(6);
        assertThat(first.rejected() + first.unmapped()).isZero();
        assertThat(first.watermarkAfter()).isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));
        Map<String, Object> ev = jdbc.queryForMap("select version, payload->>'ten_cong_viec' as title, "
                + "payload->>'han_xu_ly' as due, payload->>'he_so_chat_luong' as factor, file_name "
                + "from source_record where record_id = 'CV-0005'");
        assertThat(ev.get("version")).isEqualTo(20260612080000L);
        assertThat(ev.get("due")).isEqualTo("2026-06-20");
        assertThat(ev.get("factor")).isEqualTo("1.20");
        assertThat(ev.get("file_name")).isEqualTo("qlcv-btc view qlcv.v_cong_viec_kpi rows 1-6");
        assertThat(jdbc.queryForList("select product_code from work_item order by record_id", String.class))
                .containsExactly("BTC-01", "BTC-02", "BTC-03", "BTC-04", "BTC-05");
        assertThat(jdbc.queryForObject("select total_points from evaluation", BigDecimal.class))
                .isEqualByComparingTo("91.93");
        assertThat(jdbc.queryForObject("select watermark from source_watermark where source_id = 'qlcv-btc'",
                LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));

        // the monthly report is finished late: one row changes after the watermark
        legacy.update("update qlcv.cong_viec set so_luong_hoan_thanh = 2, ngay_cap_nhat = '2026-07-02 08:15:00' "
                + "where ma_cong_viec = 'CV-0001'");
        PullResult second = template.requestBody("direct:pullSqlSource", "qlcv-btc", PullResult.class);

        assertThat(second.watermarkBefore()).isEqualTo(LocalDateTime.parse("2026-06-30T17:00:00"));
        assertThat(second.records()).as("the row at the watermark and the changed one").isEqualTo(2);
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(second.stored()).isEqualTo(1);
        assertThat(second.watermarkAfter()).isEqualTo(LocalDateTime.parse("2026-07-02T08:15:00"));
        Map<String, Object> item = jdbc.queryForMap("select version, done_quantity from work_item "
                + "where record_id = 'CV-0001'");
        assertThat(item.get("version")).isEqualTo(20260702081500L);
        assertThat((BigDecimal) item.get("done_quantity")).isEqualByComparingTo("2");
        assertThat(count("select count(*) from source_record where record_id = 'CV-0001'")).as("both versions kept")
                .isEqualTo(2);
        assertThat(count("select count(*) from evaluation")).as("a new evaluation version").isEqualTo(2);
    }

    @Test
    void aChangedConnectionIsUsedAtTheNextPollThroughTheSameEndpoint() throws Exception {
        env.getPropertySources().addFirst(new MapPropertySource("sql-source-test", Map.of(
                "QLCV_JDBC_URL", legacyUrl, "QLCV_JDBC_USERNAME", "postgres", "QLCV_JDBC_PASSWORD", "")));
        PullResult first = template.requestBody("direct:pullSqlSource", "qlcv-btc", PullResult.class);
        assertThat(first.records()).isEqualTo(6);

        // the legacy database moves: same view on another database, where CV-0001 was finished since
        LegacyTaskDatabase moved = LegacyTaskDatabase.create(jdbc, "qlcv_legacy_moved");
        fillSeedExample(moved);
        moved.jdbc.update("update qlcv.cong_viec set so_luong_hoan_thanh = 2, ngay_cap_nhat = '2026-07-02 08:15:00' "
                + "where ma_cong_viec = 'CV-0001'");
        env.getPropertySources().replace("sql-source-test", new MapPropertySource("sql-source-test", Map.of(
                "QLCV_JDBC_URL", moved.url, "QLCV_JDBC_USERNAME", "postgres", "QLCV_JDBC_PASSWORD", "")));
        PullResult second = template.requestBody("direct:pullSqlSource", "qlcv-btc", PullResult.class);

        // read from the moved database (the old one has no row after the watermark but the assessment)
        assertThat(second.records()).as("the row at the watermark and the changed one").isEqualTo(2);
        assertThat(second.stored()).isEqualTo(1);
        assertThat(second.watermarkAfter()).isEqualTo(LocalDateTime.parse("2026-07-02T08:15:00"));
        assertThat(jdbc.queryForObject("select done_quantity from work_item where record_id = 'CV-0001'",
                BigDecimal.class)).isEqualByComparingTo("2");
    }
}
