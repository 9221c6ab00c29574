package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Monthly results gathered for a quarter (seed 002 V.3: monthly results are "căn cứ quan trọng" for
 * the quarter and the year; the seeds give no formula, so this is a suggestion for the reviewer).
 *
 * @param employeeId employee code
 * @param quarter the quarter
 * @param monthsRated months with a rating
 * @param meanTotal exact mean of the rated months' totals, or null when no month was rated
 * @param displayedMean mean rounded half-up to 2 decimals, or null
 * @param suggestedRating the scheme's band of the displayed mean, or null
 * @param counts number of months per rating
 * @param notes Vietnamese notes: months not rated, NOT_COMPLETED months
 */
public record QuarterSummary(String employeeId, Period quarter, int monthsRated, BigDecimal meanTotal, BigDecimal displayedMean,
        Rating suggestedRating, Map<Rating, Integer> counts, List<String> notes) {
    /** Copies the collections. */
    public QuarterSummary {
        counts = Map.copyOf(counts);
        notes = List.copyOf(notes);
    }
}
