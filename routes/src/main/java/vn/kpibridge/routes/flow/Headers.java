package vn.kpibridge.routes.flow;

/** Names of the Camel headers and exchange properties kpi-bridge sets. */
public final class Headers {
    /** Source id of the file or record being processed. */
    public static final String SOURCE_ID = "KpiSourceId";
    /** Idempotency key of an evaluation message: "employee:period:vN". */
    public static final String IDEMPOTENCY_KEY = "KpiIdempotencyKey";

    /**
     * Exchange property of {@code write-unit-summary}: the latest evaluation version of each
     * employee of the unit and period ({@code List<EvaluationEntity>}), loaded once for the reports,
     * the party package and the {@code period.closed} event.
     */
    public static final String LATEST_EVALUATIONS = "kpiLatestEvaluations";

    private Headers() {
    }

    /**
     * @param e an exchange of {@code write-unit-summary} or {@code enqueue-period-closed}
     * @return its {@link #LATEST_EVALUATIONS}
     * @throws IllegalStateException when the property is not set (the route was called without it)
     */
    @SuppressWarnings("unchecked")
    static java.util.List<vn.kpibridge.routes.persistence.EvaluationEntity> latestEvaluations(
            org.apache.camel.Exchange e) {
        Object v = e.getProperty(LATEST_EVALUATIONS);
        if (!(v instanceof java.util.List<?> list)) {
            throw new IllegalStateException("exchange property " + LATEST_EVALUATIONS + " is not set: "
                    + "direct:enqueuePeriodClosed is called by write-unit-summary, which loads the unit's evaluations");
        }
        return (java.util.List<vn.kpibridge.routes.persistence.EvaluationEntity>) list;
    }
}
