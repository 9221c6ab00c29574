package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Month -&gt; quarter -&gt; year roll-ups.
 *
 * <ul>
 *   <li>Quarter from months (seed 002 V.3, no formula in the seeds): the mean of the rated months'
 *       exact totals, banded by the scheme: a suggestion shown with the month-by-month counts.</li>
 *   <li>Year from quarters (seed 001 §5; seed 004 §6.3): one NOT_COMPLETED quarter bars EXCELLENT
 *       for the year; NOT_COMPLETED in 2 or more consecutive quarters requires replacement; among
 *       year EXCELLENT candidates, more EXCELLENT quarters first.</li>
 * </ul>
 */
public final class RollUps {
    private RollUps() {
    }

    /**
     * @param scheme the monthly scheme (its bands)
     * @param employeeId the employee
     * @param quarter the quarter
     * @param months the employee's monthly ratings inside the quarter (0 to 3, distinct)
     * @return the summary; no month rated gives null mean and rating
     * @throws IllegalArgumentException when {@code quarter} is not a quarter, a rating is for another
     *     employee, is not a month, lies outside the quarter or is given twice
     */
    public static QuarterSummary quarterFromMonths(Scheme scheme, String employeeId, Period quarter, List<PeriodRating> months) {
        if (!quarter.isQuarter()) {
            throw new IllegalArgumentException("period " + quarter.code() + " is not a quarter");
        }
        Set<String> seen = new HashSet<>();
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        List<String> notes = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        int rated = 0;
        List<PeriodRating> sorted = new ArrayList<>(months);
        sorted.sort(Comparator.comparing(m -> m.period().start()));
        for (PeriodRating m : sorted) {
            check(employeeId, m);
            if (m.period().isQuarter() || m.period().start().isBefore(quarter.start()) || m.period().end().isAfter(quarter.end())) {
                throw new IllegalArgumentException("employee " + employeeId + ": " + m.period().code() + " is not a month of "
                        + quarter.code());
            }
            if (!seen.add(m.period().code())) {
                throw new IllegalArgumentException("employee " + employeeId + ": month " + m.period().code() + " given twice");
            }
            if (m.rating() == null || m.totalPoints() == null) {
                notes.add(m.period().label() + ": không đánh giá, xếp loại");
                continue;
            }
            rated++;
            sum = sum.add(m.totalPoints());
            counts.merge(m.rating(), 1, Integer::sum);
            if (m.rating() == Rating.NOT_COMPLETED) {
                notes.add(m.period().label() + ": xếp loại \"" + Rating.NOT_COMPLETED.label() + "\"");
            }
        }
        if (rated == 0) {
            notes.add("Không có tháng nào được xếp loại trong " + quarter.label());
            return new QuarterSummary(employeeId, quarter, 0, null, null, null, counts, notes);
        }
        BigDecimal mean = Decimals.divide(sum, BigDecimal.valueOf(rated));
        BigDecimal displayed = Decimals.display(mean);
        notes.add("Điểm bình quân " + rated + " tháng: " + Texts.points(mean) + " (gợi ý; các hướng dẫn không quy định công thức tổng hợp quý)");
        return new QuarterSummary(employeeId, quarter, rated, mean, displayed, scheme.band(displayed), counts, notes);
    }

