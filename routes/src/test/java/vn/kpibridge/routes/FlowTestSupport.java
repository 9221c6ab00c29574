package vn.kpibridge.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Full-context flow tests: the real application with a real embedded PostgreSQL and an
 * in-process Artemis broker, under a fresh data folder per test JVM. Each test starts from empty
 * tables, an empty inbox and an empty evaluation queue.
 */
@CamelSpringBootTest
@SpringBootTest(classes = KpiBridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class FlowTestSupport {
    /** Data folder of this test JVM (PostgreSQL, Artemis journal, inbox, outputs). */
    protected static final Path DATA;

    static {
        try {
            Files.createDirectories(Path.of("target"));
            DATA = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("kpi.data-dir", DATA::toString);
        r.add("kpi.mappings-dir", () -> "../mappings");
        r.add("kpi.schemes-dir", () -> "../config/schemes");
        r.add("kpi.inbox.poll-delay-ms", () -> "100");
        r.add("kpi.sync.seed-from", () -> "");
        r.add("kpi.redelivery.redelivery-delay-ms", () -> "10");
        r.add("spring.jms.template.receive-timeout", () -> "2000");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    protected int port;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected JmsTemplate jms;

    @BeforeEach
    void cleanState() throws IOException {
        jdbc.execute("truncate table outbox_message, evaluation, record_issue, employee_assessment, work_item, source_record, "
                + "source_file, source_watermark, sync_run_source, sync_run restart identity cascade");
        jms.setReceiveTimeout(200);
        while (jms.receive("kpi.evaluations") != null) {
            // drain messages left by an earlier test
        }
        jms.setReceiveTimeout(5000);
        deleteTree(DATA.resolve("out"));
    }

    /** Copies a file into the inbox folder of a source, atomically (as an e-office drop would). */
    protected static Path drop(Path file, String sourceFolder, String name) throws IOException {
        Path dir = DATA.resolve("inbox").resolve(sourceFolder);
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + name + ".part");
        Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes text as a file in the inbox folder of a source, atomically. */
    protected static Path drop(String content, String sourceFolder, String name) throws IOException {
        Path tmp = Files.createTempFile(DATA, "drop", ".tmp");
        Files.writeString(tmp, content);
        Path p = drop(tmp, sourceFolder, name);
        Files.delete(tmp);
        return p;
    }

    protected int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
