package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * The reviewer's outcome for one work item: what lowers or raises its quality, timeliness and
 * leadership factors.
 *
 * <p>Each failed quality review ("phải sửa đổi"), late delivery or leadership failure subtracts
 * the scheme's deduction step (0.25, seed 002 III.2) from the factor, floor 0, unless an
 * objective cause is confirmed. A reviewer may instead set a factor directly (above 1 for work
 * beyond the target, capped by the scheme: 1.2 in seed 001 Phụ lục 2).
 *
 * @param qualityFailures number of failed quality reviews (>= 0)
 * @param lateDeliveries number of late deliveries (>= 0)
 * @param leadershipFailures number of leadership shortfalls, e.g. a subordinate unit that did not
 *     complete its plan (seed 001 Phụ lục 2 (ii)) (>= 0)
 * @param objectiveCause confirmed objective cause ("lý do khách quan") that waives the
 *     deductions, or null
 * @param qualityFactor reviewer-set quality factor, or null to derive it from failures
 * @param timelinessFactor reviewer-set timeliness factor, or null
 * @param leadershipFactor reviewer-set leadership factor, or null
 */
public record ItemReview(
        int qualityFailures,
        int lateDeliveries,
        int leadershipFailures,
        String objectiveCause,
        BigDecimal qualityFactor,
        BigDecimal timelinessFactor,
        BigDecimal leadershipFactor) {

    /** A review with nothing to report: every factor 1.0. */
    public static final ItemReview NONE = new ItemReview(0, 0, 0, null, null, null, null);

    /** @throws IllegalArgumentException on negative counts or negative factors. */
    public ItemReview {
        if (qualityFailures < 0 || lateDeliveries < 0 || leadershipFailures < 0) {
            throw new IllegalArgumentException("review counts must be >= 0");
        }
        for (BigDecimal f : new BigDecimal[] {qualityFactor, timelinessFactor, leadershipFactor}) {
            if (f != null && f.signum() < 0) {
                throw new IllegalArgumentException("review factor must be >= 0, got " + f);
            }
        }
    }
}
