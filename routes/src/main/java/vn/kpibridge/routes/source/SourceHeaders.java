package vn.kpibridge.routes.source;

/**
 * Names of the Camel headers and exchange properties of the source pull routes. The source id of
 * a pull is read from {@link vn.kpibridge.routes.flow.Headers#SOURCE_ID} or, when that is absent,
 * from the body.
 */
public final class SourceHeaders {
    /**
     * Optional header of {@code direct:pullRestSource}: a {@link vn.kpibridge.connectors.config.SourceMapping.Rest}
     * used instead of the {@code rest:} section of the source's mapping file for this pull (to try
     * changed connection settings before committing them; the tests use it to reach one source
     * through several auth and paging styles). Not carried to the dead-letter queue.
     */
    public static final String REST_SETTINGS = "KpiRestSettings";
    /** Header set on a pull request sent to the dead-letter queue: why the pull failed (no credentials). */
    public static final String PULL_ERROR = "KpiPullError";
    /** Header bound as the SQL watermark parameter ({@code :#KpiWatermark}). */
    public static final String WATERMARK = "KpiWatermark";
    /** Exchange property holding the state of the running pull. */
    public static final String RUN = "KpiPullRun";
    /** Exchange property holding the source id of the running pull. */
    public static final String SOURCE_ID = "KpiPullSourceId";

    private SourceHeaders() {
    }

    /**
     * The source a pull request names: header {@code KpiSourceId}, else the body.
     *
     * @param m the pull request
     * @return the source id
     * @throws SourcePullException (not retryable) when neither is given
     */
    static String requestedSourceId(org.apache.camel.Message m) {
        String sourceId = m.getHeader(vn.kpibridge.routes.flow.Headers.SOURCE_ID, String.class);
        if (sourceId == null || sourceId.isBlank()) {
            sourceId = m.getBody(String.class);
        }
        if (sourceId == null || sourceId.isBlank()) {
            throw new SourcePullException("?", "no source id: send it as the body or header "
                    + vn.kpibridge.routes.flow.Headers.SOURCE_ID, false, null);
        }
        return sourceId;
    }
}
