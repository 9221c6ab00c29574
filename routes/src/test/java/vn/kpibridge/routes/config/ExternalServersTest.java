package vn.kpibridge.routes.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.TextMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;
import vn.kpibridge.routes.KpiBridgeApplication;
import vn.kpibridge.routes.cli.SyncCommand;

/**
 * "External" servers started beside the application (a PostgreSQL on its own port and an Artemis
 * broker with a TCP acceptor): setting {@code spring.datasource.url} and
 * {@code spring.artemis.broker-url} is all it takes; the embedded ones do not start, and the sync
 * writes its rows and its message there.
 */
class ExternalServersTest {
    static EmbeddedPostgres postgres;
    static EmbeddedActiveMQ broker;
    static int brokerPort;
    static Path data;

    @BeforeAll
    static void startServers() throws Exception {
        data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "ext-");
        postgres = EmbeddedPostgres.builder().setDataDirectory(data.resolve("external-pg")).start();
        try (ServerSocket s = new ServerSocket(0)) {
            brokerPort = s.getLocalPort();
        }
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort);
        config.addQueueConfiguration(QueueConfiguration.of("kpi.evaluations").setRoutingType(RoutingType.ANYCAST));
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        broker.stop();
        postgres.close();
    }

    @Test
    void datasourceUrlAndBrokerUrlSwitchToExternalServersWithNoCodeChange() throws Exception {
        int code;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KpiBridgeApplication.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .run("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.artemis.broker-url=tcp://127.0.0.1:" + brokerPort,
                        "--kpi.data-dir=" + data, "--kpi.mappings-dir=../mappings", "--kpi.schemes-dir=../config/schemes",
                        "--kpi.sync.seed-from=../samples/inbox", "--kpi.inbox.auto-start=false",
                        "--kpi.inbox.poll-delay-ms=100", "--kpi.schedule.enabled=false")) {
            assertThat(ctx.getBeansOfType(EmbeddedPostgres.class)).as("no embedded PostgreSQL").isEmpty();
            assertThat(ctx.getBeansOfType(EmbeddedActiveMQ.class)).as("no embedded broker").isEmpty();
            assertThat(ctx.getBeansOfType(org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ.class)).isEmpty();
            code = ctx.getBean(SyncCommand.class).run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        }
        assertThat(code).isZero();
        try (var c = postgres.getPostgresDatabase().getConnection();
                var rs = c.createStatement().executeQuery("select total_points, proposed_rating from evaluation")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("91.93");
            assertThat(rs.getString(2)).isEqualTo("NOT_COMPLETED");
        }
        JmsTemplate external = new JmsTemplate(new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort));
        external.setReceiveTimeout(5000);
        TextMessage m = (TextMessage) external.receive("kpi.evaluations");
        assertThat(m).isNotNull();
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.getText())
                .at("/display/totalPoints").decimalValue()).isEqualByComparingTo("91.93");
    }
}
