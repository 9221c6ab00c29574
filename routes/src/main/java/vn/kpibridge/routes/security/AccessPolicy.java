package vn.kpibridge.routes.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.api.ApiProblem;

/**
 * Who may read or change what (issue 6 point 3), checked by the services on the data itself (the
 * unit of the evaluation as stored), not only on the URL. Every refusal is an {@link ApiProblem}
 * 403 that says what was refused; the services call these before touching anything.
 *
 * <p>Scopes: ADMIN reads every unit; an AUDITOR without a unit reads every unit, with one its unit
 * and the units below; REVIEWER and APPROVER work in their unit and the units below
 * ({@link UnitTree}) and need a unit; an EMPLOYEE reaches only their own evaluation.
 */
@Component
public class AccessPolicy {
    private static final Set<KpiRole> SCOPED_READERS = EnumSet.of(KpiRole.APPROVER, KpiRole.REVIEWER, KpiRole.AUDITOR);

    private final UnitTree tree;

    public AccessPolicy(UnitTree tree) {
        this.tree = tree;
    }

    /** @return true when the caller may read the data of {@code unit}. */
    public boolean canReadUnit(KpiPrincipal p, String unit) {
        if (p.has(KpiRole.ADMIN) || (p.has(KpiRole.AUDITOR) && p.unitCode() == null)) {
            return true;
        }
        return p.hasAny(SCOPED_READERS) && tree.within(p.unitCode(), unit);
    }

    /** @throws ApiProblem 403 unless the caller may read the unit's data. */
    public void requireReadUnit(Caller c, String unit) {
        if (!canReadUnit(c.principal(), unit)) {
            throw forbidden(c, "read the data of unit " + unit);
        }
    }

    /** @throws ApiProblem 403 unless the caller may read this employee's evaluation (unit scope or own). */
    public void requireReadEvaluation(Caller c, String employee, String unit) {
        KpiPrincipal p = c.principal();
        if (canReadUnit(p, unit) || (p.has(KpiRole.EMPLOYEE) && employee.equals(p.employeeCode()))) {
            return;
        }
        throw forbidden(c, "read the evaluation of employee " + employee + " (unit " + unit + ")");
    }

    /** @throws ApiProblem 403 unless the caller is this employee (self-assessment). */
    public void requireSelf(Caller c, String employee) {
        KpiPrincipal p = c.principal();
        if (!p.has(KpiRole.EMPLOYEE) || !employee.equals(p.employeeCode())) {
            throw forbidden(c, "submit the self-assessment of employee " + employee + " (only the employee may)");
        }
    }

    /**
     * @throws ApiProblem 403 unless the caller is a REVIEWER or APPROVER of the unit (or above),
     *     and not reviewing their own evaluation
     */
    public void requireReview(Caller c, String employee, String unit) {
        KpiPrincipal p = c.principal();
        if (!p.hasAny(EnumSet.of(KpiRole.REVIEWER, KpiRole.APPROVER)) || !tree.within(p.unitCode(), unit)) {
            throw forbidden(c, "review employees of unit " + unit);
        }
        if (employee.equals(p.employeeCode())) {
            throw forbidden(c, "review their own evaluation");
        }
    }

    /** @throws ApiProblem 403 unless the caller is an APPROVER of the unit (or above). */
    public void requireApprove(Caller c, String unit) {
        KpiPrincipal p = c.principal();
        if (!p.has(KpiRole.APPROVER) || !tree.within(p.unitCode(), unit)) {
            throw forbidden(c, "approve, reopen or publish evaluations of unit " + unit);
        }
    }

    /** @throws ApiProblem 403 unless the caller is an ADMIN. */
    public void requireAdmin(Caller c, String what) {
        if (!c.principal().has(KpiRole.ADMIN)) {
            throw forbidden(c, what + " (ADMIN only)");
        }
    }

    /** @throws ApiProblem 403 unless the caller is an ADMIN or an AUDITOR without a unit. */
    public void requireAdminOrAuditor(Caller c, String what) {
        KpiPrincipal p = c.principal();
        if (!p.has(KpiRole.ADMIN) && !(p.has(KpiRole.AUDITOR) && p.unitCode() == null)) {
            throw forbidden(c, what + " (ADMIN, or AUDITOR of the whole province)");
        }
    }

    /** @throws ApiProblem 403 when the caller has none of our roles. */
    public void requireAnyRole(Caller c) {
        if (c.principal().roles().isEmpty()) {
            throw forbidden(c, "use the API: no kpi-bridge role");
        }
    }

    private static ApiProblem forbidden(Caller c, String what) {
        KpiPrincipal p = c.principal();
        return new ApiProblem(403, "Forbidden", null, p.name() + " (roles " + (p.roles().isEmpty() ? "none" : p.rolesText())
                + (p.unitCode() == null ? "" : ", unit " + p.unitCode()) + ") may not " + what);
    }
}
