package vn.kpibridge.routes.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jms.connection.CachingConnectionFactory;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.cli.SyncCommand;
import vn.kpibridge.routes.flow.SyncRunTracker;

/**
 * The events of issue 5 point 4 through the main job: the seed 001 worked example is taken in by
 * the {@code sync} command's flow while two durable shared subscriptions (as a subscribing system
 * would hold) are registered on the topics but have no consumer; afterwards the events wait in
 * them, and are read back as JSON with their values. A second test points the HR push at a port
 * nobody listens on: the run still ends, reporting the pending delivery.
 */
class ResultEventsFlowTest extends FlowTestSupport {
    static final Path SAMPLE = Path.of("../samples/inbox/eoffice-btc/eoffice-btc-2026-Q2.json");
    final ObjectMapper mapper = new ObjectMapper();
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    SyncCommand sync;
    @Autowired
    ConfigurableEnvironment env;

    @Autowired
    CamelContext camel;
    @Autowired
    SyncRunTracker tracker;

    @Autowired
    vn.kpibridge.routes.flow.OutboxService outbox;

    @org.junit.jupiter.api.BeforeEach
    void releaseEachVersion() {
        // the main job without review in kpi-bridge: events at each new version (kpi.release.on=new-version)
        outbox.setReleaseOn("new-version");
    }

    @AfterEach
    void restore() throws Exception {
        outbox.setReleaseOn("publication");
        env.getPropertySources().remove("events-test");
        // the sync command stops the inbox route when it is done; the shared context keeps it running
        camel.getRouteController().startRoute("file-inbox");
    }

    @Test
    void syncLeavesEvaluationFinalizedAndPeriodClosedOnTheTopicsForDurableSubscribers() throws Exception {
        ConnectionFactory cf = connectionFactory instanceof CachingConnectionFactory c ? c.getTargetConnectionFactory()
                : connectionFactory;
        try (Connection connection = cf.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic finalized = session.createTopic("kpi.evaluation.finalized");
            Topic closed = session.createTopic("kpi.period.closed");
            // the subscribing system registers, then goes away: its subscriptions keep the events
            session.createSharedDurableConsumer(finalized, "it-hr-audit").close();
            session.createSharedDurableConsumer(closed, "it-hr-audit-units").close();
            try {
                String printed = runSync();

                assertThat(printed).contains("91.93").contains("EXCELLENT").contains("NOT_COMPLETED")
                        .contains("Events published: 1 evaluation.finalized on topic kpi.evaluation.finalized, "
                                + "1 period.closed on topic kpi.period.closed")
                        .contains("HR push: off (");
                connection.start();
                MessageConsumer c1 = session.createSharedDurableConsumer(finalized, "it-hr-audit");
                Message m1 = c1.receive(5000);
                assertThat(m1).as("evaluation.finalized kept for the subscriber").isNotNull();
                assertThat(m1.getStringProperty("KpiEvent")).isEqualTo("evaluation.finalized");
                assertThat(m1.getStringProperty("KpiIdempotencyKey")).isEqualTo("BTC-CB-0001:2026-Q2:v1");
                JsonNode e = mapper.readTree(((TextMessage) m1).getText());
                assertThat(e.get("event").asText()).isEqualTo("evaluation.finalized");
                assertThat(e.get("eventId").asText()).isEqualTo("evaluation.finalized:BTC-CB-0001:2026-Q2:v1");
                assertThat(e.get("trigger").asText()).isEqualTo("evaluation-version-stored");
                assertThat(e.get("approvalStatus").asText()).isEqualTo("PROPOSED");
                assertThat(e.get("employeeCode").asText()).isEqualTo("BTC-CB-0001");
                assertThat(e.get("fullName").asText()).isEqualTo("Nguyễn Văn A");
                assertThat(e.get("unitCode").asText()).isEqualTo("BTC-TU");
                assertThat(e.get("period").asText()).isEqualTo("2026-Q2");
                assertThat(e.get("periodLabel").asText()).isEqualTo("Quý II/2026");
                assertThat(e.get("version").asInt()).isEqualTo(1);
                assertThat(e.get("totalPoints").decimalValue()).isEqualByComparingTo("91.93");
                assertThat(e.get("generalPoints").decimalValue()).isEqualByComparingTo("30");
                assertThat(e.get("taskPoints").decimalValue()).isEqualByComparingTo("61.93");
                assertThat(e.get("quantityPercent").decimalValue()).isEqualByComparingTo("87.01");
                assertThat(e.get("pointsBand").asText()).isEqualTo("EXCELLENT");
                assertThat(e.get("proposedRating").asText()).isEqualTo("NOT_COMPLETED");
                assertThat(e.get("proposedRatingLabel").asText()).isEqualTo("Không hoàn thành nhiệm vụ");
                assertThat(e.get("rulesFired")).hasSize(1);
                assertThat(e.get("rulesFired").get(0).get("code").asText()).isEqualTo("TASKS_BELOW_100_PERCENT");
                assertThat(e.has("evaluation")).as("the event is the summary, not the full evaluation").isFalse();
                assertThat(c1.receive(500)).as("one event per new version").isNull();
                c1.close();

                MessageConsumer c2 = session.createSharedDurableConsumer(closed, "it-hr-audit-units");
                Message m2 = c2.receive(5000);
                assertThat(m2).as("period.closed kept for the subscriber").isNotNull();
                JsonNode p = mapper.readTree(((TextMessage) m2).getText());
                assertThat(p.get("event").asText()).isEqualTo("period.closed");
                assertThat(p.get("trigger").asText()).isEqualTo("unit-summary-written");
                assertThat(p.get("unitCode").asText()).isEqualTo("BTC-TU");
                assertThat(p.get("unitName").asText()).isEqualTo("Ban Tổ chức Tỉnh ủy");
                assertThat(p.get("period").asText()).isEqualTo("2026-Q2");
                assertThat(p.get("periodLabel").asText()).isEqualTo("Quý II/2026");
                assertThat(p.get("employees").asInt()).isEqualTo(1);
                assertThat(p.get("ratingCounts").get("NOT_COMPLETED").asInt()).isEqualTo(1);
                assertThat(p.get("idempotencyKey").asText()).matches("BTC-TU:2026-Q2:[0-9a-f]{12}");
                assertThat(m2.getStringProperty("KpiIdempotencyKey")).isEqualTo(p.get("idempotencyKey").asText());
                JsonNode ev = p.get("evaluations").get(0);
                assertThat(ev.get("employeeCode").asText()).isEqualTo("BTC-CB-0001");
                assertThat(ev.get("idempotencyKey").asText()).isEqualTo("BTC-CB-0001:2026-Q2:v1");
                assertThat(ev.get("totalPoints").decimalValue()).isEqualByComparingTo("91.93");
                assertThat(ev.get("proposedRating").asText()).isEqualTo("NOT_COMPLETED");
                c2.close();

                // the outbox rows of both events were delivered
                assertThat(count("select count(*) from outbox_message where target in ('EVALUATION_FINALIZED_TOPIC', "
                        + "'PERIOD_CLOSED_TOPIC') and status = 'DELIVERED'")).isEqualTo(2);
            } finally {
                session.unsubscribe("it-hr-audit");
                session.unsubscribe("it-hr-audit-units");
            }
        }
    }

