package vn.kpibridge.routes.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.kpibridge.routes.api.ApiProblem;
import vn.kpibridge.routes.cli.ScoreCommand;

/** The evaluation request format on the shipped samples, with hand-checked figures, and its errors. */
class ScoringPreviewTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    final ScoringPreview preview = new ScoringPreview(ROOT.resolve("config/schemes"), ROOT.resolve("mappings"));
    final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    JsonNode score(String sample) throws Exception {
        return mapper.readTree(preview.score(Files.readString(ROOT.resolve("samples/scoring").resolve(sample))));
    }

    Map<String, JsonNode> byEmployee(JsonNode response) {
        Map<String, JsonNode> m = new HashMap<>();
        response.at("/units/0/results").forEach(r -> m.put(r.get("employeeId").asText(), r));
        return m;
    }

    @Test
    void seed001SampleGives9193AndNotCompleted() throws Exception {
        JsonNode r = score("seed001-worked-example.json");
        JsonNode e = r.at("/units/0/results/0");
        assertThat(e.at("/display/totalPoints").decimalValue()).isEqualByComparingTo("91.93");
        assertThat(e.at("/display/pointsBand").asText()).isEqualTo("EXCELLENT");
        assertThat(e.at("/display/finalProposedRating").asText()).isEqualTo("NOT_COMPLETED");
        assertThat(e.at("/evaluation/rulesFired/0/code").asText()).isEqualTo("TASKS_BELOW_100_PERCENT");
        assertThat(e.at("/evaluation/axes/0/plannedConverted").decimalValue()).isEqualByComparingTo("7.7");
        assertThat(e.get("explanation").toString()).contains("87,01%");
        assertThat(r.get("periodLabel").asText()).isEqualTo("Quý II/2026");
    }

    @Test
    void haNoiMonthlyUnitScoresLeadersBottomUpAndAppliesTheQuota() throws Exception {
        Map<String, JsonNode> e = byEmployee(score("ha-noi-monthly-unit.json"));
        // PL-006: P = 4x1 + 2x1.5 + 6x0.5 = 10; one failed review on HS (3 converted x 0.75):
        // a 100%, b (4 + 3 + 2.25)/10 = 92.5%, c 100% -> 97.5% x 70 = 68.25 + 30 = 98.25
        assertThat(e.get("PL-006").at("/display/totalPoints").decimalValue()).isEqualByComparingTo("98.25");
        // PL-007: VB 3 of 4 done, 1 failed review, 1 late: a 9/10, b = c = (2.25 + 3 + 3)/10 -> 85% -> 89.50
        assertThat(e.get("PL-007").at("/display/totalPoints").decimalValue()).isEqualByComparingTo("89.50");
        assertThat(e.get("PL-007").at("/display/pointsBand").asText()).isEqualTo("GOOD");
        // PL-008: a 55%, b 46.25%, c 45% -> 48.75% x 70 = 34.125 + 12 = 46.13 -> NOT_COMPLETED
        assertThat(e.get("PL-008").at("/display/totalPoints").decimalValue()).isEqualByComparingTo("46.13");
        assertThat(e.get("PL-008").at("/display/finalProposedRating").asText()).isEqualTo("NOT_COMPLETED");
        // PL-002 (deputy, PL-008 reports to her): d = 50%, so (100 x 5 + 50)/6 = 91.67% -> 64.17 + 30 = 94.17
        assertThat(e.get("PL-002").at("/display/totalPoints").decimalValue()).isEqualByComparingTo("94.17");
        // PL-009 worked 9 of 22 days (< 50%): not rated
        assertThat(e.get("PL-009").at("/eligibility/status").asText()).isEqualTo("NOT_RATED");
        // quota: base 5 (PL-002, 004, 005, 006, 007; head not counted), cap round-half-up(0.2 x 5) = 1;
        // 4 candidates -> lowest first proposed for GOOD: PL-002 (94.17), PL-006 (98.25); PL-004 and
        // PL-005 tie at 100 for the 1 place: listed together, the authority chooses
        JsonNode q = score("ha-noi-monthly-unit.json").at("/units/0/quotas/0");
        assertThat(q.get("base").asInt()).isEqualTo(5);
        assertThat(q.get("cap").asInt()).isEqualTo(1);
        assertThat(q.get("proposedForGood")).extracting(JsonNode::asText).containsExactly("PL-002", "PL-006");
        assertThat(q.get("tiedAtCap")).extracting(JsonNode::asText).containsExactlyInAnyOrder("PL-004", "PL-005");
        assertThat(e.get("PL-002").at("/display/finalProposedRating").asText()).isEqualTo("GOOD");
        assertThat(e.get("PL-001").at("/display/finalProposedRating").asText()).isEqualTo("EXCELLENT");
    }

    @Test
    void errorsNameTheField() {
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-06\", \"scheme\": \"ha-noi-phuc-loi-monthly\", "
                + "\"employees\": [{\"id\": \"E1\", \"unit\": \"U\", \"items\": [{\"coefficient\": 1, \"plannedQuantity\": 1, "
                + "\"doneQuantity\": -2}]}]}"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("employees[0].items[0]")
                .hasMessageContaining("done quantity must be >= 0");
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-06\", \"scheme\": \"ha-noi-phuc-loi-monthly\", "
                + "\"employees\": [{\"id\": \"E1\", \"unit\": \"U\", \"itmes\": []}]}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("employees[0].itmes"));
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-06\", \"scheme\": \"khong-co\", \"employees\": []}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.field()).isEqualTo("scheme");
                    assertThat(p.getMessage()).contains("ha-noi-phuc-loi-monthly");
                });
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-Q2\", \"scheme\": \"seed001-worked-example\", "
                + "\"catalog\": \"catalogs/ban-to-chuc-tinh-uy.yml\", \"employees\": [{\"id\": \"E1\", \"unit\": \"U\", "
                + "\"items\": [{\"product\": \"BTC-99\", \"plannedQuantity\": 1}]}]}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("employees[0].items[0].product"));
        assertThatThrownBy(() -> preview.score("{\"period\": \"June\", \"scheme\": \"seed001-worked-example\"}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("period"));
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-06\", \"scheme\": \"../../etc/passwd\", \"employees\": []}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("scheme"));
    }

    @Test
    void malformedJsonNamesLineAndColumnAndAMisshapedCatalogNamesTheCatalog() {
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-06\",\n  \"scheme\": }"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.field()).isNull();
                    assertThat(p.getMessage()).startsWith("the request body is not valid JSON (line 2, column 13)");
                });
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-Q2\", \"scheme\": \"seed001-worked-example\", "
                + "\"catalog\": 5, \"employees\": []}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("catalog"));
        assertThatThrownBy(() -> preview.score("{\"period\": \"2026-Q2\", \"scheme\": \"seed001-worked-example\", "
                + "\"catalog\": {\"products\": [{\"code\": \"X\", \"points\": \"nhieu\"}]}, \"employees\": []}"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.field()).isEqualTo("catalog.products[0].points"));
    }

    @Test
    void scoreCommandPrintsTheResponseAndExitCodes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ScoreCommand.run(new String[] {ROOT.resolve("samples/scoring/seed001-worked-example.json").toString(),
                "--schemes=" + ROOT.resolve("config/schemes"), "--mappings=" + ROOT.resolve("mappings")},
                new PrintStream(out, true, "UTF-8"), new PrintStream(err, true, "UTF-8"));
        assertThat(code).isZero();
        assertThat(mapper.readTree(out.toString("UTF-8")).at("/units/0/results/0/display/totalPoints").decimalValue())
                .isEqualByComparingTo("91.93");
        assertThat(err.toString("UTF-8")).contains("BTC-CB-0001").contains("91.93").contains("NOT_COMPLETED");
        assertThat(ScoreCommand.run(new String[] {"khong-co.json"}, new PrintStream(out), new PrintStream(err))).isEqualTo(66);
        assertThat(ScoreCommand.run(new String[] {}, new PrintStream(out), new PrintStream(err))).isEqualTo(64);
    }
}
