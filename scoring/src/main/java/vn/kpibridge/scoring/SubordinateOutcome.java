package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * What a leader's term d needs to know about one subordinate (seed 002 III.3 a: "điểm theo dõi,
 * đánh giá ở mức điểm tương ứng với mức xếp loại ... hoàn thành nhiệm vụ trở lên").
 *
 * @param employeeId subordinate id
 * @param fullName subordinate name
 * @param status eligibility; only RATED subordinates count
 * @param displayedTotal score as displayed (2 decimals), or null when not rated
 * @param pointsBand band of the displayed score, or null when not rated
 */
public record SubordinateOutcome(String employeeId, String fullName, EligibilityStatus status, BigDecimal displayedTotal,
        Rating pointsBand) {

    /** @return the outcome of a scored employee. */
    public static SubordinateOutcome of(EmployeeResult r) {
        Evaluation e = r.evaluation();
        return new SubordinateOutcome(r.employeeId(), r.fullName(), r.eligibility().status(),
                e == null ? null : e.displayedTotal(), e == null ? null : e.pointsBand());
    }
}
