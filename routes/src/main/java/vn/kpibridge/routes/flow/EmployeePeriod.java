package vn.kpibridge.routes.flow;

/**
 * An (employee, period) whose records changed and must be re-scored.
 *
 * @param employeeCode employee code
 * @param unitCode unit code
 * @param unitName unit name for reports
 * @param period period code ("2026-Q2")
 * @param sourceId source whose mapping (scheme) applies
 */
public record EmployeePeriod(String employeeCode, String unitCode, String unitName, String period, String sourceId) {
}
