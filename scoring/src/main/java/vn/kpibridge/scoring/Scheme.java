package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A scoring scheme: one regulation turned into data (seed 003 asks that indicators change without
 * changing the system). Loaded from a file under {@code config/schemes/} by the connectors module;
 * this library only validates and applies it.
 *
 * @param id scheme id, e.g. "an-giang-quarterly-leaders"
 * @param name human-readable name
 * @param source seed file and section the scheme comes from
 * @param generalCriteriaMax maximum points of the general criteria (30)
 * @param taskMax maximum points of task performance (70)
 * @param axes result axes; their max points sum to {@code taskMax}
 * @param ratios the ratios averaged into each axis KPI, e.g. [QUANTITY, QUALITY, TIMELINESS,
 *     LEADERSHIP] for "(A+B+C+D)/4" (seed 001 Phụ lục 2)
 * @param deductionStep factor deduction per failed review or late delivery (0.25, seed 002 III.2)
 * @param factorCap highest factor a reviewer may set (1.2 in the seed 001 example)
 * @param bands rating bands; distinct ratings, distinct bounds
 * @param rules enabled rules over the points
 */
public record Scheme(
        String id,
        String name,
        String source,
        BigDecimal generalCriteriaMax,
        BigDecimal taskMax,
        List<Axis> axes,
        List<Ratio> ratios,
        BigDecimal deductionStep,
        BigDecimal factorCap,
        List<Band> bands,
        Set<RuleCode> rules) {

    /**
     * Validates the scheme.
     *
     * @throws IllegalArgumentException naming the problem: axes not summing to the task maximum,
     *     duplicate axis codes, overlapping or missing bands, no ratios, factor cap below 1
     */
    public Scheme {
        Objects.requireNonNull(id, "id");
        axes = List.copyOf(axes);
        ratios = List.copyOf(ratios);
        rules = Set.copyOf(rules);
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(Band::minPoints).reversed());
        bands = List.copyOf(sorted);
        List<String> problems = new ArrayList<>();
        if (axes.isEmpty()) {
            problems.add("no axes");
        }
        BigDecimal sum = axes.stream().map(Axis::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(taskMax) != 0) {
            problems.add("axis points sum to " + sum.toPlainString() + ", task maximum is " + taskMax.toPlainString());
        }
        if (axes.stream().map(Axis::code).distinct().count() != axes.size()) {
            problems.add("duplicate axis codes");
        }
        if (ratios.isEmpty()) {
            problems.add("no ratios");
        }
        if (factorCap.compareTo(BigDecimal.ONE) < 0) {
            problems.add("factor cap " + factorCap + " is below 1");
        }
        if (bands.stream().map(Band::rating).distinct().count() != bands.size()) {
            problems.add("a rating has two bands");
        }
        if (bands.stream().map(b -> b.minPoints().stripTrailingZeros()).distinct().count() != bands.size()) {
            problems.add("two bands start at the same points (overlapping bands)");
        }
        if (bands.isEmpty() || bands.get(bands.size() - 1).minPoints().signum() != 0) {
            problems.add("the lowest band must start at 0");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (!bands.get(i).rating().isWorseThan(bands.get(i - 1).rating())) {
                problems.add("bands are not ordered: " + bands.get(i).rating() + " starts below "
                        + bands.get(i - 1).rating() + " but is not worse");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scheme " + id + ": " + String.join("; ", problems));
        }
    }

    /** @return the band rating for a displayed score (2 decimals), per DOMAIN.md 4. */
    public Rating band(BigDecimal displayedPoints) {
        for (Band b : bands) {
            if (displayedPoints.compareTo(b.minPoints()) >= 0) {
                return b.rating();
            }
        }
        return Rating.NOT_COMPLETED;
    }
}
