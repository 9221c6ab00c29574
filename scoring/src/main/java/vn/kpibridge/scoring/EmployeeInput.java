package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything the scorer needs about one employee for one period.
 *
 * @param employeeId employee code
 * @param fullName "Họ và tên"
 * @param position "Chức vụ, đơn vị công tác"
 * @param unitCode unit the employee is evaluated in
 * @param leader true for leaders/managers (leadership ratio applies)
 * @param generalCriteriaPoints general-criteria points as assessed, 0..scheme maximum (30)
 * @param items the work plan items of the period
 * @param forceMajeure confirmed force-majeure reason ("bất khả kháng") that excuses completing
 *     less than 100% of tasks, or null (seed 001, DOMAIN.md 3c)
 * @param selfProposedRating the employee's own proposal ("cá nhân tự đề xuất"), or null
 */
public record EmployeeInput(
        String employeeId,
        String fullName,
        String position,
        String unitCode,
        boolean leader,
        BigDecimal generalCriteriaPoints,
        List<WorkItem> items,
        String forceMajeure,
        Rating selfProposedRating) {

    /** @throws IllegalArgumentException when general-criteria points are negative. */
    public EmployeeInput {
        Objects.requireNonNull(employeeId, "employeeId");
        items = List.copyOf(items);
        generalCriteriaPoints = generalCriteriaPoints == null ? BigDecimal.ZERO : generalCriteriaPoints;
        if (generalCriteriaPoints.signum() < 0) {
            throw new IllegalArgumentException("employee " + employeeId + ": general criteria points must be >= 0");
        }
    }
}
