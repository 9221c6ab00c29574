package vn.kpibridge.scoring;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Deadlines of the evaluation workflow, as days of the period's last month (DOMAIN.md 3a; seed 002
 * IV.1: self-assessment before day 25, review before 26, decision before 28, publication before
 * day 5 of the next month, December closes before 15 December; seed 001 Bước 5 / seed 004 §7: before
 * day 30 / 25 of the quarter's last month).
 *
 * @param selfAssessmentBeforeDay self-assessment is due before this day, or null
 * @param reviewBeforeDay review is due before this day, or null
 * @param decisionBeforeDay the approving authority decides before this day, or null
 * @param publicationBeforeDayOfNextMonth publication is due before this day of the next month, or null
 * @param decemberCloseBeforeDay in December every step above is due before this day (seed 002 IV.1
 *     "Lưu ý": 15), or null; the seed gives only this closing day, so earlier steps are capped at it
 */
public record Timeline(
        Integer selfAssessmentBeforeDay,
        Integer reviewBeforeDay,
        Integer decisionBeforeDay,
        Integer publicationBeforeDayOfNextMonth,
        Integer decemberCloseBeforeDay) {

    /** @throws IllegalArgumentException when a day is outside 1-31. */
    public Timeline {
        for (Integer d : new Integer[] {selfAssessmentBeforeDay, reviewBeforeDay, decisionBeforeDay,
                publicationBeforeDayOfNextMonth, decemberCloseBeforeDay}) {
            if (d != null && (d < 1 || d > 31)) {
                throw new IllegalArgumentException("timeline day must be 1-31, got " + d);
            }
        }
    }

    /**
     * The dates (exclusive: "before") of each step for a period.
     *
     * @param selfAssessmentBefore null when the scheme gives no such step
     * @param reviewBefore null when absent
     * @param decisionBefore null when absent
     * @param publicationBefore null when absent
     */
    public record Deadlines(LocalDate selfAssessmentBefore, LocalDate reviewBefore, LocalDate decisionBefore,
            LocalDate publicationBefore) {
    }

    /**
     * @param period the evaluated month or quarter; quarters use their last month
     * @return the deadlines; a day beyond the month's length is clamped to its last day
     */
    public Deadlines deadlines(Period period) {
        YearMonth last = YearMonth.from(period.end());
        boolean december = last.getMonthValue() == 12 && decemberCloseBeforeDay != null;
        return new Deadlines(day(last, selfAssessmentBeforeDay, december), day(last, reviewBeforeDay, december),
                day(last, decisionBeforeDay, december),
                publicationBeforeDayOfNextMonth == null ? null : day(last.plusMonths(1), publicationBeforeDayOfNextMonth, false));
    }

    private LocalDate day(YearMonth month, Integer day, boolean december) {
        if (day == null) {
            return null;
        }
        int d = december ? Math.min(day, decemberCloseBeforeDay) : day;
        return month.atDay(Math.min(d, month.lengthOfMonth()));
    }
}
