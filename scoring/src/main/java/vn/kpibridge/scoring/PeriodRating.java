package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * One employee's result for one month or quarter, as input to the roll-ups ({@link RollUps}).
 *
 * @param employeeId employee code
 * @param period the month or quarter
 * @param totalPoints exact total points, or null when not rated / deferred
 * @param rating the rating (the approved one when known, else the proposed one), or null when not
 *     rated / deferred
 */
public record PeriodRating(String employeeId, Period period, BigDecimal totalPoints, Rating rating) {
    /** @throws IllegalArgumentException when the employee id or period is missing. */
    public PeriodRating {
        if (employeeId == null || period == null) {
            throw new IllegalArgumentException("period rating needs employeeId and period");
        }
    }

    /** @return the rating of a scored result (its final proposal; null when not rated). */
    public static PeriodRating of(EmployeeResult r) {
        return new PeriodRating(r.employeeId(), r.period(), r.evaluation() == null ? null : r.evaluation().totalPoints(),
                r.finalProposedRating());
    }
}
