package vn.kpibridge.routes.run;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kill and restart in the middle of a sync run, with a real process: the application's main class
 * runs in a JVM of its own against a PostgreSQL server started here (embedded binaries) and the
 * REST source {@code ioffice-tasks} served by WireMock, 6 pages of 2 tasks, each page answered
 * after 1.5 s. The process is killed ({@code destroyForcibly}, SIGKILL: no shutdown hook runs) once
 * 2 pages are stored, then started again and a new run is asked for.
 *
 * <p>Checked afterwards: the killed run is marked INTERRUPTED (stale heartbeat); the records of the
 * pages stored before the kill are there once; the watermark had not moved; the new run takes all
 * 12 tasks, stores only those not yet stored and counts the others as already stored; every task
 * is stored once (nothing lost, nothing counted twice) and the watermark is the newest update time.
 */
class KillAndRestartTest {
    static final int PAGES = 6;
    static final String TOKEN = "tok-kill-restart";
    static EmbeddedPostgres postgres;
    static WireMockServer server;
    static Path data;
    static JdbcTemplate jdbc;

    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final List<Process> started = new ArrayList<>();
    int port;

    @BeforeAll
    static void servers() throws Exception {
        data = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "kill-restart-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("external-pg")).start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stopServers() throws IOException {
        server.stop();
        postgres.close();
    }

    @AfterEach
    void killLeftOvers() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    @Test
    void aRunKilledMidPullResumesOnRestartWithNothingLostAndNothingCountedTwice() throws Exception {
        stubSource();
        port = freePort();

        Process first = start("first");
        startRun();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> storedPages() >= 2);
        first.destroyForcibly();
        first.waitFor();

        int storedBeforeKill = count("select count(*) from source_record where source_id = 'ioffice-tasks'");
        assertThat(storedBeforeKill).as("whole pages stored before the kill").isBetween(4, 10);
        assertThat(storedBeforeKill % 2).isZero();
        assertThat(count("select count(*) from source_watermark where source_id = 'ioffice-tasks'"))
                .as("the watermark moves only after the last page").isZero();
        assertThat(jdbc.queryForObject("select status from sync_run where id = 1", String.class))
                .as("nobody could mark it").isEqualTo("RUNNING");

        start("second");
        startRun();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from sync_run where id = 2 and status <> 'RUNNING'") == 1);

        assertThat(jdbc.queryForObject("select status from sync_run where id = 1", String.class)).isEqualTo("INTERRUPTED");
        assertThat(jdbc.queryForObject("select status from sync_run where id = 2", String.class)).isEqualTo("COMPLETED");
        Map<String, Object> second = jdbc.queryForMap("select status, pages, records, stored, duplicates, mapped "
                + "from sync_run_source where run_id = 2 and source_id = 'ioffice-tasks'");
        assertThat(second.get("status")).isEqualTo("COMPLETED");
        assertThat(second.get("pages")).isEqualTo(PAGES);
        assertThat(second.get("records")).isEqualTo(2 * PAGES);
        assertThat(second.get("stored")).as("only what the killed run had not stored").isEqualTo(2 * PAGES - storedBeforeKill);
        assertThat(second.get("duplicates")).as("what it had stored is recognised").isEqualTo(storedBeforeKill);
        assertThat(second.get("mapped")).isEqualTo(2 * PAGES);
        assertThat(count("select count(*) from source_record where source_id = 'ioffice-tasks'")).isEqualTo(2 * PAGES);
        assertThat(count("select count(distinct record_id) from work_item where source_id = 'ioffice-tasks'"))
                .isEqualTo(2 * PAGES);
        assertThat(count("select count(*) from work_item where source_id = 'ioffice-tasks'")).isEqualTo(2 * PAGES);
        assertThat(jdbc.queryForObject("select watermark from source_watermark where source_id = 'ioffice-tasks'",
                LocalDateTime.class)).isEqualTo(LocalDateTime.parse("2026-06-12T08:00:00"));
    }

    private int storedPages() {
        List<Integer> pages = jdbc.queryForList("select pages from sync_run_source where run_id = 1 "
                + "and source_id = 'ioffice-tasks'", Integer.class);
        return pages.isEmpty() ? 0 : pages.get(0);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private void startRun() throws Exception {
        // the local login of the embedded default: the bootstrap ADMIN key the application wrote
        String key = java.nio.file.Files.readString(data.resolve("app/keys/bootstrap-admin.key")).trim();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/sync-runs")).header("X-API-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    /** Starts the application's main class in a JVM of its own and waits until its API answers. */
    private Process start(String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "vn.kpibridge.routes.KpiBridgeApplication",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--server.port=" + port,
                "--kpi.data-dir=" + data.resolve("app"), "--kpi.mappings-dir=../mappings",
                "--kpi.schemes-dir=../config/schemes",
                "--kpi.schedule.enabled=false",
                "--kpi.sync-run.progress-interval-ms=100",
                "--kpi.sync-run.stale-after-seconds=2");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve(name + ".log").toFile());
        pb.environment().put("IOFFICE_BASE_URL", server.baseUrl());
        pb.environment().put("IOFFICE_USERNAME", "btc.nguyenvana");
        pb.environment().put("IOFFICE_PASSWORD", "Mk-iOffice-2026!");
        Process p = pb.start();
        started.add(p);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(p.isAlive()).as("process " + name + " exited; see " + data.resolve(name + ".log")).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Login, then 6 pages of 2 tasks, each answered after 1.5 s. */
    private void stubSource() {
        server.stubFor(post(urlPathEqualTo("/qlvb/api/login/v3/"))
                .willReturn(okJson("{\"data\": {\"token\": \"" + TOKEN + "\"}}")));
        for (int page = 1; page <= PAGES; page++) {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode items = body.putArray("PageData");
            items.add(task(2 * page - 1));
            items.add(task(2 * page));
            body.put("TotalRows", 2 * PAGES).put("CurrentPage", page).put("PageSize", 2).put("TotalPage", PAGES);
            server.stubFor(get(urlPathEqualTo("/qlvb/api/cong-viec/danh-sach/"))
                    .withQueryParam("CurrentPage", equalTo(String.valueOf(page)))
                    .withHeader("X-Authentication-Token", equalTo(TOKEN))
                    .willReturn(okJson(body.toString()).withFixedDelay(1500)));
        }
    }

    /** Task n of Nguyễn Văn A in Quý II/2026, updated on June n (task 12 last: the watermark). */
    private ObjectNode task(int n) {
        ObjectNode t = mapper.createObjectNode();
        boolean report = n % 2 == 1;
        t.put("Id", 91000 + n).put("NguoiThucHienId", "u-1024").put("DonViThucHienId", "btc-tu").put("TrangThai", 2)
                .put("SoLuongKeHoach", 1).put("SoLuongHoanThanh", 1)
                .put("TenCv", (report ? "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng, số "
                        : "Tờ trình Ban Thường vụ Tỉnh ủy về công tác cán bộ, số ") + n)
                .put("LoaiSanPham", report ? "Báo cáo" : "Tờ trình")
                .put("CapTrinh", report ? "Lãnh đạo Ban" : "Ban Thường vụ Tỉnh ủy")
                .put("HanXuLy", "2026/06/20").put("NgayHoanThanh", String.format("2026/06/%02d", n))
                .put("NgayCapNhat", String.format("2026/06/%02d 08:00:00", n));
        t.putArray("KetQuaDanhGia");
        return t;
    }
}
