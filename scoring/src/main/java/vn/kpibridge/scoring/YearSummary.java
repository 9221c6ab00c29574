package vn.kpibridge.scoring;

import java.util.List;

/**
 * Quarterly results gathered for a year (seed 001 §5; seed 004 §6.3).
 *
 * @param employeeId employee code
 * @param year the year
 * @param quarters the quarters of the year that were given, in order
 * @param excellentQuarters quarters of the year rated EXCELLENT (ranks year candidates)
 * @param notCompletedQuarters quarters of the year rated NOT_COMPLETED
 * @param excellentBarred true when a quarter of the year is NOT_COMPLETED: no EXCELLENT for the year
 * @param replacementRequired true when 2 or more consecutive quarters (possibly across the year
 *     boundary) are NOT_COMPLETED: replace at once
 * @param rules the roll-up rules that fired, with Vietnamese reasons
 */
public record YearSummary(String employeeId, int year, List<PeriodRating> quarters, int excellentQuarters,
        int notCompletedQuarters, boolean excellentBarred, boolean replacementRequired, List<FiredRule> rules) {
    /** Copies the lists. */
    public YearSummary {
        quarters = List.copyOf(quarters);
        rules = List.copyOf(rules);
    }
}
