package vn.kpibridge.routes.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the REST and SQL source pulls ({@code kpi.sources.*} in application.yml). The
 * database connections of SQL sources ({@code kpi.sources.datasources.<name>.*}) are read when a
 * pull runs, by {@link SourceDataSources}, not bound here.
 *
 * @param maxPages most pages one REST pull may take (guards against paging settings that loop)
 * @param http HTTP client time limits of REST sources
 * @param sql connection time limits of SQL sources
 */
@ConfigurationProperties(prefix = "kpi.sources")
public record SourcePullProperties(int maxPages, Http http, SqlPoll sql) {

    /**
     * @param connectTimeoutMs longest wait for a TCP connection, milliseconds
     * @param responseTimeoutMs longest wait for an answer (and between its packets), milliseconds
     */
    public record Http(long connectTimeoutMs, long responseTimeoutMs) {
    }

    /**
     * @param connectTimeoutMs longest wait for a database connection, milliseconds
     * @param queryTimeoutSeconds longest run of the view query, seconds
     */
    public record SqlPoll(long connectTimeoutMs, int queryTimeoutSeconds) {
    }
}
