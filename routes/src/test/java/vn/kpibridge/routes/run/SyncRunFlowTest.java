package vn.kpibridge.routes.run;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.source.LegacyTaskDatabase;

/**
 * Sync runs end to end on the real application: the three shipped sources at once (the file
 * inbox {@code eoffice-btc} with the seed 001 sample, the REST source {@code ioffice-tasks}
 * against a WireMock server speaking iOffice's shapes, the SQL source {@code qlcv-btc} against a
 * legacy database made on the embedded PostgreSQL), started through the API, the route and the
 * Quartz job; status, counts, health and metrics read back through HTTP.
 */
class SyncRunFlowTest extends FlowTestSupport {
    static final String LIST = "/qlvb/api/cong-viec/danh-sach/";
    static final String LOGIN = "/qlvb/api/login/v3/";
    static final String TOKEN = "tok-sync-run";
    /** The remote API, started before the class's tests and reset before each (WireMock's JUnit 5 extension). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camel;
    @Autowired
    ConfigurableEnvironment env;
    @Autowired
    SyncRunService runs;
    @Autowired
    Scheduler scheduler;
    String legacyUrl;

    @BeforeEach
    void sources() throws Exception {
        legacyDatabase();
        // the run starts the inbox route itself (as under the sync command) and stops it again
        camel.getRouteController().stopRoute("file-inbox");
    }

    @AfterEach
    void restore() throws Exception {
        env.getPropertySources().remove("sync-run-test");
        camel.getRouteController().startRoute("file-inbox");
    }

    @Test
    void apiStartedRunPullsEverySourceTakesInTheInboxAndReportsItsCounts() throws Exception {
        configureSources(server.baseUrl());
        stubLogin();
        stubTaskPages();
        drop(Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json"), "eoffice-btc", "eoffice-btc-2026-Q2.json");
        long vacuumsBefore = manualVacuums();

        HttpResponse<String> started = http.send(HttpRequest.newBuilder(api("/api/v1/sync-runs")).header("Authorization", admin().value())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        long id = mapper.readTree(started.body()).get("id").asLong();
        assertThat(location).isEqualTo("/api/v1/sync-runs/" + id);
        JsonNode run = awaitFinished(location);

        assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(run.get("trigger").asText()).isEqualTo("MANUAL_API");
        assertThat(run.get("error").isNull()).isTrue();
        JsonNode file = source(run, "eoffice-btc");
        assertThat(file.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(counts(file)).containsExactly(1, 6, 6, 6, 0, 0, 0);
        JsonNode rest = source(run, "ioffice-tasks");
        assertThat(rest.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(counts(rest)).as("3 tasks over 2 pages").containsExactly(2, 3, 3, 3, 0, 0, 0);
        JsonNode sql = source(run, "qlcv-btc");
        assertThat(sql.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(counts(sql)).as("2 tasks and the self-assessment in one batch").containsExactly(1, 3, 3, 3, 0, 0, 0);
        // stored as it was reported
        assertThat(jdbc.queryForList("select source_id || ':' || status || ':' || records || ':' || mapped "
                + "from sync_run_source where run_id = ? order by source_id", String.class, id))
                .contains("eoffice-btc:COMPLETED:6:6", "ioffice-tasks:COMPLETED:3:3", "qlcv-btc:COMPLETED:3:3")
                // the other file sources (csv, xlsx, edxml, the test ward) found nothing in the inbox
                .filteredOn(r -> !r.matches("(eoffice-btc|ioffice-tasks|qlcv-btc):.*")).allMatch(r -> r.endsWith(":COMPLETED:0:0"));
        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, id))
                .isEqualTo("COMPLETED");
        assertThat(count("select count(*) from source_record")).isEqualTo(12);
        assertThat(count("select count(*) from evaluation where employee_code = 'BTC-CB-0001'")).isPositive();
        assertThat(count("select count(*) from source_watermark where source_id in ('ioffice-tasks', 'qlcv-btc')"))
                .isEqualTo(2);
        // the re-scoring went through the partitions queue: one partition per (source, unit, period)
        assertThat(jdbc.queryForList("select source_id || ':' || unit_code || ':' || period || ':' || status || ':' "
                + "|| attempts from sync_partition where run_id = ? order by source_id, period", String.class, id))
                .containsExactly("eoffice-btc:BTC-TU:2026-Q2:DONE:1", "ioffice-tasks:BTC-TU:2026-Q2:DONE:1",
                        "qlcv-btc:BTC-TU:2026-Q2:DONE:1");
        JsonNode partitions = run.get("partitions");
        assertThat(partitions.get("total").asInt()).isEqualTo(3);
        assertThat(partitions.get("done").asInt()).isEqualTo(3);
        assertThat(partitions.get("open").asInt()).isZero();
        assertThat(partitions.get("newVersions").asInt()).as("one new version per partition: each adds records")
                .isEqualTo(count("select count(*) from evaluation"));
        // then the report stage: the unit's reports once per (source, unit, period)
        assertThat(partitions.get("reportsWritten").asInt()).isEqualTo(3);
        assertThat(partitions.get("reportsFailed").asInt()).isZero();
        assertThat(run.get("scoredAt").isNull()).isFalse();
        // the bulk-loaded tables: no vacuum for inserts alone (V16), vacuumed by the run at its end
        assertThat(jdbc.queryForList("select relname || ':' || array_to_string(reloptions, ',') from pg_class "
                + "where relname in ('source_record', 'work_item') order by relname", String.class))
                .containsExactly("source_record:autovacuum_vacuum_insert_threshold=-1",
                        "work_item:autovacuum_vacuum_insert_threshold=-1");
        long deadline = System.nanoTime() + 10_000_000_000L; // the statistics arrive within half a second
        while (manualVacuums() < vacuumsBefore + 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(manualVacuums()).as("source_record and work_item vacuumed once each").isEqualTo(vacuumsBefore + 2);
        // history, newest first
        JsonNode history = getJson("/api/v1/sync-runs?limit=5");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(http.send(HttpRequest.newBuilder(api("/api/v1/sync-runs/999999")).header("Authorization", admin().value()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void aSecondRunIsRefusedWhileOneRunsAndAStaleOneIsMarkedInterrupted() throws Exception {
        jdbc.update("insert into sync_run (triggered_by, status, instance_id) values ('SCHEDULED', 'RUNNING', 'other:1')");
        long other = jdbc.queryForObject("select id from sync_run", Long.class);

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(api("/api/v1/sync-runs")).header("Authorization", admin().value())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(mapper.readTree(refused.body()).get("detail").asText())
                .startsWith("sync run " + other + " (SCHEDULED) is running on instance other:1 since ");

        // the other instance was killed: no heartbeat for longer than kpi.sync-run.stale-after-seconds
        jdbc.update("update sync_run set heartbeat_at = now() - interval '10 minutes' where id = ?", other);
        SyncRunView v = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER, "MANUAL_CLI",
                SyncRunView.class);

        assertThat(v.status()).isEqualTo(SyncRunStatus.COMPLETED);
        assertThat(v.trigger()).isEqualTo(SyncTrigger.MANUAL_CLI);
        assertThat(jdbc.queryForObject("select status || ': ' || error_text from sync_run where id = ?", String.class,
                other)).startsWith("INTERRUPTED: no heartbeat for 60 s: the instance running it stopped");
    }

    @Test
    void openPartitionsOfAnInterruptedRunAreTakenOverAndOneThatKeepsFailingIsDeadLetteredTheRunPartial()
            throws Exception {
        // a run killed before its partitions were processed; since then, one employee left the identity map
        jdbc.update("insert into sync_run (triggered_by, status, instance_id, finished_at) values ('SCHEDULED', "
                + "'INTERRUPTED', 'gone:1', now())");
        long killed = jdbc.queryForObject("select max(id) from sync_run", Long.class);
        jdbc.update("insert into sync_partition (run_id, source_id, unit_code, unit_name, period, employee_codes, status) "
                + "values (?, 'eoffice-btc', 'BTC-TU', 'Ban Tổ chức Tỉnh ủy', '2026-Q2', ?, 'QUEUED')", killed,
                new String[] {"BTC-CB-0001"});
        jdbc.update("insert into sync_partition (run_id, source_id, unit_code, unit_name, period, employee_codes, status) "
                + "values (?, 'eoffice-btc', 'BTC-VP', 'Văn phòng', '2026-Q2', ?, 'RUNNING')", killed,
                new String[] {"BTC-CB-9999"});

        String before = prometheus();
        SyncRunView v = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER, "MANUAL_CLI",
                SyncRunView.class);

        assertThat(metricDelta(before, prometheus(), "kpi_failures_total{kind=\"partition\"}")).isEqualTo(1.0);
        assertThat(jdbc.queryForList("select status || ': ' || error_text from sync_partition where run_id = ?",
                String.class, killed)).containsOnly("MOVED: taken over by run " + v.id());
        long failing = jdbc.queryForObject("select id from sync_partition where run_id = ? and unit_code = 'BTC-VP'",
                Long.class, v.id());
        assertThat(jdbc.queryForList("select unit_code || ':' || status || ':' || new_versions from sync_partition "
                + "where run_id = ? order by unit_code", String.class, v.id()))
                .containsExactly("BTC-TU:DONE:1", "BTC-VP:FAILED:0");
        assertThat(v.status()).isEqualTo(SyncRunStatus.PARTIAL);
        assertThat(v.partitions().total()).isEqualTo(2);
        assertThat(v.partitions().done()).isEqualTo(1);
        assertThat(v.partitions().failed()).isEqualTo(1);
        assertThat(v.error()).startsWith("partition " + failing + " (eoffice-btc, BTC-VP, 2026-Q2) failed: "
                + "IllegalStateException: employee BTC-CB-9999 (unit BTC-VP, 2026-Q2) not in ").endsWith("/identities/ban-to-chuc-tinh-uy.csv");
        // after 1 + kpi.redelivery.maximum-redeliveries attempts the message went to the dead-letter queue
        jakarta.jms.Message dead = jms.receive("kpi.dead-letter");
        assertThat(dead).isNotNull();
        assertThat(((jakarta.jms.TextMessage) dead).getText()).isEqualTo(String.valueOf(failing));
        assertThat(count("select count(*) from evaluation where employee_code = 'BTC-CB-0001'")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSourceThatIsDownIsRetriedThenTheRunFinishesTheOthersAndIsPartial() throws Exception {
        configureSources(server.baseUrl());
        server.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(aResponse().withStatus(503)
                .withStatusMessage("Service Unavailable")));
        drop(Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json"), "eoffice-btc", "eoffice-btc-2026-Q2.json");
        String before = prometheus();

        SyncRunView v = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.TRIGGER, "MANUAL_API",
                SyncRunView.class);

        assertThat(v.status()).isEqualTo(SyncRunStatus.PARTIAL);
        assertThat(v.error()).startsWith("source ioffice-tasks: login (POST " + server.baseUrl() + LOGIN
                + ") answered HTTP 503");
        SyncRunView.Source down = v.sources().stream().filter(s -> s.sourceId().equals("ioffice-tasks")).findFirst()
                .orElseThrow();
        assertThat(down.status()).isEqualTo(SourceRunStatus.FAILED);
        assertThat(down.errors()).isEqualTo(1);
        assertThat(down.records()).isZero();
        assertThat(down.error()).contains("HTTP 503");
        // 1 + kpi.redelivery.maximum-redeliveries (3) attempts by Camel, each of which the Apache HTTP
        // client of camel-http repeats once on a 503 (its DefaultHttpRequestRetryStrategy)
        server.verify(exactly(8), postRequestedFor(urlPathEqualTo(LOGIN)));
        assertThat(jms.receive("kpi.dead-letter")).as("the pull request is dead-lettered").isNotNull();
        assertThat(count("select count(*) from source_watermark where source_id = 'ioffice-tasks'")).isZero();
        // the others are done
        assertThat(v.sources()).filteredOn(s -> !s.sourceId().equals("ioffice-tasks"))
                .extracting(s -> s.sourceId() + ":" + s.status() + ":" + s.records() + ":" + s.mapped())
                .contains("eoffice-btc:COMPLETED:6:6", "qlcv-btc:COMPLETED:3:3")
                .filteredOn(r -> !r.matches("(eoffice-btc|qlcv-btc):.*")).allMatch(r -> r.endsWith(":COMPLETED:0:0"));
        assertThat(jdbc.queryForObject("select status from sync_run where id = ?", String.class, v.id()))
                .isEqualTo("PARTIAL");

        // health: the source is DEGRADED (HTTP 200: the instance stays in service), the others UP;
        // the inbox route polls again, as in a service (Camel's health reports a stopped route DOWN)
        camel.getRouteController().startRoute("file-inbox");
        HttpResponse<String>[] answer = new HttpResponse[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            answer[0] = http.send(HttpRequest.newBuilder(api("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Camel reports a poll consumer ready once it has polled
            // camelHealth and camelReadinessState are evaluated one after the other in one call: wait for both
            JsonNode state = mapper.readTree(answer[0].body());
            return state.at("/components/camelHealth/status").asText().equals("UP")
                    && state.at("/components/camelReadinessState/status").asText().equals("UP");
        });
        HttpResponse<String> health = answer[0];
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode h = mapper.readTree(health.body());
        assertThat(h.get("status").asText()).as(health.body()).isEqualTo("DEGRADED");
        assertThat(h.at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(h.at("/components/jms/status").asText()).isEqualTo("UP");
        JsonNode sources = h.at("/components/sources/components");
        assertThat(sources.at("/ioffice-tasks/status").asText()).isEqualTo("DEGRADED");
        assertThat(sources.at("/ioffice-tasks/details/error").asText()).contains("answered HTTP 503");
        assertThat(sources.at("/ioffice-tasks/details/lastRun").asLong()).isEqualTo(v.id());
        assertThat(sources.at("/qlcv-btc/status").asText()).isEqualTo("UP");
        assertThat(sources.at("/qlcv-btc/details/records").asInt()).isEqualTo(3);
        assertThat(sources.at("/eoffice-btc/status").asText()).isEqualTo("UP");

        // metrics: the business counters moved by what this run did
        String after = prometheus();
        assertThat(metricDelta(before, after, "kpi_records_pulled_total{source=\"qlcv-btc\"}")).isEqualTo(3.0);
        assertThat(metricDelta(before, after, "kpi_records_mapped_total{source=\"eoffice-btc\"}")).isEqualTo(6.0);
        assertThat(metricDelta(before, after, "kpi_failures_total{kind=\"source-pull\"}")).isEqualTo(1.0);
        assertThat(metricDelta(before, after,
                "kpi_sync_run_duration_seconds_count{status=\"PARTIAL\",trigger=\"MANUAL_API\"}")).isEqualTo(1.0);
        assertThat(metricDelta(before, after, "kpi_evaluations_written_total")).isPositive();
        assertThat(after).contains("routeId=\"sync-run\"");
    }

    @Test
    void theQuartzJobRunsTheSameRouteAndIsInTheClusteredStore() throws Exception {
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().getJobStoreClass()).isEqualTo(LockingDataSourceJobStore.class);
        List<JobKey> jobs = List.copyOf(scheduler.getJobKeys(GroupMatcher.jobGroupEquals("kpi-bridge")));
        assertThat(jobs).extracting(JobKey::getName).containsExactly("nightly-sync");
        List<? extends Trigger> triggers = scheduler.getTriggersOfJob(jobs.get(0));
        assertThat(triggers).hasSize(1);
        CronTrigger cron = (CronTrigger) triggers.get(0);
        assertThat(cron.getCronExpression()).isEqualTo("0 0 1 * * ?");
        assertThat(cron.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(count("select count(*) from qrtz_cron_triggers where cron_expression = '0 0 1 * * ?'"))
                .as("stored in PostgreSQL, shared by the instances").isEqualTo(1);
        drop(Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json"), "eoffice-btc", "eoffice-btc-2026-Q2.json");

        scheduler.triggerJob(jobs.get(0));

        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from sync_run where status <> 'RUNNING'")
                == 1);
        Map<String, Object> run = jdbc.queryForMap("select id, triggered_by, status from sync_run");
        assertThat(run.get("triggered_by")).isEqualTo("SCHEDULED");
        assertThat(run.get("status")).isEqualTo("COMPLETED");
        // no connection settings in this test: the REST and SQL sources are skipped, naming what to set
        assertThat(jdbc.queryForList("select source_id || ':' || status || ':' || records || ':' || coalesce(error_text, '') "
                + "from sync_run_source where run_id = ? order by source_id", String.class, run.get("id")))
                .contains("eoffice-btc:COMPLETED:6:",
                        "ioffice-tasks:SKIPPED:0:source ioffice-tasks: rest.auth.login.body.username: ${IOFFICE_USERNAME} "
                                + "is not set (environment variable or property IOFFICE_USERNAME)",
                        "qlcv-btc:SKIPPED:0:source qlcv-btc: sql.datasource \"qlcv\" is not configured: set "
                                + "kpi.sources.datasources.qlcv.url (e.g. through its environment variable)");
        assertThat(jdbc.queryForObject("select total_points from evaluation", BigDecimal.class))
                .isEqualByComparingTo("91.93");
    }

    @Test
    void aRunInterruptedByShutdownStartsNoSourceAndLeavesTheWatermarks() {
        configureSources(server.baseUrl());
        stubLogin();
        stubTaskPages();
        LiveRun live = runs.begin(SyncTrigger.MANUAL_CLI);

        runs.requestStop();  // what the ContextClosedEvent of a graceful shutdown does
        SyncRunView v = template.requestBodyAndHeader("direct:syncRun", null, SyncRunHeaders.RUN_ID, live.id(),
                SyncRunView.class);

        assertThat(v.status()).isEqualTo(SyncRunStatus.INTERRUPTED);
        assertThat(v.error()).isEqualTo("the application was stopping");
        assertThat(v.sources()).extracting(SyncRunView.Source::status).containsOnly(SourceRunStatus.INTERRUPTED);
        assertThat(count("select count(*) from source_watermark")).isZero();
        assertThat(count("select count(*) from source_record")).isZero();
        server.verify(exactly(0), postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    // ---------------------------------------------------------------- helpers

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(api(path)).header("Authorization", admin().value()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return mapper.readTree(r.body());
    }

    private JsonNode awaitFinished(String location) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = getJson(location);
            return !"RUNNING".equals(last[0].get("status").asText());
        });
        return last[0];
    }

    private static JsonNode source(JsonNode run, String id) {
        for (JsonNode s : run.get("sources")) {
            if (s.get("sourceId").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no source " + id + " in " + run);
    }

    /** pages, records, stored, mapped, unmapped, rejected, errors */
    private static List<Integer> counts(JsonNode s) {
        return List.of(s.get("pages").asInt(), s.get("records").asInt(), s.get("stored").asInt(), s.get("mapped").asInt(),
                s.get("unmapped").asInt(), s.get("rejected").asInt(), s.get("errors").asInt());
    }




