package vn.kpibridge.routes.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls the API, as the security layer established it.
 *
 * @param name user name (JWT {@code preferred_username} or {@code sub}) or {@code api-key:<id>:<name>}
 * @param roles our roles; never null, may be empty (then every endpoint refuses)
 * @param unitCode the unit the caller belongs to (JWT claim, or the key's unit), or null
 * @param employeeCode the caller's employee code (EMPLOYEE role), or null
 * @param authMethod {@code JWT} or {@code API_KEY}
 */
public record KpiPrincipal(String name, Set<KpiRole> roles, String unitCode, String employeeCode, String authMethod) {
    /** Request attribute under which the security filters leave the principal for the routes. */
    public static final String REQUEST_ATTRIBUTE = KpiPrincipal.class.getName();

    /** Copies the roles; blank unit and employee become null. */
    public KpiPrincipal {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        unitCode = unitCode == null || unitCode.isBlank() ? null : unitCode.trim();
        employeeCode = employeeCode == null || employeeCode.isBlank() ? null : employeeCode.trim();
    }

    /** @return true when the caller has this role. */
    public boolean has(KpiRole role) {
        return roles.contains(role);
    }

    /** @return true when the caller has any of these roles. */
    public boolean hasAny(Collection<KpiRole> any) {
        return any.stream().anyMatch(roles::contains);
    }

    /** @return the roles as a sorted comma-separated list, for the audit trail. */
    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
