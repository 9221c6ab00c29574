package vn.kpibridge.routes.source;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the REST and SQL source pulls ({@code kpi.sources.*} in application.yml). The
 * database connections of SQL sources ({@code kpi.sources.datasources.<name>.*}) are read when a
 * pull runs, by {@link SourceDataSources}, not bound here.
 *
 * @param maxPages most pages one REST pull may take (guards against paging settings that loop)
 * @param pagesInFlight pages (or row batches) of one pull being stored at the same time, each in its
 *     own transaction on its own connection, while the next is read ({@link PageStore}); at least 1
 * @param http HTTP client time limits of REST sources
 * @param sql connection time limits of SQL sources
 */
@ConfigurationProperties(prefix = "kpi.sources")
public record SourcePullProperties(int maxPages, int pagesInFlight, Http http, SqlPoll sql) {
    /** Checks the counts. */
    public SourcePullProperties {
        if (pagesInFlight < 1) {
            throw new IllegalArgumentException("kpi.sources.pages-in-flight must be at least 1, not " + pagesInFlight);
        }
    }

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
