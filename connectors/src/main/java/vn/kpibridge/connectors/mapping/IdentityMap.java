package vn.kpibridge.connectors.mapping;

import java.util.Map;
import java.util.Optional;

/**
 * Source user ids -> employees, for one source (issue 4, point 7).
 *
 * @param file the file the map was loaded from
 * @param bySourceUser source user id -> employee
 */
public record IdentityMap(String file, Map<String, Employee> bySourceUser) {

    /** @return the employee for a source user id, if mapped. */
    public Optional<Employee> employee(String sourceUserId) {
        return Optional.ofNullable(sourceUserId).map(bySourceUser::get);
    }
}
