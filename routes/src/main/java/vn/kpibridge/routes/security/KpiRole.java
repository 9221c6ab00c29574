package vn.kpibridge.routes.security;

import java.util.Locale;
import java.util.Optional;

/**
 * Roles of the API (issue 6 point 3).
 *
 * <ul>
 *   <li>{@link #ADMIN}: mappings, sources, runs, API keys, unmapped records; reads every unit; takes
 *       no part in review or approval (separation of duties).</li>
 *   <li>{@link #APPROVER}: the approving authority ("cấp có thẩm quyền") of its unit and the units
 *       below: approves a unit's period within the quota, reopens, publishes; reads and reviews
 *       there too.</li>
 *   <li>{@link #REVIEWER}: the direct leader ("người nhận xét, đánh giá") of its unit and the units
 *       below: reviewer inputs; reads there.</li>
 *   <li>{@link #EMPLOYEE}: reads their own evaluation and its audit trail, submits their
 *       self-assessment.</li>
 *   <li>{@link #AUDITOR}: reads only (its unit and below, or everything when it has no unit).</li>
 * </ul>
 */
public enum KpiRole {
    ADMIN, APPROVER, REVIEWER, EMPLOYEE, AUDITOR;

    /**
     * @param raw a role as an identity provider or the api_key table writes it: any case, with or
     *     without a {@code ROLE_} or {@code KPI_} prefix
     * @return the role, or empty when it is not one of ours (other roles are ignored)
     */
    public static Optional<KpiRole> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (String prefix : new String[] {"ROLE_", "KPI_"}) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        for (KpiRole r : values()) {
            if (r.name().equals(s)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
