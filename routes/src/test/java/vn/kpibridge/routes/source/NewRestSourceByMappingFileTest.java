package vn.kpibridge.routes.source;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.config.MappingRegistry;

/**
 * Issue 4, "done when": a new REST system is connected with a mapping file alone. The running
 * application is given one new file, {@code mappings/sources/taskhub-btc.yml}, for a task API
 * shaped nothing like iOffice (English field names, nested objects, {@code dd/MM/yyyy} dates,
 * offset/limit paging with a total count under {@code meta}, an API key header, status words,
 * review factors in a list read by JSONPath). No code, no restart: the registry's reload picks the
 * file up, and a pull of the new source from a real HTTP server (WireMock) speaking that shape
 * stores, maps and scores the five tasks of the seed 001 worked example.
 */
class NewRestSourceByMappingFileTest extends FlowTestSupport {
    static final String API_KEY = "th-key-0c41e9";
    static final String MAPPING = """
            # TaskHub, the task tracker of the Organisation Board's IT unit (added by the administrator)
            id: taskhub-btc
            type: rest
            name: TaskHub - Ban Tổ chức Tỉnh ủy
            catalog: catalogs/ban-to-chuc-tinh-uy.yml
            productRules: rules/ban-to-chuc-tinh-uy.yml
            identities: identities/ban-to-chuc-tinh-uy.csv
            scheme: seed001-worked-example
            recordTypes:
              work-item: TASK
            dateFormats: ["dd/MM/yyyy"]
            statuses:
              closed: DONE
              open: IN_PROGRESS
            rest:
              baseUrl: ${TASKHUB_URL}
              path: /api/v3/work-items
              query:
                project: BTC
              items: /results
              auth:
                type: header
                header: Api-Key
                value: ${TASKHUB_API_KEY}
              paging:
                type: offset
                offsetParam: start
                limitParam: count
                size: 2
                total: /meta/totalCount
              derive:
                extract:
                  qualityFactor: "$.scores[?(@.aspect == 'quality')].factor"
                  timelinessFactor: "$.scores[?(@.aspect == 'timeliness')].factor"
                  leadershipFactor: "$.scores[?(@.aspect == 'leadership')].factor"
                period:
                  from: /deadline
            fields:
              id: /key
              version: /revision
              type: /kind
              period: /_derived/period
              assigneeId: /assignee/login
              unitId: /department/code
              title: /summary
              productType: /category/name
              submissionLevel: /submittedTo
              plannedQuantity: /target
              doneQuantity: /achieved
              dueDate: /deadline
              completedDate: /finishedOn
              status: /state
              qualityFailures: /review/reworkCount
              lateDeliveries: /review/lateCount
              leadershipFailures: /review/leadershipShortfalls
              qualityFactor: /_derived/qualityFactor
              timelinessFactor: /_derived/timelinessFactor
              leadershipFactor: /_derived/leadershipFactor
            """;

