package vn.kpibridge.scoring;

import java.util.List;

/**
 * Whether and why an employee is rated in the period.
 *
 * @param status rated, not rated, deferred or error
 * @param reasons Vietnamese reasons with the figures (empty when rated without remark)
 */
public record Eligibility(EligibilityStatus status, List<String> reasons) {
    /** Rated, nothing to remark. */
    public static final Eligibility RATED = new Eligibility(EligibilityStatus.RATED, List.of());

    /** Copies the reasons. */
    public Eligibility {
        reasons = List.copyOf(reasons);
    }

    /** @return true when the employee is rated. */
    public boolean rated() {
        return status == EligibilityStatus.RATED;
    }
}
