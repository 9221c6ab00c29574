package vn.kpibridge.routes.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.kpibridge.routes.bench.IofficeStubServer;
import vn.kpibridge.routes.bench.SyntheticProvince;

/**
 * Two instances, each a real process of the application's main class, against one PostgreSQL and
 * one Artemis broker (both started here, as an installation's external servers), with the nightly
 * schedule on a 4-second cron in both. The two processes are launched together, so both register
 * the clustered trigger in the same moment of their start ({@link LockingDataSourceJobStore}); both
 * must come up.
 *
 * <p>The source is a synthetic iOffice-style API ({@link IofficeStubServer}: 60 employees in 12
 * units, 4 tasks each, pages of 50) that serves nothing until both instances are up, then 240
 * tasks. Checked afterwards:
 * <ul>
 *   <li>the cron fired once per fire time across the two instances: every firing of either
 *       instance's {@code sync-schedule} route (Camel's Micrometer exchange counters) is one
 *       SCHEDULED run, and no fire time has two runs;</li>
 *   <li>the run that pulled the tasks split its re-scoring into 12 (source, unit, period)
 *       partitions, every one DONE after exactly one claim, processed by both instances between
 *       them;</li>
 *   <li>nothing was processed twice: each task is stored once as evidence and as a work item, each
 *       employee has exactly one evaluation version, and the partitions' new versions add up to the
 *       60 employees.</li>
 * </ul>
 */
class TwoInstancesTest {
    static final int EMPLOYEES = 60;
    static final int UNITS = 12;
    static final int TASKS = EMPLOYEES * 4;
    static EmbeddedPostgres postgres;
    static EmbeddedActiveMQ broker;
    static int brokerPort;
    static IofficeStubServer source;
    static Path data;
    static JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void servers() throws Exception {
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "two-instances-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("external-pg")).start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        brokerPort = freePort();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort);
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
        SyntheticProvince province = new SyntheticProvince(EMPLOYEES, EMPLOYEES / UNITS, TASKS / EMPLOYEES,
                YearMonth.of(2026, 6), 7L);
        province.writeMappings(data.resolve("mappings"), Path.of("../mappings"), "thai-nguyen-monthly", 50);
        source = new IofficeStubServer(province);
        source.serve(0, 0, "2026/06/30 22:00:00");
    }