    WireMockServer server;
    final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    ProducerTemplate template;
    @Autowired
    MappingRegistry registry;
    @Autowired
    ConfigurableEnvironment env;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        env.getPropertySources().addFirst(new MapPropertySource("taskhub", Map.of("TASKHUB_URL", server.baseUrl(),
                "TASKHUB_API_KEY", API_KEY)));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        env.getPropertySources().remove("taskhub");
        restoreMappings();
        registry.reloadIfChanged();
        assertThat(registry.sources()).doesNotContainKey("taskhub-btc");
    }

    @Test
    void newRestSystemIsConnectedByAddingOneMappingFile() throws Exception {
        List<ObjectNode> all = List.of(
                task(1, "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ hằng tháng", "Báo cáo", "Lãnh đạo Ban", 2, 1,
                        "30/06/2026", "30/06/2026"),
                task(2, "Báo cáo Lãnh đạo Ban kết quả thực hiện nhiệm vụ quý II/2026 của các phòng", "Báo cáo",
                        "Lãnh đạo Ban", 1, 1, "25/06/2026", "24/06/2026"),
                task(3, "Báo cáo Lãnh đạo Ban về tình hình tổ chức cơ sở đảng, đảng viên quý II/2026", "Báo cáo",
                        "Lãnh đạo Ban", 1, 1, "25/06/2026", "25/06/2026"),
                task(4, "Tờ trình Ban Thường vụ Tỉnh ủy về dự thảo Quy định sinh hoạt đảng trực tuyến", "Tờ trình",
                        "Ban Thường vụ Tỉnh ủy", 1, 1, "29/05/2026", "28/05/2026"),
                task(5, "Tờ trình Ban Thường vụ Tỉnh ủy về xây dựng Kết luận thực hiện Nghị quyết 21-NQ/TW", "Tờ trình",
                        "Ban Thường vụ Tỉnh ủy", 1, 1, "20/06/2026", "12/06/2026"));
        all.get(0).putObject("review").put("reworkCount", 1).put("lateCount", 1).put("leadershipShortfalls", 1);
        ArrayNode scores = all.get(4).putArray("scores");
        for (String aspect : List.of("quality", "timeliness", "leadership")) {
            scores.addObject().put("aspect", aspect).put("factor", new BigDecimal("1.2"));
        }
        for (int start = 0; start < 5; start += 2) {
            ObjectNode body = mapper.createObjectNode();
            body.putObject("meta").put("totalCount", 5).put("start", start);
            ArrayNode results = body.putArray("results");
            all.subList(start, Math.min(start + 2, 5)).forEach(results::add);
            server.stubFor(get(urlPathEqualTo("/api/v3/work-items")).withQueryParam("start", equalTo(String.valueOf(start)))
                    .withQueryParam("count", equalTo("2")).withQueryParam("project", equalTo("BTC"))
                    .withHeader("Api-Key", equalTo(API_KEY)).willReturn(okJson(body.toString())));
        }
        assertThatThrownBy(() -> pull()).rootCause().hasMessageStartingWith("source taskhub-btc: no source mapping with "
                + "this id; configured: [").hasMessageContaining("ioffice-tasks").hasMessageNotContaining("taskhub-btc]");

        // the administrator adds one file; the running application takes it up
        Files.writeString(MAPPINGS.resolve("sources/taskhub-btc.yml"), MAPPING, StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.source("taskhub-btc").isPresent());
        PullResult r = pull();

        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.records()).isEqualTo(5);
        assertThat(r.stored()).isEqualTo(5);
        assertThat(r.mapped()).isEqualTo(5);
        assertThat(r.unmapped()).isZero();
        assertThat(r.rejected()).isZero();
        server.verify(exactly(3), getRequestedFor(urlPathEqualTo("/api/v3/work-items")));

        List<Map<String, Object>> items = jdbc.queryForList("select record_id, version, product_code, rule_id, "
                + "catalog_version, employee_code, period, planned_quantity, done_quantity, quality_failures, "
                + "late_deliveries, leadership_failures, quality_factor, timeliness_factor, leadership_factor "
                + "from work_item where source_id = 'taskhub-btc' order by record_id");
        assertThat(items).extracting(i -> i.get("record_id")).containsExactly("WI-101", "WI-102", "WI-103", "WI-104",
                "WI-105");
        assertThat(items).extracting(i -> i.get("product_code")).containsExactly("BTC-01", "BTC-02", "BTC-03", "BTC-04",
                "BTC-05");
        assertThat(items).extracting(i -> i.get("rule_id")).containsExactly("R02-bc-hang-thang", "R03-bc-hang-quy",
                "R01-bc-to-chuc-co-so-dang", "R04-tt-sinh-hoat-dang-truc-tuyen", "R05-tt-xay-dung-chinh-don-dang");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("employee_code")).isEqualTo("BTC-CB-0001");
            assertThat(i.get("period")).isEqualTo("2026-Q2");
            assertThat(i.get("catalog_version")).isEqualTo("2026.1");
            assertThat(((Number) i.get("version")).longValue()).isEqualTo(3L);
        });
        Map<String, Object> first = items.get(0);
        assertThat((BigDecimal) first.get("planned_quantity")).isEqualByComparingTo("2");
        assertThat((BigDecimal) first.get("done_quantity")).isEqualByComparingTo("1");
        assertThat(first.get("quality_failures")).isEqualTo(1);
        assertThat(first.get("late_deliveries")).isEqualTo(1);
        assertThat(first.get("leadership_failures")).isEqualTo(1);
        Map<String, Object> fifth = items.get(4);
        assertThat((BigDecimal) fifth.get("quality_factor")).isEqualByComparingTo("1.2");
        assertThat((BigDecimal) fifth.get("timeliness_factor")).isEqualByComparingTo("1.2");
        assertThat((BigDecimal) fifth.get("leadership_factor")).isEqualByComparingTo("1.2");
        // the stored evidence is the item as TaskHub sent it
        assertThat(jdbc.queryForObject("select payload->'assignee'->>'login' from source_record "
                + "where source_id = 'taskhub-btc' and record_id = 'WI-105'", String.class)).isEqualTo("u-1024");
        // scored: the seed 001 tasks without the general criteria give 61.93 task points
        Map<String, Object> e = jdbc.queryForMap("select employee_code, period, total_points from evaluation");
        assertThat(e.get("employee_code")).isEqualTo("BTC-CB-0001");
        assertThat((BigDecimal) e.get("total_points")).isEqualByComparingTo("61.93");
    }

    private PullResult pull() {
        return template.requestBody("direct:pullRestSource", "taskhub-btc", PullResult.class);
    }

    private ObjectNode task(int n, String summary, String category, String submittedTo, int target, int achieved,
            String deadline, String finishedOn) {
        ObjectNode t = mapper.createObjectNode();
        t.put("key", "WI-" + (100 + n)).put("revision", 3).put("kind", "work-item").put("summary", summary);
        t.putObject("category").put("id", 7).put("name", category);
        t.put("submittedTo", submittedTo);
        t.putObject("assignee").put("login", "u-1024").put("displayName", "Nguyễn Văn A");
        t.putObject("department").put("code", "btc-tu");
        t.put("target", target).put("achieved", achieved).put("deadline", deadline).put("finishedOn", finishedOn)
                .put("state", "closed");
        return t;
    }
}
