package vn.kpibridge.routes.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.kpibridge.connectors.report.Mau06SummaryWriter;
import vn.kpibridge.connectors.report.MonthlyResultListWriter;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.cli.SyncCommand;
import vn.kpibridge.routes.flow.SyncRunTracker;

/**
 * The report stage of a sync run (issue 8): the partitions are DONE once their employees are
 * re-scored, the run stamps {@code scored_at}, then the units' reports are written through the
 * {@code kpi.reports} queue before the run ends; a unit whose reports keep failing is dead-lettered
 * and named, its scores stored; a run that ended with reports owed has them written by the next.
 *
 * <p>Inputs: the seed 001 sample of {@code eoffice-btc} (BTC-TU, 2026-Q2, quarterly: Mẫu 04-06) and
 * the test ward's month of {@code eoffice-phuc-loi} (PL-VP and PL-KT, 2026-06, monthly lists).
 */
class ReportStageFlowTest extends FlowTestSupport {
    static final Path BTC = Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    static final Path WARD = Path.of("src/test/resources/workflow-phuc-loi-2026-06.json");

    @Autowired
    SyncCommand sync;
    @Autowired
    SyncRunService runs;
    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camel;
    @Autowired
    SyncRunTracker tracker;


    @BeforeEach
    void inboxTakenInByTheRun() throws Exception {
        // the run starts the inbox route itself (as under the sync command) and stops it again
        camel.getRouteController().stopRoute("file-inbox");
    }

    @AfterEach
    void restore() throws Exception {
        camel.getRouteController().startRoute("file-inbox");
    }