    @Test
    void anUnreachableHrSystemDoesNotHoldTheRunWhichReportsThePendingDelivery() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        env.getPropertySources().addFirst(new MapPropertySource("events-test", Map.of(
                "HR_API_URL", "http://127.0.0.1:" + closedPort, "HR_API_TOKEN", "unused")));

        long start = System.nanoTime();
        String printed = runSync();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(seconds).as("bounded by one lease (2 x (1 s + 2 s))").isLessThan(20);
        assertThat(printed).contains("HR push (POST ${HR_API_URL:}/api/v1/danh-gia-xep-loai): 0 delivered, 1 pending, "
                + "0 parked, 0 dead (pending messages are retried with back-off");
        Map<String, Object> row = jdbc.queryForMap("select status, attempts, last_answer from outbox_message "
                + "where target = 'HR'");
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat((int) row.get("attempts")).isGreaterThanOrEqualTo(1);
        assertThat((String) row.get("last_answer")).startsWith("connection refused: ");
    }

    /** Drops the sample, lets the inbox take it in, then runs the sync command's wait and summary. */
    private String runSync() throws Exception {
        int rejectedBefore = tracker.filesRejected();
        camel.getRouteController().startRoute("file-inbox");
        drop(SAMPLE, "eoffice-btc", "events-" + System.nanoTime() + ".json");
        await().atMost(Duration.ofSeconds(20)).until(() -> count("select count(*) from evaluation") == 1);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = sync.run(new PrintStream(buf, true, StandardCharsets.UTF_8));
        String printed = buf.toString(StandardCharsets.UTF_8);
        // the sample is taken in, not rejected; the exit code is 2 when a file was rejected since the
        // shared context started (by an earlier test), else 0; 3 would be a time-out
        assertThat(tracker.filesRejected()).as("files rejected during this run").isEqualTo(rejectedBefore);
        assertThat(code).as(printed).isEqualTo(rejectedBefore > 0 ? 2 : 0);
        assertThat(Files.exists(DATA.resolve("out/2026-Q2/mau-06_BTC-TU.xlsx"))).isTrue();
        return printed;
    }
}
