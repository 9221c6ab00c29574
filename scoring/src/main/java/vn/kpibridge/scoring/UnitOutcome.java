package vn.kpibridge.scoring;

import java.util.List;

/**
 * Everything scored for one unit: its employees' results (quota applied) and its quota outcomes.
 *
 * @param unit the unit
 * @param results one result per employee of the unit, heads first, then deputies, then members,
 *     each in input order
 * @param quotas one outcome per group of similar duties with rated non-head employees (empty when
 *     the scheme has no quota)
 * @param error null, or why the unit could not be scored (two heads, an unknown or looping
 *     {@code reportsTo}, a duplicate employee); its results then all have status ERROR
 */
public record UnitOutcome(OrgUnit unit, List<EmployeeResult> results, List<QuotaOutcome> quotas, String error) {
    /** Copies the lists. */
    public UnitOutcome {
        results = List.copyOf(results);
        quotas = List.copyOf(quotas);
    }
}
