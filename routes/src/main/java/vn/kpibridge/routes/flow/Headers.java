package vn.kpibridge.routes.flow;

/** Names of the Camel headers kpi-bridge sets. */
public final class Headers {
    /** Source id of the file or record being processed. */
    public static final String SOURCE_ID = "KpiSourceId";
    /** Idempotency key of an evaluation message: "employee:period:vN". */
    public static final String IDEMPOTENCY_KEY = "KpiIdempotencyKey";
    /** Employee code of an evaluation message. */
    public static final String EMPLOYEE_CODE = "KpiEmployeeCode";
    /** Period code of an evaluation message. */
    public static final String PERIOD = "KpiPeriod";

    private Headers() {
    }
}
