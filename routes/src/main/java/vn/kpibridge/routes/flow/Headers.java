package vn.kpibridge.routes.flow;

/** Names of the Camel headers kpi-bridge sets. */
public final class Headers {
    /** Source id of the file or record being processed. */
    public static final String SOURCE_ID = "KpiSourceId";
    /** Idempotency key of an evaluation message: "employee:period:vN". */
    public static final String IDEMPOTENCY_KEY = "KpiIdempotencyKey";

    private Headers() {
    }
}