    /** @return manual VACUUMs of source_record and work_item so far (PostgreSQL's statistics) */
    private long manualVacuums() {
        return jdbc.queryForObject("select coalesce(sum(vacuum_count), 0) from pg_stat_user_tables "
                + "where relname in ('source_record', 'work_item')", Long.class);
    }

    private void configureSources(String baseUrl) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("IOFFICE_BASE_URL", baseUrl);
        vars.put("IOFFICE_USERNAME", "btc.nguyenvana");
        vars.put("IOFFICE_PASSWORD", "Mk-iOffice-2026!");
        vars.put("QLCV_JDBC_URL", legacyUrl);
        vars.put("QLCV_JDBC_USERNAME", "postgres");
        vars.put("QLCV_JDBC_PASSWORD", "");
        env.getPropertySources().addFirst(new MapPropertySource("sync-run-test", vars));
    }

    private void stubLogin() {
        server.stubFor(post(urlPathEqualTo(LOGIN)).willReturn(okJson("{\"data\": {\"token\": \"" + TOKEN + "\"}}")));
    }

    /** Tasks 1-2 on page 1, task 3 on page 2 (TotalPage 2). */
    private void stubTaskPages() {
        List<List<ObjectNode>> pages = List.of(List.of(task(1), task(2)), List.of(task(3)));
        for (int i = 0; i < pages.size(); i++) {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode items = body.putArray("PageData");
            pages.get(i).forEach(items::add);
            body.put("TotalRows", 3).put("CurrentPage", i + 1).put("PageSize", 2).put("TotalPage", 2);
            server.stubFor(get(urlPathEqualTo(LIST)).withQueryParam("CurrentPage", equalTo(String.valueOf(i + 1)))
                    .withHeader("X-Authentication-Token", equalTo(TOKEN)).willReturn(okJson(body.toString())));
        }
    }

    /** Tasks of Nguyễn Văn A (seed 001 worked example), as iOffice task list items. */
    private ObjectNode task(int n) {
        ObjectNode t = mapper.createObjectNode();
        t.put("Id", 90240 + n).put("NguoiThucHienId", "u-1024").put("DonViThucHienId", "btc-tu").put("TrangThai", 2)
                .put("SoLuongKeHoach", 1).put("SoLuongHoanThanh", 1);
        switch (n) {
            case 1 -> t.put("TenCv", "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ quý II/2026 của các phòng")
                    .put("LoaiSanPham", "Báo cáo").put("CapTrinh", "Lãnh đạo Ban").put("HanXuLy", "2026/06/25")
                    .put("NgayHoanThanh", "2026/06/24").put("NgayCapNhat", "2026/06/24 10:00:00");
            case 2 -> t.put("TenCv", "Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở đảng, đảng viên quý II/2026")
                    .put("LoaiSanPham", "Báo cáo").put("CapTrinh", "Lãnh đạo Ban").put("HanXuLy", "2026/06/25")
                    .put("NgayHoanThanh", "2026/06/25").put("NgayCapNhat", "2026/06/25 09:30:00");
            default -> t.put("TenCv", "Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định sinh hoạt đảng trực tuyến")
                    .put("LoaiSanPham", "Tờ trình").put("CapTrinh", "Ban Thường vụ Tỉnh ủy").put("HanXuLy", "2026/05/29")
                    .put("NgayHoanThanh", "2026/05/28").put("NgayCapNhat", "2026/05/28 15:20:00");
        }
        t.putArray("KetQuaDanhGia");
        return t;
    }

    /**
     * The legacy task database of {@code qlcv-btc}: two tasks and the self-assessment. A database
     * of its own (SqlSourceFlowTest polls another one through the same connection name and cached
     * SQL endpoint): the changed connection is taken up at the next poll.
     */
    private void legacyDatabase() throws Exception {
        LegacyTaskDatabase db = LegacyTaskDatabase.create(jdbc, "qlcv_sync_run");
        legacyUrl = db.url;
        db.task("CV-0001", "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng", "Báo cáo", "Lãnh đạo Ban", 1,
                1, "2026-06-30", "2026-06-30", "2026-06-30 16:45:00");
        db.task("CV-0005", "Tờ trình Ban Thường vụ Tỉnh ủy về xây dựng Kết luận thực hiện Nghị quyết 21-NQ/TW",
                "Tờ trình", "Ban Thường vụ Tỉnh ủy", 1, 1, "2026-06-20", "2026-06-12", "2026-06-12 08:00:00");
        db.selfAssessment();
    }
}
