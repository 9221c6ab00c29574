package vn.kpibridge.connectors.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Source user ids -> employees, for one source (issue 4, point 7), with a lookup by employee code.
 *
 * @param file the file the map was loaded from
 * @param bySourceUser source user id -> employee
 * @param byEmployeeCode employee code -> employee (derived from {@code bySourceUser})
 */
public record IdentityMap(String file, Map<String, Employee> bySourceUser, Map<String, Employee> byEmployeeCode) {

    /**
     * @param file the file the map was loaded from
     * @param bySourceUser source user id -> employee
     */
    public IdentityMap(String file, Map<String, Employee> bySourceUser) {
        this(file, bySourceUser, index(bySourceUser));
    }

    private static Map<String, Employee> index(Map<String, Employee> bySourceUser) {
        Map<String, Employee> byCode = new LinkedHashMap<>();
        bySourceUser.values().forEach(e -> byCode.putIfAbsent(e.code(), e));
        return Map.copyOf(byCode);
    }

    /** @return the employee for a source user id, if mapped. */
    public Optional<Employee> employee(String sourceUserId) {
        return Optional.ofNullable(sourceUserId).map(bySourceUser::get);
    }

    /** @return the employee with this kpi-bridge code, if mapped. */
    public Optional<Employee> employeeByCode(String employeeCode) {
        return Optional.ofNullable(employeeCode).map(byEmployeeCode::get);
    }
}
