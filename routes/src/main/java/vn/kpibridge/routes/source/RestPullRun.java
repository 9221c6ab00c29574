package vn.kpibridge.routes.source;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import vn.kpibridge.connectors.config.SourceMapping.Rest;
import vn.kpibridge.connectors.pull.JsonLocator;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.rest.RestPager;
import vn.kpibridge.connectors.rest.RestPager.PageRequest;

/**
 * The state of one running pull of a REST source: its settings with placeholders resolved, the
 * authentication header once known, the paging position and the call under way (for messages).
 * The authentication value is a secret: it is only ever put on a request header, never in a
 * message or {@link #toString()}.
 */
public final class RestPullRun extends PullRun {
    final Rest rest;
    final String baseUrl;
    final String listUrl;
    final Map<String, String> query;
    final Set<String> secretQuery;
    final Map<String, String> headers;
    final RestPager pager;
    final JsonLocator items;
    final RecordDerivation derivation;
    final String sinceParam;
    final DateTimeFormatter sinceFormat;
    final boolean clientFilter;
    /** Placeholders of the credentials, to name in authentication errors. */
    final String credentialNames;

    String authHeader;
    String authValue;
    String oauth2Key;
    PageRequest page;
    boolean more = true;
    String call = "the pull";
    String callUrl;

    RestPullRun(String sourceId, Rest rest, String baseUrl, Map<String, String> query, Set<String> secretQuery,
            Map<String, String> headers, RestPager pager, RecordDerivation derivation, LocalDateTime watermark,
            String credentialNames) {
        super(sourceId, rest.method() + " " + (rest.path().isEmpty() ? "/" : rest.path()), watermark);
        this.rest = rest;
        this.baseUrl = baseUrl;
        this.listUrl = join(baseUrl, rest.path());
        this.query = query;
        this.secretQuery = secretQuery;
        this.headers = headers;
        this.pager = pager;
        this.items = JsonLocator.compile(rest.items());
        this.derivation = derivation;
        this.sinceParam = rest.incremental() == null ? null : rest.incremental().param();
        this.sinceFormat = sinceParam == null ? null : DateTimeFormatter.ofPattern(rest.incremental().paramFormat());
        this.clientFilter = rest.incremental() != null && sinceParam == null;
        this.credentialNames = credentialNames;
        this.page = pager.first();
    }

    /**
     * @param base base URL without a trailing slash
     * @param path path, with or without a leading slash
     * @return the two joined by one slash
     */
    static String join(String base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    @Override
    public String toString() {
        return "RestPullRun[" + sourceId() + ", " + call + "]";
    }
}