    @Test
    void partitionsAreDoneWhenScoredThenTheRunWritesEachUnitsReportsBeforeItEnds() throws Exception {
        drop(BTC, "eoffice-btc", "stage-btc.json");
        drop(WARD, "eoffice-phuc-loi", "stage-ward.json");
        for (String zip : List.of("2026-Q2/2026-Q2_BTC-TU.zip", "2026-06/2026-06_PL-VP.zip", "2026-06/2026-06_PL-KT.zip")) {
            Files.deleteIfExists(DATA.resolve("outbox/party").resolve(zip)); // left by an earlier test of this JVM
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = sync.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        long id = jdbc.queryForObject("select max(id) from sync_run", Long.class);
        SyncRunView v = runs.view(id).orElseThrow();
        // 2 only when an earlier test of this JVM left a rejected file in the shared context's tracker
        assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isEqualTo(tracker.filesRejected() > 0 ? 2 : 0);
        assertThat(v.status()).isEqualTo(SyncRunStatus.COMPLETED);
        assertThat(jdbc.queryForList("select source_id || ':' || unit_code || ':' || period || ':' || status from "
                + "sync_partition where run_id = ? order by source_id, unit_code", String.class, id))
                .containsExactly("eoffice-btc:BTC-TU:2026-Q2:DONE", "eoffice-phuc-loi:PL-KT:2026-06:DONE",
                        "eoffice-phuc-loi:PL-VP:2026-06:DONE");
        // results first: scored_at is the last partition's finish, before any report and the run's end
        assertThat(v.scoredAt()).isNotNull().isAfter(v.startedAt()).isBefore(v.finishedAt());
        Timestamp lastScored = jdbc.queryForObject("select max(finished_at) from sync_partition where run_id = ?",
                Timestamp.class, id);
        assertThat(v.scoredAt().toInstant()).isEqualTo(lastScored.toInstant());
        Timestamp firstReport = jdbc.queryForObject("select min(reports_written_at) from sync_partition where run_id = ?",
                Timestamp.class, id);
        assertThat(firstReport.toInstant()).as("no report before every partition is re-scored")
                .isAfterOrEqualTo(lastScored.toInstant()).isBeforeOrEqualTo(v.finishedAt().toInstant());
        assertThat(v.partitions().done()).isEqualTo(3);
        assertThat(v.partitions().reportsWritten()).as("one per (source, unit, period)").isEqualTo(3);
        assertThat(v.partitions().reportsFailed()).isZero();
        assertThat(v.partitions().reportsOwed()).isZero();

        // what write-unit-summary writes: the quarterly forms, the monthly lists, each employee's
        // workbook and the party packages
        Path q2 = DATA.resolve("out/2026-Q2");
        Path june = DATA.resolve("out/2026-06");
        try (Workbook wb = open(q2.resolve("mau-06_BTC-TU.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(Mau06SummaryWriter.HEADER_ROW + 1).getCell(1).getStringCellValue())
                    .isEqualTo("Nguyễn Văn A");
        }
        assertThat(q2.resolve("BTC-TU/BTC-CB-0001.xlsx")).isRegularFile();
        try (Workbook wb = open(june.resolve("ket-qua-thang_PL-VP.xlsx"))) {
            Sheet s = wb.getSheetAt(0);
            assertThat(s.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("CƠ QUAN, ĐƠN VỊ: Văn phòng HĐND-UBND");
            assertThat(s.getRow(MonthlyResultListWriter.HEADER_ROW + 1).getCell(1).getStringCellValue()).isNotBlank();
        }
        assertThat(june.resolve("ket-qua-thang_PL-KT.xlsx")).isRegularFile();
        assertThat(june.resolve("PL-KT/PL-102.xlsx")).isRegularFile();
        assertThat(DATA.resolve("outbox/party/2026-Q2/2026-Q2_BTC-TU.zip")).isRegularFile();
        assertThat(DATA.resolve("outbox/party/2026-06/2026-06_PL-VP.zip")).isRegularFile();
        assertThat(DATA.resolve("outbox/party/2026-06/2026-06_PL-KT.zip")).isRegularFile();

        // the sync command's line for the stage, after the re-scoring line
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("  re-scoring: 3 partitions (source, unit, period), 3 done, 0 failed, 0 open;");
        assertThat(out.indexOf("  reports: 3 of 3 re-scored partitions written, 0 failed, 0 owed; results stored "))
                .isGreaterThan(out.indexOf("  re-scoring: "));
        assertThat(out).containsPattern("  reports: .*; results stored \\d+\\.\\d s after the start, reports \\d+\\.\\d "
                + "s after them");
    }

    @Test
    void aUnitWhoseReportsKeepFailingIsDeadLetteredTheRunPartialNamingItItsScoresStored() throws Exception {
        drop(BTC, "eoffice-btc", "stage-btc.json");
        drop(WARD, "eoffice-phuc-loi", "stage-ward.json");
        // a file where PL-KT's folder of employee workbooks goes: its reports cannot be written
        Path blocked = DATA.resolve("out/2026-06/PL-KT");
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "not a folder");
        Path pkg = DATA.resolve("outbox/party/2026-06/2026-06_PL-KT.zip");
        Files.deleteIfExists(pkg); // left by an earlier test of this JVM
        String before = prometheus();

        SyncRunView v = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER, "MANUAL_API",
                SyncRunView.class);

        long failing = jdbc.queryForObject("select id from sync_partition where run_id = ? and unit_code = 'PL-KT'",
                Long.class, v.id());
        assertThat(v.status()).isEqualTo(SyncRunStatus.PARTIAL);
        assertThat(v.error()).startsWith("reports of unit PL-KT 2026-06 (partition " + failing + ", eoffice-phuc-loi) "
                + "not written, its scores are stored: UncheckedIOException: cannot write the reports of PL-KT 2026-06: "
                + "cannot write " + blocked.resolve("PL-102.xlsx") + " (employee PL-102)");
        assertThat(v.partitions().done()).as("every partition re-scored").isEqualTo(3);
        assertThat(v.partitions().reportsWritten()).isEqualTo(2);
        assertThat(v.partitions().reportsFailed()).isEqualTo(1);
        assertThat(v.scoredAt()).isNotNull();
        // the scores are stored and queued
        assertThat(count("select count(*) from evaluation where employee_code = 'PL-102' and period = '2026-06'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_message where kind = 'evaluation' and idempotency_key like 'PL-102:2026-06:%'"))
                .isPositive();
        // the other units' reports are written
        assertThat(DATA.resolve("out/2026-06/ket-qua-thang_PL-VP.xlsx")).isRegularFile();
        assertThat(DATA.resolve("out/2026-Q2/mau-06_BTC-TU.xlsx")).isRegularFile();
        assertThat(pkg).doesNotExist();
        // after 1 + kpi.redelivery.maximum-redeliveries attempts the message went to the dead-letter queue
        jakarta.jms.Message dead = jms.receive("kpi.dead-letter");
        assertThat(dead).isNotNull();
        assertThat(((jakarta.jms.TextMessage) dead).getText()).isEqualTo(String.valueOf(failing));
        assertThat(metricDelta(before, prometheus(), "kpi_failures_total{kind=\"report\"}")).isEqualTo(1.0);
        Files.delete(blocked);
    }

    @Test
    void theReportsOwedByARunThatEndedBeforeWritingThemAreWrittenByTheNextRun() throws Exception {
        // a run killed after re-scoring BTC-TU, before its report stage: scores stored, no reports
        drop(BTC, "eoffice-btc", "stage-btc.json");
        SyncRunView first = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER,
                "MANUAL_API", SyncRunView.class);
        assertThat(first.status()).isEqualTo(SyncRunStatus.COMPLETED);
        Path mau06 = DATA.resolve("out/2026-Q2/mau-06_BTC-TU.xlsx");
        Files.delete(mau06);
        jdbc.update("update sync_partition set reports_written_at = null where run_id = ?", first.id());
        jdbc.update("update sync_run set status = 'INTERRUPTED' where id = ?", first.id());

        SyncRunView next = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER,
                "MANUAL_API", SyncRunView.class);

        assertThat(next.status()).isEqualTo(SyncRunStatus.COMPLETED);
        assertThat(jdbc.queryForList("select status || ': ' || error_text from sync_partition where run_id = ?",
                String.class, first.id()))
                .containsExactly("MOVED: re-scored, reports not written: taken over by run " + next.id());
        List<Map<String, Object>> taken = jdbc.queryForList("select unit_code, status, new_versions, reports_written_at "
                + "from sync_partition where run_id = ?", next.id());
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).get("unit_code")).isEqualTo("BTC-TU");
        assertThat(taken.get(0).get("status")).isEqualTo("DONE");
        assertThat(taken.get(0).get("new_versions")).as("re-scored unchanged: nothing stored").isEqualTo(0);
        assertThat(taken.get(0).get("reports_written_at")).isNotNull();
        assertThat(next.partitions().reportsWritten()).isEqualTo(1);
        assertThat(mau06).isRegularFile();
        assertThat(count("select count(*) from evaluation where employee_code = 'BTC-CB-0001'")).isEqualTo(1);
    }

    private static Workbook open(Path p) throws Exception {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }



}
