package vn.kpibridge.routes.security;

/**
 * An authenticated API call: the principal and the remote address it came from, as recorded in
 * the audit trail.
 *
 * @param principal who
 * @param remoteAddress the client's IP address as the servlet container saw it (behind a reverse
 *     proxy set {@code server.forward-headers-strategy=native} so that it is the client's), or
 *     null for the system
 */
public record Caller(KpiPrincipal principal, String remoteAddress) {
    /** The application itself: re-scoring from new records. */
    public static final Caller SYSTEM = new Caller(new KpiPrincipal("system", null, null, null, "SYSTEM"), null);

    /** @return the principal's name. */
    public String name() {
        return principal.name();
    }
}
