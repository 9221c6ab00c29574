package vn.kpibridge.routes.source;

import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Database connections of SQL sources, by the name a source mapping gives in {@code sql.datasource}:
 * {@code kpi.sources.datasources.<name>.url}, {@code .username}, {@code .password} and optionally
 * {@code .driver-class-name}, read when a pull runs (so a connection configured later, or
 * changed, is used without a restart, and an unconfigured one never stops the application).
 *
 * <p>Each connection is a small read-only Hikari pool (2 connections, opened on first use, the
 * connect time limit of {@code kpi.sources.sql.connect-timeout-ms}). The Camel registry holds, as
 * {@code kpiSqlSource-<name>}, one stable {@link DelegatingDataSource} per name for the SQL
 * component: Camel keeps the data source of an SQL endpoint it has created, so when the settings
 * of a name change, a new pool becomes the delegate's target and the old one is closed; the next
 * poll through the same (cached) endpoint uses the new connection. Pools are closed with the
 * application.
 */
@Component
public class SourceDataSources implements DisposableBean {
    /**
     * One configured connection.
     *
     * @param url JDBC URL, e.g. jdbc:postgresql://db.tinh.gov.vn:5432/qlcv
     * @param username user
     * @param password password (from the environment)
     * @param driverClassName JDBC driver class, or null to let the URL choose
     */
    public record Settings(String url, String username, String password, String driverClassName) {
    }

    /** The connection of a name: the registry's stable delegate and the pool it points at now. */
    private static final class Binding {
        final DelegatingDataSource delegate = new DelegatingDataSource();
        String key;
        HikariDataSource pool;
    }

    private final Environment env;
    private final CamelContext camel;
    private final SourcePullProperties props;
    private final Map<String, Binding> bindings = new HashMap<>();

    /**
     * @param env the environment the settings are read from
     * @param camel the Camel context whose registry receives the pools
     * @param props pull settings (connect time limit)
     */
    public SourceDataSources(Environment env, CamelContext camel, SourcePullProperties props) {
        this.env = env;
        this.camel = camel;
        this.props = props;
    }

    /**
     * @param sourceId source, for the message
     * @param name the connection name of the source's {@code sql.datasource}
     * @return the Camel registry name of the connection ({@code kpiSqlSource-<name>}), the same for
     *     every call with this name
     * @throws SourcePullException (not retryable) when the connection is not configured
     */
    public synchronized String bind(String sourceId, String name) {
        Settings s = Binder.get(env).bind("kpi.sources.datasources." + name, Settings.class).orElse(null);
        if (s == null || s.url() == null || s.url().isBlank()) {
            throw new SourcePullException(sourceId, "sql.datasource \"" + name + "\" is not configured: set "
                    + "kpi.sources.datasources." + name + ".url, .username and .password (application.yml maps them "
                    + "from the environment)", false, null);
        }
        String key = s.url() + "|" + s.username() + "|" + Objects.hashCode(s.password()) + "|" + s.driverClassName();
        String ref = "kpiSqlSource-" + name;
        Binding b = bindings.get(name);
        if (b == null) {
            b = new Binding();
            bindings.put(name, b);
            camel.getRegistry().bind(ref, b.delegate);
        }
        if (!key.equals(b.key)) {
            HikariDataSource old = b.pool;
            b.pool = create(name, s);
            b.key = key;
            b.delegate.setTargetDataSource(b.pool);
            if (old != null) {
                old.close();
            }
        }
        return ref;
    }

    private HikariDataSource create(String name, Settings s) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("kpi-sql-source-" + name);
        ds.setJdbcUrl(s.url());
        ds.setUsername(s.username());
        ds.setPassword(s.password());
        if (s.driverClassName() != null && !s.driverClassName().isBlank()) {
            ds.setDriverClassName(s.driverClassName());
        }
        ds.setReadOnly(true);
        ds.setMaximumPoolSize(2);
        ds.setMinimumIdle(0);
        ds.setConnectionTimeout(Math.max(250, props.sql().connectTimeoutMs()));
        ds.setInitializationFailTimeout(-1);
        return ds;
    }

    @Override
    public synchronized void destroy() {
        bindings.values().stream().filter(b -> b.pool != null).forEach(b -> b.pool.close());
        bindings.clear();
    }
}
