package vn.kpibridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * Hot reload of the mapping files in the running application (issue 4 point 9): the shared
 * context reads a copy of {@code mappings/} and checks it every 200 ms (route
 * {@code mappings-reload}). A good edit is taken up; a broken edit keeps the last good version
 * running, is logged at ERROR with file, line and reason, and is shown at
 * {@code GET /api/v1/mappings/status}.
 */
@ExtendWith(OutputCaptureExtension.class)
class MappingReloadFlowTest extends FlowTestSupport {
    static final Path SAMPLE = Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    static final String BTC_05_ROW = "Tờ trình,01,Theo yêu cầu của cấp có thẩm quyền,,200,2,4";

    @Autowired
    MappingRegistry registry;
    final ObjectMapper mapper = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void restore() throws Exception {
        restoreMappings();
        registry.reloadIfChanged();
        assertThat(registry.status().state()).isEqualTo("OK");
    }

    @Test
    void brokenEditKeepsTheLastGoodVersionRunningAndSaysSoThenAFixedEditIsTakenUp(CapturedOutput output)
            throws Exception {
        Path csv = MAPPINGS.resolve("catalogs/ban-to-chuc-tinh-uy-2026.1.csv");
        MappingRegistry.Snapshot good = registry.snapshot();
        long reloads = registry.status().reloads();

        // a broken edit: the points of BTC-05 (row 5 of the seed table, CSV line 6) typed in words
        replace(csv, BTC_05_ROW, "Tờ trình,01,Theo yêu cầu của cấp có thẩm quyền,,hai trăm,2,4");
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.status().lastError() != null);

        String error = csv + ":6: column \"Điểm chấm công việc\" is not a number: \"hai trăm\"";
        MappingRegistry.Status status = registry.status();
        assertThat(status.state()).isEqualTo("ERROR");
        assertThat(status.lastError()).isEqualTo(error);
        assertThat(status.loadedAt()).isEqualTo(good.loadedAt());
        assertThat(registry.snapshot()).isSameAs(good);
        assertThat(output.getAll()).contains("ERROR").contains("Mapping files NOT reloaded, the version loaded at "
                + good.loadedAt() + " keeps running: " + error);
        JsonNode served = getStatus();
        assertThat(served.get("state").asText()).isEqualTo("ERROR");
        assertThat(served.get("lastError").asText()).isEqualTo(error);
        assertThat(Instant.parse(served.get("loadedAt").asText())).isEqualTo(good.loadedAt());
        assertThat(served.get("sources")).extracting(JsonNode::asText)
                .containsAll(registry.sources().keySet()).contains("eoffice-btc", "ioffice-tasks", "qlcv-btc");
        assertThat(served.get("files")).extracting(JsonNode::asText)
                .contains("mappings/catalogs/ban-to-chuc-tinh-uy-2026.1.csv", "schemes/seed001-worked-example.yml");

        // the last good version keeps scoring: the seed example still gives 91.93
        drop(SAMPLE, "eoffice-btc", "eoffice-btc-2026-Q2.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from evaluation") == 1);
        assertThat(jdbc.queryForObject("select total_points from evaluation", BigDecimal.class))
                .isEqualByComparingTo("91.93");
        // the error is logged once per edit, not at every check
        Thread.sleep(600);
        assertThat(output.getAll().split("Mapping files NOT reloaded", -1)).hasSize(2);

        // the administrator fixes the row with another value: taken up at the next check
        replace(csv, "hai trăm", "250");
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.status().reloads() > reloads);

        status = registry.status();
        assertThat(status.state()).isEqualTo("OK");
        assertThat(status.lastError()).isNull();
        assertThat(status.loadedAt()).isAfter(good.loadedAt());
        var catalog = registry.source("eoffice-btc").orElseThrow().catalog().versions().get(0);
        assertThat(catalog.coefficient("BTC-05")).isEqualByComparingTo("2.5");
        // one catalog file shared by the three sources: one version for all of them
        assertThat(registry.source("ioffice-tasks").orElseThrow().catalog())
                .isSameAs(registry.source("eoffice-btc").orElseThrow().catalog());
        assertThat(getStatus().get("state").asText()).isEqualTo("OK");
        assertThat(output.getAll()).contains("Mapping files reloaded (1 files changed): sources [eoffice-btc, ")
                .containsPattern("Mapping files reloaded \\(1 files changed\\): sources \\[[^]]*ioffice-tasks");
    }

    @Test
    void aSourceFileRemovedOrAddedChangesTheSourcesAndAnUnchangedFolderIsNotReloaded() throws Exception {
        assertThat(registry.reloadIfChanged()).as("nothing changed").isFalse();
        Files.delete(MAPPINGS.resolve("sources/qlcv-btc.yml"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !registry.sources().containsKey("qlcv-btc"));
        assertThat(registry.sources().keySet()).contains("eoffice-btc", "ioffice-tasks").doesNotContain("qlcv-btc");
        assertThat(registry.status().files()).doesNotContain("mappings/sources/qlcv-btc.yml");
    }

    private JsonNode getStatus() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/mappings/status")).header("Authorization", admin().value()).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(
                "application/json"));
        return mapper.readTree(r.body());
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to), StandardCharsets.UTF_8);
    }
}