    /**
     * @param employeeId the employee
     * @param year the year summarised
     * @param quarters the employee's quarterly ratings: those of {@code year}, optionally with
     *     earlier or later quarters so that consecutive NOT_COMPLETED quarters across the year
     *     boundary are seen
     * @return the summary with the rules that fired
     * @throws IllegalArgumentException when a rating is for another employee, is not a quarter or is
     *     given twice
     */
    public static YearSummary yearFromQuarters(String employeeId, int year, List<PeriodRating> quarters) {
        List<PeriodRating> sorted = new ArrayList<>(quarters);
        sorted.sort(Comparator.comparing(q -> q.period().start()));
        Set<String> seen = new HashSet<>();
        for (PeriodRating q : sorted) {
            check(employeeId, q);
            if (!q.period().isQuarter()) {
                throw new IllegalArgumentException("employee " + employeeId + ": " + q.period().code() + " is not a quarter");
            }
            if (!seen.add(q.period().code())) {
                throw new IllegalArgumentException("employee " + employeeId + ": quarter " + q.period().code() + " given twice");
            }
        }
        List<PeriodRating> ofYear = sorted.stream().filter(q -> q.period().start().getYear() == year).toList();
        int excellent = (int) ofYear.stream().filter(q -> q.rating() == Rating.EXCELLENT).count();
        List<PeriodRating> failed = ofYear.stream().filter(q -> q.rating() == Rating.NOT_COMPLETED).toList();
        List<FiredRule> rules = new ArrayList<>();
        if (!failed.isEmpty()) {
            rules.add(new FiredRule(RuleCode.YEAR_EXCELLENT_BARRED, "seed 001 §5; seed 004 §6.3",
                    String.join(", ", failed.stream().map(q -> q.period().label()).toList()) + " xếp loại \""
                            + Rating.NOT_COMPLETED.label() + "\": không xếp loại \"" + Rating.EXCELLENT.label() + "\" cả năm "
                            + year, Rating.GOOD, false));
        }
        List<String> run = new ArrayList<>();
        List<String> longest = new ArrayList<>();
        PeriodRating previous = null;
        boolean touchesYear = false;
        boolean replacement = false;
        for (PeriodRating q : sorted) {
            boolean adjacent = previous != null && previous.period().end().plusDays(1).equals(q.period().start());
            if (q.rating() == Rating.NOT_COMPLETED) {
                if (!adjacent || previous.rating() != Rating.NOT_COMPLETED) {
                    run = new ArrayList<>();
                    touchesYear = false;
                }
                run.add(q.period().label());
                touchesYear |= q.period().start().getYear() == year;
                if (run.size() >= 2 && touchesYear) {
                    replacement = true;
                    if (run.size() > longest.size()) {
                        longest = new ArrayList<>(run);
                    }
                }
            }
            previous = q;
        }
        if (replacement) {
            rules.add(new FiredRule(RuleCode.REPLACEMENT_REQUIRED, "seed 001 §5; seed 004 §6.3",
                    "Xếp loại \"" + Rating.NOT_COMPLETED.label() + "\" " + longest.size() + " quý liên tiếp (" + String.join(", ", longest)
                            + "): thực hiện ngay việc thay thế cán bộ", null, false));
        }
        return new YearSummary(employeeId, year, ofYear, excellent, failed.size(), !failed.isEmpty(), replacement, rules);
    }

    /**
     * Ranks year EXCELLENT candidates: not barred, at least one EXCELLENT quarter; more EXCELLENT
     * quarters first (seed 001 §5); equal counts share a rank and are flagged as tied.
     *
     * @param years year summaries of one unit / group
     * @return the candidates in priority order, ties in input order
     */
    public static List<YearCandidate> rankYearExcellentCandidates(List<YearSummary> years) {
        List<YearSummary> eligible = new ArrayList<>(years.stream().filter(y -> !y.excellentBarred() && y.excellentQuarters() > 0).toList());
        eligible.sort(Comparator.comparingInt(YearSummary::excellentQuarters).reversed());
        List<YearCandidate> out = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            YearSummary y = eligible.get(i);
            int rank = i + 1;
            if (i > 0 && eligible.get(i - 1).excellentQuarters() == y.excellentQuarters()) {
                rank = out.get(i - 1).rank();
            }
            boolean tied = (i > 0 && eligible.get(i - 1).excellentQuarters() == y.excellentQuarters())
                    || (i + 1 < eligible.size() && eligible.get(i + 1).excellentQuarters() == y.excellentQuarters());
            out.add(new YearCandidate(rank, y.employeeId(), y.excellentQuarters(), tied));
        }
        return out;
    }

    private static void check(String employeeId, PeriodRating r) {
        if (!employeeId.equals(r.employeeId())) {
            throw new IllegalArgumentException("rating of employee " + r.employeeId() + " given for employee " + employeeId);
        }
    }
}
