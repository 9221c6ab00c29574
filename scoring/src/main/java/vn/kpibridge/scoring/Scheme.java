package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scoring scheme: one regulation turned into data (seed 003 asks that indicators change without
 * changing the system). Loaded from a file under {@code config/schemes/} by the connectors module;
 * this library only validates and applies it. Every component added after the first eleven is
 * optional in a file: null takes the default named below.
 *
 * @param id scheme id, e.g. "an-giang-quarterly-leaders"
 * @param name human-readable name
 * @param source seed file and section the scheme comes from
 * @param generalCriteriaMax maximum points of the general criteria (30)
 * @param taskMax maximum points of task performance (70)
 * @param axes result axes; their max points sum to {@code taskMax}. Required for
 *     {@link SchemeKind#QUARTERLY_AXES}; for the other kinds null means one axis "KQ" of
 *     {@code taskMax} points; a {@link SchemeKind#MONTHLY} scheme has exactly one axis
 * @param ratios the ratios averaged into each axis KPI, e.g. [QUANTITY, QUALITY, TIMELINESS,
 *     LEADERSHIP] for "(A+B+C+D)/4" (seed 001 Phụ lục 2), [QUANTITY, QUALITY, TIMELINESS] for
 *     "(a+b+c)/3" (seed 002 III.4)
 * @param deductionStep factor deduction per failed review or late delivery (0.25, seed 002 III.2)
 * @param factorCap highest factor a reviewer may set (1.2 in the seed 001 example)
 * @param bands rating bands; distinct ratings, distinct bounds, the lowest starting at 0
 * @param rules enabled rules over the points; null means none
 * @param kind how ratios become points; null means {@link SchemeKind#QUARTERLY_AXES}
 * @param notes interpretations and caveats printed with results (e.g. "reuses seed 002's formula"),
 *     or null
 * @param leaderTermRoles roles that get the leader formula (a+b+c+d+đ+e)/6 in a MONTHLY scheme;
 *     null means {HEAD, DEPUTY} (seed 002 III.4.2 "cán bộ lãnh đạo, quản lý")
 * @param leaderTermReduced value of d, đ or e when its condition fails (0.5, seed 002 III.3); null
 *     means 0.5
 * @param minWorkingDaysShare share of the month's working days below which an employee is not rated
 *     (0.5, seed 002 I.6); null means 0.5
 * @param collectiveThreshold completion share below which the collective rule fires (0.70, seed 001
 *     §6.3); null means 0.70
 * @param quota EXCELLENT quota settings; null means {@link QuotaSettings#DEFAULT}
 * @param generalCriteria the all-or-nothing checklist (Mẫu 03: 17 items, 30 points) or null/empty
 *     when general criteria are given as points; when present the points sum to
 *     {@code generalCriteriaMax}
 * @param indicatorGroups GROUP_WEIGHTED only: the indicator groups, exactly one TASK_RATIOS
 * @param positionGroups GROUP_WEIGHTED only: weights per job-position group, each summing to
 *     {@code taskMax}
 * @param timeline workflow deadlines, or null
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
        Set<RuleCode> rules,
        SchemeKind kind,
        String notes,
        Set<Role> leaderTermRoles,
        BigDecimal leaderTermReduced,
        BigDecimal minWorkingDaysShare,
        BigDecimal collectiveThreshold,
        QuotaSettings quota,
        List<GeneralCriterion> generalCriteria,
        List<IndicatorGroup> indicatorGroups,
        List<PositionGroup> positionGroups,
        Timeline timeline) {

    /** Code of the default single axis of MONTHLY and GROUP_WEIGHTED schemes. */
    public static final String DEFAULT_AXIS_CODE = "KQ";

    /**
     * Validates the scheme and fills defaults.
     *
     * @throws IllegalArgumentException naming every problem found, each prefixed with the key of the
     *     scheme file it concerns ("axes: ...", "bands: ..."): a missing required component,
     *     axes not summing to the task maximum, duplicate axis codes, overlapping or missing bands, no
     *     ratios, factor cap below 1, a checklist not summing to the general maximum, position-group
     *     weights not summing to the task maximum, an indicator group unknown to a position group
     */
    public Scheme {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isBlank()) {
            problems.add("id: missing");
        }
        kind = kind == null ? SchemeKind.QUARTERLY_AXES : kind;
        if (generalCriteriaMax == null || generalCriteriaMax.signum() < 0) {
            problems.add("generalCriteriaMax: missing or negative");
            generalCriteriaMax = BigDecimal.ZERO;
        }
        if (taskMax == null || taskMax.signum() <= 0) {
            problems.add("taskMax: missing or not positive");
            taskMax = BigDecimal.ONE;
        }
        if (axes == null && kind != SchemeKind.QUARTERLY_AXES) {
            axes = List.of(new Axis(DEFAULT_AXIS_CODE, "Kết quả thực hiện nhiệm vụ", taskMax));
        }
        axes = axes == null ? List.of() : List.copyOf(axes);
        ratios = ratios == null ? List.of() : List.copyOf(ratios);
        rules = rules == null ? Set.of() : Set.copyOf(rules);
        leaderTermRoles = leaderTermRoles == null ? Set.copyOf(EnumSet.of(Role.HEAD, Role.DEPUTY)) : Set.copyOf(leaderTermRoles);
        leaderTermReduced = leaderTermReduced == null ? new BigDecimal("0.5") : leaderTermReduced;
        minWorkingDaysShare = minWorkingDaysShare == null ? new BigDecimal("0.5") : minWorkingDaysShare;
        collectiveThreshold = collectiveThreshold == null ? new BigDecimal("0.70") : collectiveThreshold;
        quota = quota == null ? QuotaSettings.DEFAULT : quota;
        generalCriteria = generalCriteria == null ? List.of() : List.copyOf(generalCriteria);
        indicatorGroups = indicatorGroups == null ? List.of() : List.copyOf(indicatorGroups);
        positionGroups = positionGroups == null ? List.of() : List.copyOf(positionGroups);
        List<Band> sorted = new ArrayList<>(bands == null ? List.of() : bands);
        if (sorted.stream().anyMatch(b -> b == null || b.rating() == null || b.minPoints() == null)) {
            problems.add("bands: a band lacks its rating or minPoints");
            sorted.removeIf(b -> b == null || b.rating() == null || b.minPoints() == null);
        }
        sorted.sort(Comparator.comparing(Band::minPoints).reversed());
        bands = List.copyOf(sorted);

        if (axes.isEmpty()) {
            problems.add("axes: no axes");
        }
        for (Axis a : axes) {
            if (a.code() == null || a.maxPoints() == null || a.maxPoints().signum() <= 0) {
                problems.add("axes: axis " + a.code() + " needs a code and maxPoints > 0");
            }
        }
        if (axes.stream().allMatch(a -> a.maxPoints() != null)) {
            BigDecimal sum = axes.stream().map(Axis::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(taskMax) != 0) {
                problems.add("axes: axis points sum to " + sum.toPlainString() + ", task maximum is " + taskMax.toPlainString());
            }
        }
        if (axes.stream().map(Axis::code).distinct().count() != axes.size()) {
            problems.add("axes: duplicate axis codes");
        }
        if (kind == SchemeKind.MONTHLY && axes.size() != 1) {
            problems.add("axes: a MONTHLY scheme has exactly one axis (the task block of seed 002 III.4), got " + axes.size());
        }
        if (ratios.isEmpty()) {
            problems.add("ratios: no ratios");
        }
        if (ratios.stream().distinct().count() != ratios.size()) {
            problems.add("ratios: a ratio is listed twice");
        }
        if (deductionStep == null || deductionStep.signum() < 0 || deductionStep.compareTo(BigDecimal.ONE) > 0) {
            problems.add("deductionStep: must be in [0, 1]");
        }
        if (factorCap == null || factorCap.compareTo(BigDecimal.ONE) < 0) {
            problems.add("factorCap: " + factorCap + " is missing or below 1");
        }
        if (bands.stream().map(Band::rating).distinct().count() != bands.size()) {
            problems.add("bands: a rating has two bands");
        }
        if (bands.stream().map(b -> b.minPoints().stripTrailingZeros()).distinct().count() != bands.size()) {
            problems.add("bands: two bands start at the same points (overlapping bands)");
        }
        if (bands.isEmpty() || bands.get(bands.size() - 1).minPoints().signum() != 0) {
            problems.add("bands: the lowest band must start at 0");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (!bands.get(i).rating().isWorseThan(bands.get(i - 1).rating())) {
                problems.add("bands: not ordered: " + bands.get(i).rating() + " starts below "
                        + bands.get(i - 1).rating() + " but is not worse");
            }
        }
        if (!bands.isEmpty() && bands.get(0).minPoints().compareTo(generalCriteriaMax.add(taskMax)) > 0) {
            problems.add("bands: band " + bands.get(0).rating() + " starts above the maximum score");
        }
        if (leaderTermReduced.signum() < 0 || leaderTermReduced.compareTo(BigDecimal.ONE) > 0) {
            problems.add("leaderTermReduced: must be in [0, 1]");
        }
        if (minWorkingDaysShare.signum() < 0 || minWorkingDaysShare.compareTo(BigDecimal.ONE) > 0) {
            problems.add("minWorkingDaysShare: must be in [0, 1]");
        }
        if (collectiveThreshold.signum() < 0 || collectiveThreshold.compareTo(BigDecimal.ONE) > 0) {
            problems.add("collectiveThreshold: must be in [0, 1]");
        }
        if (!generalCriteria.isEmpty()) {
            BigDecimal g = generalCriteria.stream().map(GeneralCriterion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (g.compareTo(generalCriteriaMax) != 0) {
                problems.add("generalCriteria: checklist sums to " + g.toPlainString() + ", general maximum is "
                        + generalCriteriaMax.toPlainString());
            }
            if (generalCriteria.stream().map(GeneralCriterion::code).distinct().count() != generalCriteria.size()) {
                problems.add("generalCriteria: duplicate codes");
            }
        }
        if (kind == SchemeKind.GROUP_WEIGHTED) {
            validateGroups(indicatorGroups, positionGroups, taskMax, problems);
        } else if (!indicatorGroups.isEmpty() || !positionGroups.isEmpty()) {
            problems.add("indicatorGroups, positionGroups: belong to GROUP_WEIGHTED schemes only");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scheme " + id + ": " + String.join("; ", problems));
        }
    }

    private static void validateGroups(List<IndicatorGroup> groups, List<PositionGroup> positions, BigDecimal taskMax,
            List<String> problems) {
        if (groups.isEmpty()) {
            problems.add("indicatorGroups: a GROUP_WEIGHTED scheme needs them");
        }
        if (groups.stream().filter(g -> g.measure() == IndicatorMeasure.TASK_RATIOS).count() != 1) {
            problems.add("indicatorGroups: exactly one must use TASK_RATIOS");
        }
        Set<String> codes = new HashSet<>();
        for (IndicatorGroup g : groups) {
            if (!codes.add(g.code())) {
                problems.add("indicatorGroups: duplicate " + g.code());
            }
        }
        if (positions.isEmpty()) {
            problems.add("positionGroups: a GROUP_WEIGHTED scheme needs them");
        }
        Set<String> positionCodes = new HashSet<>();
        for (PositionGroup p : positions) {
            if (!positionCodes.add(p.code())) {
                problems.add("positionGroups: duplicate " + p.code());
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> w : p.weights().entrySet()) {
                if (!codes.contains(w.getKey())) {
                    problems.add("positionGroups: position group " + p.code() + " weights unknown indicator group " + w.getKey());
                }
                sum = sum.add(w.getValue());
            }
            if (sum.compareTo(taskMax) != 0) {
                problems.add("positionGroups: position group " + p.code() + " weights sum to " + sum.toPlainString()
                        + ", task maximum is " + taskMax.toPlainString());
            }
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

    /** @return the lower bound of the band of {@code rating}, if the scheme has one. */
    public Optional<BigDecimal> bandFloor(Rating rating) {
        return bands.stream().filter(b -> b.rating() == rating).map(Band::minPoints).findFirst();
    }

    /** @return true when {@code rule} is enabled. */
    public boolean enabled(RuleCode rule) {
        return rules.contains(rule);
    }

    /** @return the position group with this code, if any. */
    public Optional<PositionGroup> positionGroup(String code) {
        return positionGroups.stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