    @AfterAll
    static void stopServers() throws Exception {
        source.close();
        broker.stop();
        postgres.close();
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void twoInstancesShareTheRunsPartitionsAndTheCronFiresOnceAcrossThem() throws Exception {
        int portA = freePort();
        int portB = freePort();
        // both at once, as an installation's instances restarted together: each registers the
        // clustered trigger at its start, in the same instant
        Process a = start("A", portA);
        Process b = start("B", portB);
        awaitUp("A", a, portA);
        awaitUp("B", b, portB);

        // both consume the partitions queue: now the source has records
        source.serve(0, TASKS, "2026/06/30 22:00:00");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> count(
                "select count(*) from sync_run where status <> 'RUNNING' and exists (select 1 from sync_partition p "
                        + "where p.run_id = sync_run.id)") >= 1);
        long pulled = jdbc.queryForObject("select min(run_id) from sync_partition", Long.class);
        // two more firings after it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> count(
                "select count(*) from sync_run where id > " + pulled + " and status <> 'RUNNING'") >= 2);
        // a firing's exchange is counted when it completes, its run row exists from its start
        int finishedBefore = count("select count(*) from sync_run where triggered_by = 'SCHEDULED' and status <> 'RUNNING'");
        double firings = scheduleFirings(portA) + scheduleFirings(portB);
        int startedAfter = count("select count(*) from sync_run where triggered_by = 'SCHEDULED'");
        for (Process p : started) {
            p.destroy();
        }
        for (Process p : started) {
            p.waitFor();
        }

        // the cron: one run per firing, one firing per fire time, across both instances
        int scheduled = count("select count(*) from sync_run where triggered_by = 'SCHEDULED'");
        assertThat(scheduled).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(distinct scheduled_for) from sync_run where triggered_by = 'SCHEDULED'"))
                .as("no fire time answered twice").isEqualTo(scheduled);
        assertThat(firings).as("every firing of either instance is one run (none refused, none lost)")
                .isBetween((double) finishedBefore, (double) startedAfter);
        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, pulled))
                .isEqualTo("COMPLETED");

        // the partitions of the run that pulled the tasks: 12 units x 1 month, shared by A and B
        List<Map<String, Object>> partitions = jdbc.queryForList("select unit_code, period, status, attempts, "
                + "instance_id, new_versions, cardinality(employee_codes) as employees, reports_written_at is not null "
                + "as reports from sync_partition where run_id = ? order by unit_code", pulled);
        assertThat(partitions).hasSize(UNITS);
        assertThat(partitions).allSatisfy(p -> {
            assertThat(p.get("status")).isEqualTo("DONE");
            assertThat(p.get("attempts")).as("claimed once").isEqualTo(1);
            assertThat(p.get("period")).isEqualTo("2026-06");
            assertThat(p.get("employees")).isEqualTo(EMPLOYEES / UNITS);
            assertThat(p.get("reports")).as("its unit's reports written by the run's report stage").isEqualTo(true);
        });
        assertThat(partitions).extracting(p -> p.get("unit_code")).containsExactly(
                "DV-0001", "DV-0002", "DV-0003", "DV-0004", "DV-0005", "DV-0006", "DV-0007", "DV-0008", "DV-0009",
                "DV-0010", "DV-0011", "DV-0012");
        assertThat(partitions).extracting(p -> p.get("instance_id")).as("both instances consumed partitions")
                .contains("A", "B");
        assertThat(partitions.stream().mapToInt(p -> (Integer) p.get("new_versions")).sum()).isEqualTo(EMPLOYEES);

        // nothing processed twice
        assertThat(count("select count(*) from source_record where source_id = 'bench-ioffice'")).isEqualTo(TASKS);
        assertThat(count("select count(*) from work_item where source_id = 'bench-ioffice'"))
                .isEqualTo(count("select count(distinct record_id) from work_item where source_id = 'bench-ioffice'"));
        assertThat(count("select count(*) from evaluation")).isEqualTo(EMPLOYEES);
        assertThat(count("select count(distinct employee_code) from evaluation where version = 1")).isEqualTo(EMPLOYEES);
        assertThat(count("select count(*) from outbox_message where target = 'EVALUATIONS_QUEUE' and kind = 'evaluation'"))
                .as("one queue message per evaluation version").isEqualTo(EMPLOYEES);
    }

    /** Sum of Camel's exchange counter of the {@code sync-schedule} route on one instance. */
    private double scheduleFirings(int port) throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("^camel_exchanges_total\\{[^}]*routeId=\"sync-schedule\"[^}]*\\} (\\S+)$",
                Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("Camel route metrics of sync-schedule on port " + port).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    /** Starts the application's main class in a JVM of its own, as instance {@code name}. */
    private Process start(String name, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "vn.kpibridge.routes.KpiBridgeApplication",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                "--server.port=" + port,
                "--kpi.data-dir=" + data.resolve("app-" + name),
                "--kpi.mappings-dir=" + data.resolve("mappings"),
                "--kpi.schemes-dir=../config/schemes",
                "--kpi.sync-run.instance-id=" + name,
                "--kpi.schedule.enabled=true",
                "--kpi.schedule.cron=0/4 * * * * ?",
                "--kpi.sync-run.progress-interval-ms=200",
                "--BENCH_IOFFICE_URL=" + source.baseUrl());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private void awaitUp(String name, Process p, int port) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(p.isAlive()).as("process " + name + " exited; see " + data.resolve(name + ".log")).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
