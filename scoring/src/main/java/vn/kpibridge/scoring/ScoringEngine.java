package vn.kpibridge.scoring;

import static vn.kpibridge.scoring.Decimals.divide;
import static vn.kpibridge.scoring.Decimals.min;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores one employee for one period under one {@link Scheme}: the exact engine of DOMAIN.md 2-4.
 *
 * <ol>
 *   <li><b>Eligibility</b>: not rated below the scheme's share of working days (seed 002 I.6, rule
 *       {@link RuleCode#WORKING_DAYS_BELOW_HALF}); deferred to the next quarter for training or sick
 *       / maternity leave &gt;= 2 months, first appointment &lt; 1 month, investigation (seed 001 §7 d,
 *       rule {@link RuleCode#QUARTERLY_DEFERRAL}).</li>
 *   <li><b>Bảng 2</b> (seed 001 Phụ lục 2): per item P = planned x coefficient x share; quantity
 *       credit = min(done, planned) x coefficient x share (never above 100%); quality, timeliness
 *       and leadership credits = done converted x factor; factor 1 minus the deduction step (0.25,
 *       seed 002 III.2) per failed review / late delivery / leadership shortfall, floor 0, waived by
 *       a confirmed objective cause; a reviewer-set factor replaces it, capped by the scheme.</li>
 *   <li><b>Task points</b> by kind: QUARTERLY_AXES per axis KPI = mean of the ratios, points =
 *       min(KPI, 1) x axis points (per-employee points override the scheme's; axes without planned
 *       work are not applicable and their points are shared pro rata, DOMAIN.md 3c); MONTHLY one
 *       block, non-leaders (a+b+c)/3, leaders (a+b+c+d+đ+e)/6 (seed 002 III.4); GROUP_WEIGHTED
 *       indicator groups with position-group weights (seed 003). Task points never exceed the task
 *       maximum.</li>
 *   <li><b>General criteria</b> given as points or as the Mẫu 03 checklist (seed 001).</li>
 *   <li><b>Total</b> = general + task; band on the total displayed with 2 decimals half-up (DOMAIN.md
 *       4).</li>
 *   <li><b>Rules</b> over the points, each an "at most" rating: tasks &lt; 100% (seed 001 §6.1),
 *       discipline violation (Decree 335/2025), collective &lt; 70% (seed 001 §6.3); flags: seed 000
 *       2.1 general-criteria review, no planned work, leader inputs defaulted.</li>
 * </ol>
 *
 * <p>Two phases so that a unit can be scored bottom-up (seed 002 III.4.2 d depends on the
 * subordinates' own results): {@link #prepare} does everything that does not depend on
 * subordinates (the item table, the ratios: the costly part), {@link #finish} adds the leader terms,
 * the points and the rules. {@link OrgScorer} drives both over an org tree. Immutable and
 * thread-safe.
 */
public final class ScoringEngine {
    private static final Ratio[] ALL_RATIOS = Ratio.values();

    private final Scheme scheme;
    private final List<Axis> axes;
    private final Map<String, Integer> axisIndex = new HashMap<>();
    private final Ratio[] ratios;
    private final Map<String, GeneralCriterion> criteria = new LinkedHashMap<>();
    private final Rating completedFloorRating;

    /**
     * @param scheme the validated scheme
     * @throws NullPointerException when scheme is null
     */
    public ScoringEngine(Scheme scheme) {
        this.scheme = java.util.Objects.requireNonNull(scheme, "scheme");
        this.axes = scheme.axes();
        for (int i = 0; i < axes.size(); i++) {
            axisIndex.put(axes.get(i).code(), i);
        }
        this.ratios = scheme.ratios().toArray(new Ratio[0]);
        scheme.generalCriteria().forEach(c -> criteria.put(c.code(), c));
        this.completedFloorRating = Rating.COMPLETED;
    }

    /** @return the scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /**
     * Scores one employee in one step: {@link #prepare} then {@link #finish}.
     *
     * @param period the evaluated month or quarter
     * @param subject the employee and the period's extras
     * @param unit the employee's unit with its period inputs (collective completion), or null when
     *     unknown (the collective rule then does not fire)
     * @param subordinates outcomes of the employees this leader evaluates (their own results), for
     *     the term d of a MONTHLY leader; empty or null means none (d = 100%, noted)
     * @return the result; its evaluation is null when the employee is not rated or deferred
     * @throws IllegalArgumentException naming the employee and the item or field when the input does
     *     not fit the scheme: unknown axis, axis points not summing to the task maximum, a primary
     *     axis not above the others, a checklist item missing or unknown, general points given twice
     *     and different, a missing position group or indicator value
     */
    public EmployeeResult score(Period period, EvaluationSubject subject, OrgUnit unit, List<SubordinateOutcome> subordinates) {
        return finish(prepare(period, subject, unit), subordinates);
    }

    /**
     * Phase 1: eligibility, validation, the Bảng 2 rows and per-axis sums. Does not look at other
     * employees.
     *
     * @param period the period; may be null only when the subject carries no working days and no
     *     quarterly circumstances (as in {@link AxisKpiScorer})
     * @param subject the employee
     * @param unit the unit or null
     * @return the prepared state for {@link #finish}
     * @throws IllegalArgumentException as {@link #score}
     */
    public Prepared prepare(Period period, EvaluationSubject subject, OrgUnit unit) {
        if (period != null) {
            checkPeriod(period);
        }
        EmployeeInput in = subject.input();
        Eligibility eligibility = eligibility(period, subject);
        if (!eligibility.rated()) {
            return new Prepared(this, period, subject, unit, eligibility, null, null, null, null, null, null, null, 0, 0, 0);
        }
        BigDecimal[] axisMax = axisMax(subject);
        GeneralCriteriaResult general = general(subject);
        validateGroups(subject);

        int n = axes.size();
        BigDecimal[] planned = new BigDecimal[n];
        BigDecimal[][] credits = new BigDecimal[n][ALL_RATIOS.length];
        for (int a = 0; a < n; a++) {
            planned[a] = BigDecimal.ZERO;
            java.util.Arrays.fill(credits[a], BigDecimal.ZERO);
        }
        List<WorkItem> items = in.items();
        List<ItemCredit> rows = new ArrayList<>(items.size());
        int subjectiveIncomplete = 0;
        int late = 0;
        int rework = 0;
        for (WorkItem item : items) {
            int a = resolveAxis(in.employeeId(), item);
            ItemCredit row = credit(item, axes.get(a).code());
            rows.add(row);
            planned[a] = planned[a].add(row.plannedConverted());
            BigDecimal[] c = credits[a];
            c[0] = c[0].add(row.quantityCredit());
            c[1] = c[1].add(row.qualityCredit());
            c[2] = c[2].add(row.timelinessCredit());
            c[3] = c[3].add(row.leadershipCredit());
            ItemReview r = item.review();
            boolean waived = r.objectiveCause() != null && !r.objectiveCause().isBlank();
            if (!waived) {
                if (item.doneQuantity().compareTo(item.plannedQuantity()) < 0) {
                    subjectiveIncomplete++;
                }
                late += r.lateDeliveries();
                rework += r.qualityFailures();
            }
        }
        BigDecimal totalPlanned = BigDecimal.ZERO;
        BigDecimal totalQuantity = BigDecimal.ZERO;
        for (int a = 0; a < n; a++) {
            totalPlanned = totalPlanned.add(planned[a]);
            totalQuantity = totalQuantity.add(credits[a][0]);
        }
        return new Prepared(this, period, subject, unit, eligibility, rows, planned, credits, axisMax, general, totalPlanned,
                totalQuantity, subjectiveIncomplete, late, rework);
    }

    /**
     * Phase 2: leader terms (MONTHLY), points, band and rules.
     *
     * @param p the state from {@link #prepare} of this engine
     * @param subordinates outcomes of the employees this leader evaluates, or null / empty
     * @return the result (quota not yet applied: {@code finalProposedRating} equals the evaluation's
     *     proposed rating)
     * @throws IllegalArgumentException when {@code p} was prepared by another engine
     */
    public EmployeeResult finish(Prepared p, List<SubordinateOutcome> subordinates) {
        if (p.engine != this) {
            throw new IllegalArgumentException("employee " + p.subject.employeeId() + ": prepared by another engine");
        }
        EvaluationSubject s = p.subject;
        EmployeeInput in = s.input();
        if (!p.eligibility.rated()) {
            return new EmployeeResult(in.employeeId(), in.fullName(), in.position(), in.unitCode(), s.role(), s.dutyGroup(),
                    scheme.id(), p.period, p.eligibility, null, List.of(), null, null, null);
        }
        List<FiredRule> fired = new ArrayList<>();
        List<LeaderTermValue> terms = leaderTerms(s, subordinates, fired);
        BigDecimal termSum = BigDecimal.ZERO;
        for (LeaderTermValue t : terms) {
            termSum = termSum.add(t.value());
        }
        BigDecimal divisor = BigDecimal.valueOf(ratios.length + terms.size());

        // per-axis ratios and KPI
        int n = axes.size();
        List<Map<Ratio, BigDecimal>> axisRatios = new ArrayList<>(n);
        BigDecimal[] kpi = new BigDecimal[n];
        for (int a = 0; a < n; a++) {
            Map<Ratio, BigDecimal> rs = new EnumMap<>(Ratio.class);
            kpi[a] = BigDecimal.ZERO;
            if (p.planned[a].signum() > 0) {
                BigDecimal sum = termSum;
                for (Ratio r : ratios) {
                    BigDecimal ratio = divide(p.credits[a][r.ordinal()], p.planned[a]);
                    rs.put(r, ratio);
                    sum = sum.add(ratio);
                }
                kpi[a] = divide(sum, divisor);
            }
            axisRatios.add(rs);
        }

        List<AxisResult> axisResults;
        BigDecimal taskPoints;
        if (scheme.kind() == SchemeKind.GROUP_WEIGHTED) {
            axisResults = new ArrayList<>();
            taskPoints = groupPoints(s, p, axisRatios.get(0), kpi[0], axisResults);
        } else {
            axisResults = new ArrayList<>(n);
            BigDecimal applicableMax = BigDecimal.ZERO;
            for (int a = 0; a < n; a++) {
                if (p.planned[a].signum() > 0) {
                    applicableMax = applicableMax.add(p.axisMax[a]);
                }
            }
            taskPoints = BigDecimal.ZERO;
            for (int a = 0; a < n; a++) {
                Axis axis = axes.get(a);
                BigDecimal points = BigDecimal.ZERO;
                if (p.planned[a].signum() > 0 && applicableMax.signum() > 0) {
                    // points of non-applicable axes move to the applicable ones, pro rata (DOMAIN.md 3c):
                    // min(KPI, 1) x max x taskMax / applicableMax, dividing last
                    points = shareOf(min(kpi[a], BigDecimal.ONE).multiply(p.axisMax[a]), applicableMax);
                }
                axisResults.add(new AxisResult(axis.code(), axis.name(), p.axisMax[a], p.planned[a], axisRatios.get(a), kpi[a], points));
                taskPoints = taskPoints.add(points);
            }
        }
        taskPoints = min(taskPoints, scheme.taskMax());
        BigDecimal general = p.general.points();
        BigDecimal total = general.add(taskPoints);
        BigDecimal displayed = Decimals.display(total);
        Rating band = scheme.band(displayed);
        BigDecimal quantityRatio = p.totalPlanned.signum() == 0 ? BigDecimal.ONE : divide(p.totalQuantity, p.totalPlanned);

        if (p.totalPlanned.signum() == 0) {
            fired.add(new FiredRule(RuleCode.NO_PLANNED_WORK, "DOMAIN.md 2",
                    "Kế hoạch công tác trong kỳ không có sản phẩm/công việc được giao (số lượng quy đổi bằng 0): "
                            + "không có điểm kết quả thực hiện nhiệm vụ", null, false));
        }
        Rating proposed = band;
        proposed = tasksBelow100(in, quantityRatio, fired, proposed);
        proposed = discipline(s, fired, proposed);
        proposed = collective(s, p.unit, fired, proposed);
        generalReview(p, fired);

        Evaluation evaluation = new Evaluation(in.employeeId(), in.fullName(), in.position(), in.unitCode(), scheme.id(),
                general, taskPoints, total, displayed, quantityRatio, axisResults, p.rows, band, proposed,
                in.selfProposedRating(), fired);
        return new EmployeeResult(in.employeeId(), in.fullName(), in.position(), in.unitCode(), s.role(), s.dutyGroup(),
                scheme.id(), p.period, p.eligibility, evaluation, terms, p.general, null, proposed);
    }

    /**
     * Checks that the period fits the scheme: a MONTHLY scheme scores months (seed 002), a
     * QUARTERLY_AXES scheme quarters (seeds 001, 004); GROUP_WEIGHTED schemes take either.
     *
     * @param period the period
     * @throws IllegalArgumentException naming the scheme and the period when they do not fit
     */
    public void checkPeriod(Period period) {
        if (scheme.kind() == SchemeKind.MONTHLY && period.isQuarter()) {
            throw new IllegalArgumentException("scheme " + scheme.id() + " is monthly; period " + period.code() + " is a quarter");
        }
        if (scheme.kind() == SchemeKind.QUARTERLY_AXES && !period.isQuarter()) {
            throw new IllegalArgumentException("scheme " + scheme.id() + " is quarterly; period " + period.code() + " is a month");
        }
    }

    /** @return true when {@code subject} gets the leader formula (MONTHLY, role in leaderTermRoles). */
    public boolean usesLeaderTerms(EvaluationSubject subject) {
        return scheme.kind() == SchemeKind.MONTHLY && scheme.leaderTermRoles().contains(subject.role());
    }

    // ---------------------------------------------------------------- eligibility

    private Eligibility eligibility(Period period, EvaluationSubject s) {
        List<String> reasons = new ArrayList<>();
        WorkingDays wd = s.workingDays();
        if (scheme.enabled(RuleCode.WORKING_DAYS_BELOW_HALF) && wd != null) {
            BigDecimal share = wd.share();
            String days = Texts.exact(wd.actual()) + "/" + Texts.exact(wd.required()) + " ngày (" + Texts.percent(share) + ")";
            if (share.compareTo(scheme.minWorkingDaysShare()) < 0) {
                return new Eligibility(EligibilityStatus.NOT_RATED, List.of("Thời gian làm việc thực tế " + days + " dưới "
                        + Texts.percent(scheme.minWorkingDaysShare()) + " số ngày làm việc theo quy định của kỳ: không thực hiện"
                        + " đánh giá, xếp loại (seed 002 I.6)"));
            }
            if (share.compareTo(BigDecimal.ONE) < 0) {
                reasons.add("Thời gian làm việc thực tế " + days + ", từ " + Texts.percent(scheme.minWorkingDaysShare())
                        + " trở lên: đánh giá, xếp loại trên kết quả của thời gian làm việc thực tế (seed 002 I.6)");
            }
        }
        QuarterCircumstances c = s.circumstances();
        if (scheme.enabled(RuleCode.QUARTERLY_DEFERRAL) && c != null) {
            java.util.Objects.requireNonNull(period, "period (needed for the deferral rule)");
            List<String> deferrals = deferrals(period, c);
            if (!deferrals.isEmpty()) {
                return new Eligibility(EligibilityStatus.DEFERRED, deferrals);
            }
        }
        return reasons.isEmpty() ? Eligibility.RATED : new Eligibility(EligibilityStatus.RATED, reasons);
    }

    /**
     * The deferral reasons of seed 001 §7 d / seed 004 §6.1 b that apply in {@code period}.
     * Absences are clipped to the period and merged per category (training; sick and maternity
     * together). A category reaches "2 months" when one merged stretch spans 2 calendar months
     * (from + 2 months &lt;= to + 1 day) or, for several separate stretches, when their days add up
     * to at least 60.
     */
    static List<String> deferrals(Period period, QuarterCircumstances c) {
        List<String> out = new ArrayList<>();
        if (spansMonths(period, c.absences(), Set.of(AbsenceKind.TRAINING), 2)) {
            out.add("Tham gia đào tạo, bồi dưỡng tập trung từ 02 tháng trở lên trong " + period.label()
                    + ": chuyển xem xét kết quả sang quý tiếp theo (seed 001 §7 d)");
        }
        if (spansMonths(period, c.absences(), Set.of(AbsenceKind.SICK, AbsenceKind.MATERNITY), 2)) {
            out.add("Nghỉ ốm hoặc nghỉ thai sản từ 02 tháng trở lên trong " + period.label()
                    + ": chuyển xem xét kết quả sang quý tiếp theo (seed 001 §7 d)");
        }
        LocalDate appointed = c.firstAppointedOn();
        if (appointed != null && !appointed.isBefore(period.start()) && !appointed.isAfter(period.end())
                && appointed.plusMonths(1).isAfter(period.end().plusDays(1))) {
            out.add("Lần đầu được bổ nhiệm giữ chức danh lãnh đạo, quản lý ngày " + appointed + ", dưới 01 tháng trong "
                    + period.label() + ": chuyển xem xét kết quả sang quý tiếp theo (seed 001 §7 d)");
        }
        if (c.underInvestigation() != null && !c.underInvestigation().isBlank()) {
            out.add("Đang trong thời gian kiểm tra dấu hiệu vi phạm (" + c.underInvestigation()
                    + "): chuyển xem xét kết quả sang quý tiếp theo (seed 001 §7 d)");
        }
        return out;
    }

    private static boolean spansMonths(Period period, List<Absence> absences, Set<AbsenceKind> kinds, int months) {
        List<LocalDate[]> ranges = new ArrayList<>();
        for (Absence a : absences) {
            if (!kinds.contains(a.kind())) {
                continue;
            }
            LocalDate from = a.from().isBefore(period.start()) ? period.start() : a.from();
            LocalDate to = a.to().isAfter(period.end()) ? period.end() : a.to();
            if (!to.isBefore(from)) {
                ranges.add(new LocalDate[] {from, to});
            }
        }
        if (ranges.isEmpty()) {
            return false;
        }
        ranges.sort(Comparator.comparing(r -> r[0]));
        List<LocalDate[]> merged = new ArrayList<>();
        for (LocalDate[] r : ranges) {
            LocalDate[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !r[0].isAfter(last[1].plusDays(1))) {
                if (r[1].isAfter(last[1])) {
                    last[1] = r[1];
                }
            } else {
                merged.add(new LocalDate[] {r[0], r[1]});
            }
        }
        long days = 0;
        for (LocalDate[] r : merged) {
            if (!r[0].plusMonths(months).isAfter(r[1].plusDays(1))) {
                return true;
            }
            days += r[1].toEpochDay() - r[0].toEpochDay() + 1;
        }
        return merged.size() > 1 && days >= 30L * months;
    }

    // ---------------------------------------------------------------- validation of the extras

    private BigDecimal[] axisMax(EvaluationSubject s) {
        BigDecimal[] max = new BigDecimal[axes.size()];
        Map<String, BigDecimal> override = s.axisPoints();
        if (override == null) {
            for (int a = 0; a < axes.size(); a++) {
                max[a] = axes.get(a).maxPoints();
            }
            if (!s.primaryAxes().isEmpty()) {
                checkAxisCodes(s, s.primaryAxes(), "primaryAxes");
            }
            return max;
        }
        String who = "employee " + s.employeeId() + ": ";
        if (scheme.kind() != SchemeKind.QUARTERLY_AXES) {
            throw new IllegalArgumentException(who + "axisPoints apply to QUARTERLY_AXES schemes only, scheme " + scheme.id()
                    + " is " + scheme.kind());
        }
        checkAxisCodes(s, override.keySet(), "axisPoints");
        checkAxisCodes(s, s.primaryAxes(), "primaryAxes");
        BigDecimal sum = BigDecimal.ZERO;
        for (int a = 0; a < axes.size(); a++) {
            max[a] = override.getOrDefault(axes.get(a).code(), BigDecimal.ZERO);
            sum = sum.add(max[a]);
        }
        if (sum.compareTo(scheme.taskMax()) != 0) {
            throw new IllegalArgumentException(who + "axisPoints sum to " + sum.toPlainString() + ", must be the task maximum "
                    + scheme.taskMax().toPlainString() + " (seed 001 §2.5)");
        }
        if (!s.primaryAxes().isEmpty()) {
            BigDecimal lowestPrimary = null;
            BigDecimal highestOther = BigDecimal.ZERO;
            String otherCode = null;
            for (int a = 0; a < axes.size(); a++) {
                String code = axes.get(a).code();
                if (s.primaryAxes().contains(code)) {
                    lowestPrimary = lowestPrimary == null ? max[a] : min(lowestPrimary, max[a]);
                } else if (max[a].compareTo(highestOther) > 0) {
                    highestOther = max[a];
                    otherCode = code;
                }
            }
            if (otherCode != null && lowestPrimary.compareTo(highestOther) <= 0) {
                throw new IllegalArgumentException(who + "axisPoints: primary axes " + new TreeSet<>(s.primaryAxes())
                        + " must have more points than secondary axis " + otherCode + " (" + highestOther.toPlainString()
                        + ") (seed 001 §2.5)");
            }
        }
        return max;
    }

    private void checkAxisCodes(EvaluationSubject s, Set<String> codes, String field) {
        for (String code : codes) {
            if (!axisIndex.containsKey(code)) {
                throw new IllegalArgumentException("employee " + s.employeeId() + ": " + field + " names axis " + code
                        + ", not an axis of scheme " + scheme.id());
            }
        }
    }

    private GeneralCriteriaResult general(EvaluationSubject s) {
        Map<String, Boolean> checklist = s.generalChecklist();
        BigDecimal given = s.input().generalCriteriaPoints();
        if (checklist == null) {
            return new GeneralCriteriaResult(min(given, scheme.generalCriteriaMax()), scheme.generalCriteriaMax(), false, List.of());
        }
        String who = "employee " + s.employeeId() + ": generalChecklist";
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException(who + " given but scheme " + scheme.id() + " has no checklist; give points");
        }
        List<String> unknown = checklist.keySet().stream().filter(k -> !criteria.containsKey(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(who + " names unknown items " + unknown);
        }
        List<String> missing = criteria.keySet().stream().filter(k -> checklist.get(k) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(who + " lacks items " + missing + " (each is Đảm bảo / Không đảm bảo)");
        }
        List<CriterionLine> lines = new ArrayList<>(criteria.size());
        BigDecimal points = BigDecimal.ZERO;
        for (GeneralCriterion c : criteria.values()) {
            boolean met = checklist.get(c.code());
            BigDecimal p = met ? c.points() : BigDecimal.ZERO;
            points = points.add(p);
            lines.add(new CriterionLine(c.code(), c.name(), c.points(), met, p));
        }
        if (given.signum() != 0 && given.compareTo(points) != 0) {
            throw new IllegalArgumentException("employee " + s.employeeId() + ": general criteria given both as points ("
                    + given.toPlainString() + ") and as a checklist worth " + points.toPlainString());
        }
        return new GeneralCriteriaResult(points, scheme.generalCriteriaMax(), true, lines);
    }

    private void validateGroups(EvaluationSubject s) {
        String who = "employee " + s.employeeId() + ": ";
        if (scheme.kind() != SchemeKind.GROUP_WEIGHTED) {
            if (!s.indicatorValues().isEmpty()) {
                throw new IllegalArgumentException(who + "indicatorValues apply to GROUP_WEIGHTED schemes only");
            }
            return;
        }
        if (s.positionGroup() == null) {
            throw new IllegalArgumentException(who + "positionGroup is missing (scheme " + scheme.id() + " weights indicator "
                    + "groups per job-position group)");
        }
        PositionGroup pg = scheme.positionGroup(s.positionGroup()).orElseThrow(() -> new IllegalArgumentException(who
                + "positionGroup " + s.positionGroup() + " is not a position group of scheme " + scheme.id()));
        for (String code : s.indicatorValues().keySet()) {
            if (scheme.indicatorGroups().stream().noneMatch(g -> g.code().equals(code) && g.measure() == IndicatorMeasure.INPUT)) {
                throw new IllegalArgumentException(who + "indicatorValues." + code + " is not an INPUT indicator group of scheme "
                        + scheme.id());
            }
        }
        for (IndicatorGroup g : scheme.indicatorGroups()) {
            if (g.measure() == IndicatorMeasure.INPUT && pg.weight(g.code()).signum() > 0
                    && !s.indicatorValues().containsKey(g.code())) {
                throw new IllegalArgumentException(who + "indicatorValues." + g.code() + " is missing (group \"" + g.name()
                        + "\" weighs " + pg.weight(g.code()).toPlainString() + " points for position group " + pg.code() + ")");
            }
        }
    }

    // ---------------------------------------------------------------- items

    private int resolveAxis(String employeeId, WorkItem item) {
        String code = item.axisCode();
        if (code == null || code.isBlank()) {
            if (axes.size() == 1) {
                return 0;
            }
            throw new IllegalArgumentException("employee " + employeeId + ", item " + item.id() + ": no axis given, scheme "
                    + scheme.id() + " has " + axes.size() + " axes");
        }
        Integer a = axisIndex.get(code);
        if (a == null) {
            throw new IllegalArgumentException("employee " + employeeId + ", item " + item.id() + ": axis " + code
                    + " is not an axis of scheme " + scheme.id());
        }
        return a;
    }

    /** One row of "Bảng 2" (seed 001 Phụ lục 2). Multiplications only: exact. */
    ItemCredit credit(WorkItem item, String axis) {
        BigDecimal unit = item.share().compareTo(BigDecimal.ONE) == 0 ? item.coefficient() : item.coefficient().multiply(item.share());
        BigDecimal planned = item.plannedQuantity().multiply(unit);
        BigDecimal doneConverted = item.doneQuantity().multiply(unit);
        // quantity never exceeds 100% of the plan (seed 001 Phụ lục 2 (i))
        BigDecimal quantity = item.doneQuantity().compareTo(item.plannedQuantity()) <= 0 ? doneConverted : planned;
        ItemReview r = item.review();
        boolean waived = r.objectiveCause() != null && !r.objectiveCause().isBlank();
        BigDecimal quality = factor(scheme, r.qualityFactor(), r.qualityFailures(), waived);
        BigDecimal timeliness = factor(scheme, r.timelinessFactor(), r.lateDeliveries(), waived);
        BigDecimal leadership = factor(scheme, r.leadershipFactor(), r.leadershipFailures(), waived);
        return new ItemCredit(item.id(), item.title(), item.productCode(), axis, item.plannedQuantity(),
                item.coefficient(), item.share(), planned, item.doneQuantity(), quantity,
                quality, times(doneConverted, quality),
                timeliness, times(doneConverted, timeliness),
                leadership, times(doneConverted, leadership));
    }

    private static BigDecimal times(BigDecimal converted, BigDecimal factor) {
        return factor == BigDecimal.ONE ? converted : converted.multiply(factor);
    }

    /**
     * Factor rule of DOMAIN.md 2 / seed 002 III.2: 1 - step x count, floor 0, waived by a confirmed
     * objective cause; a reviewer-set override replaces it and is capped at the scheme's factor cap
     * (seed 001 Phụ lục 2).
     *
     * @param scheme the scheme (deduction step, factor cap)
     * @param override reviewer-set factor, or null
     * @param failures failed reviews / late deliveries / leadership shortfalls (&gt;= 0)
     * @param waived true when an objective cause is confirmed
     * @return the factor, &gt;= 0; {@link BigDecimal#ONE} itself when nothing applies
     */
    static BigDecimal factor(Scheme scheme, BigDecimal override, int failures, boolean waived) {
        if (override != null) {
            return min(override, scheme.factorCap());
        }
        if (waived || failures == 0) {
            return BigDecimal.ONE;
        }
        BigDecimal f = BigDecimal.ONE.subtract(scheme.deductionStep().multiply(BigDecimal.valueOf(failures)));
        return f.signum() < 0 ? BigDecimal.ZERO : f;
    }

    // ---------------------------------------------------------------- leader terms and groups

    private List<LeaderTermValue> leaderTerms(EvaluationSubject s, List<SubordinateOutcome> subordinates, List<FiredRule> fired) {
        if (!usesLeaderTerms(s)) {
            return List.of();
        }
        BigDecimal reduced = scheme.leaderTermReduced();
        List<SubordinateOutcome> subs = subordinates == null ? List.of() : subordinates;
        List<String> below = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int counted = 0;
        for (SubordinateOutcome o : subs) {
            if (o.status() != EligibilityStatus.RATED || o.pointsBand() == null) {
                skipped.add(o.employeeId());
                continue;
            }
            counted++;
            if (o.pointsBand().isWorseThan(completedFloorRating)) {
                below.add(o.fullName() + " (" + o.employeeId() + ", " + Texts.points(o.displayedTotal()) + " điểm)");
            }
        }
        String floor = scheme.bandFloor(completedFloorRating).map(Texts::exact).orElse("?");
        String skippedNote = skipped.isEmpty() ? "" : "; không tính " + skipped.size() + " người không có kết quả đánh giá, xếp loại trong kỳ "
                + abbreviate(skipped);
        LeaderTermValue d;
        if (!below.isEmpty()) {
            d = new LeaderTermValue(LeaderTerm.SUBORDINATES, reduced, below.size() + "/" + counted
                    + " CBCCVC thuộc thẩm quyền quản lý có điểm dưới mức \"" + completedFloorRating.label() + "\" (" + floor
                    + " điểm): " + abbreviate(below) + skippedNote + " (seed 002 III.3 a)");
        } else if (counted == 0) {
            d = new LeaderTermValue(LeaderTerm.SUBORDINATES, BigDecimal.ONE, "Không có CBCCVC thuộc thẩm quyền quản lý được đánh"
                    + " giá trong kỳ: tính 100%" + skippedNote + " (seed 002 III.3 a)");
        } else {
            d = new LeaderTermValue(LeaderTerm.SUBORDINATES, BigDecimal.ONE, "100% (" + counted + "/" + counted
                    + ") CBCCVC thuộc thẩm quyền quản lý đạt từ " + floor + " điểm (mức \"" + completedFloorRating.label()
                    + "\") trở lên" + skippedNote + " (seed 002 III.3 a)");
        }
        LeaderAssessment la = s.leaderAssessment();
        if (la == null) {
            fired.add(new FiredRule(RuleCode.LEADER_INPUT_DEFAULTED, "seed 002 III.4.2",
                    "Chưa có nhận xét của cấp có thẩm quyền về tiêu chí đ và e: tạm tính 100% mỗi tiêu chí", null, false));
            la = LeaderAssessment.FULL;
        }
        LeaderTermValue dd = la.prolongedDelays()
                ? new LeaderTermValue(LeaderTerm.ORGANISATION, reduced, "Trong kỳ có tồn tại, hạn chế, chậm trễ kéo dài trong thực"
                        + " hiện chương trình, kế hoạch công tác" + note(la.delaysNote()) + " (seed 002 III.3 b)")
                : new LeaderTermValue(LeaderTerm.ORGANISATION, BigDecimal.ONE, "Đơn vị hoàn thành đầy đủ nhiệm vụ theo kế hoạch,"
                        + " đúng thời hạn, bảo đảm chất lượng (seed 002 III.3 b)");
        LeaderTermValue e = la.disunityComplaints()
                ? new LeaderTermValue(LeaderTerm.COHESION, reduced, "Trong kỳ phát sinh phản ánh, khiếu nại, kiến nghị về mâu thuẫn,"
                        + " mất đoàn kết nội bộ kéo dài" + note(la.disunityNote()) + " (seed 002 III.3 c)")
                : new LeaderTermValue(LeaderTerm.COHESION, BigDecimal.ONE, "Đơn vị duy trì môi trường làm việc đoàn kết, phối hợp"
                        + " hiệu quả (seed 002 III.3 c)");
        return List.of(d, dd, e);
    }

    private static String note(String s) {
        return s == null || s.isBlank() ? "" : ": " + s;
    }

    private static String abbreviate(List<String> names) {
        if (names.size() <= 10) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 10)) + " và " + (names.size() - 10) + " người khác";
    }

    private BigDecimal groupPoints(EvaluationSubject s, Prepared p, Map<Ratio, BigDecimal> taskRatios, BigDecimal taskKpi,
            List<AxisResult> out) {
        PositionGroup pg = scheme.positionGroup(s.positionGroup()).orElseThrow();
        BigDecimal applicable = BigDecimal.ZERO;
        List<IndicatorGroup> groups = scheme.indicatorGroups();
        boolean[] on = new boolean[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            IndicatorGroup ig = groups.get(g);
            BigDecimal w = pg.weight(ig.code());
            on[g] = w.signum() > 0 && (ig.measure() == IndicatorMeasure.INPUT || p.totalPlanned.signum() > 0);
            if (on[g]) {
                applicable = applicable.add(w);
            }
        }
        BigDecimal task = BigDecimal.ZERO;
        for (int g = 0; g < groups.size(); g++) {
            IndicatorGroup ig = groups.get(g);
            BigDecimal w = pg.weight(ig.code());
            boolean tasks = ig.measure() == IndicatorMeasure.TASK_RATIOS;
            BigDecimal value = tasks ? taskKpi : s.indicatorValues().getOrDefault(ig.code(), BigDecimal.ZERO);
            BigDecimal points = BigDecimal.ZERO;
            if (on[g]) {
                points = shareOf(min(value, BigDecimal.ONE).multiply(w), applicable);
            }
            out.add(new AxisResult(ig.code(), ig.name(), w, tasks ? p.totalPlanned : BigDecimal.ZERO,
                    tasks ? taskRatios : Map.of(), on[g] ? value : BigDecimal.ZERO, points));
            task = task.add(points);
        }
        return task;
    }

    /** @return {@code weighted} x taskMax / applicable, exact when all points apply (the usual case). */
    private BigDecimal shareOf(BigDecimal weighted, BigDecimal applicable) {
        if (applicable.compareTo(scheme.taskMax()) == 0) {
            return weighted;
        }
        return divide(weighted.multiply(scheme.taskMax()), applicable);
    }

    // ---------------------------------------------------------------- rules

    private Rating tasksBelow100(EmployeeInput in, BigDecimal quantityRatio, List<FiredRule> fired, Rating proposed) {
        if (!scheme.enabled(RuleCode.TASKS_BELOW_100_PERCENT) || quantityRatio.compareTo(BigDecimal.ONE) >= 0) {
            return proposed;
        }
        String pct = Texts.percent(quantityRatio);
        if (in.forceMajeure() != null && !in.forceMajeure().isBlank()) {
            fired.add(new FiredRule(RuleCode.TASKS_BELOW_100_PERCENT, "seed 001 §6.1",
                    "Hoàn thành " + pct + " nhiệm vụ được giao (dưới 100%) nhưng có lý do bất khả kháng được xác nhận: "
                            + in.forceMajeure() + "; không áp dụng xếp loại \"" + Rating.NOT_COMPLETED.label() + "\"",
                    null, true));
            return proposed;
        }
        fired.add(new FiredRule(RuleCode.TASKS_BELOW_100_PERCENT, "seed 001 §6.1",
                "Hoàn thành " + pct + " nhiệm vụ được giao trong kỳ (dưới 100%), chưa có lý do khách quan, bất khả kháng "
                        + "được cấp có thẩm quyền xác nhận: xếp loại \"" + Rating.NOT_COMPLETED.label() + "\"",
                Rating.NOT_COMPLETED, false));
        return worse(proposed, Rating.NOT_COMPLETED);
    }

    private Rating discipline(EvaluationSubject s, List<FiredRule> fired, Rating proposed) {
        if (!scheme.enabled(RuleCode.DISCIPLINE_VIOLATION) || s.violations().isEmpty()) {
            return proposed;
        }
        fired.add(new FiredRule(RuleCode.DISCIPLINE_VIOLATION, "Nghị định 335/2025/NĐ-CP",
                "Có vi phạm kỷ luật, kỷ cương, đạo đức công vụ được phát hiện trong kỳ: " + String.join("; ", s.violations())
                        + ": xếp loại \"" + Rating.NOT_COMPLETED.label() + "\" không phụ thuộc số điểm",
                Rating.NOT_COMPLETED, false));
        return worse(proposed, Rating.NOT_COMPLETED);
    }

    private Rating collective(EvaluationSubject s, OrgUnit unit, List<FiredRule> fired, Rating proposed) {
        if (!scheme.enabled(RuleCode.COLLECTIVE_BELOW_70_PERCENT) || unit == null || unit.collectiveCompletion() == null
                || unit.collectiveCompletion().compareTo(scheme.collectiveThreshold()) >= 0) {
            return proposed;
        }
        String what = "Tập thể " + (unit.name() == null ? unit.code() : unit.name()) + " hoàn thành "
                + Texts.percent(unit.collectiveCompletion()) + " nhiệm vụ, chỉ tiêu được giao (dưới "
                + Texts.percent(scheme.collectiveThreshold()) + ", không tính trường hợp bất khả kháng)";
        if (s.role() == Role.HEAD) {
            fired.add(new FiredRule(RuleCode.COLLECTIVE_BELOW_70_PERCENT, "seed 001 §6.3; seed 004 §5.3",
                    what + ": người đứng đầu xếp loại \"" + Rating.NOT_COMPLETED.label() + "\"", Rating.NOT_COMPLETED, false));
            return worse(proposed, Rating.NOT_COMPLETED);
        }
        fired.add(new FiredRule(RuleCode.COLLECTIVE_BELOW_70_PERCENT, "seed 001 §6.3; seed 004 §5.3",
                what + ": " + s.role().label().toLowerCase(java.util.Locale.ROOT) + " không xếp loại \""
                        + Rating.EXCELLENT.label() + "\" (tối đa \"" + Rating.GOOD.label() + "\")", Rating.GOOD, false));
        return worse(proposed, Rating.GOOD);
    }

    private void generalReview(Prepared p, List<FiredRule> fired) {
        if (!scheme.enabled(RuleCode.GENERAL_CRITERIA_REVIEW)
                || p.general.points().compareTo(scheme.generalCriteriaMax()) < 0) {
            return;
        }
        List<String> why = new ArrayList<>();
        if (p.subjectiveIncomplete > 0) {
            why.add(p.subjectiveIncomplete + " nhiệm vụ không hoàn thành đủ số lượng mà không có lý do khách quan được xác nhận");
        }
        if (p.late >= 2) {
            why.add("chậm tiến độ " + p.late + " lần");
        }
        if (p.rework > 0) {
            why.add(p.rework + " lần sản phẩm phải sửa lỗi lớn");
        }
        if (!p.subject.violations().isEmpty()) {
            why.add("có vi phạm kỷ luật, kỷ cương hành chính, đạo đức công vụ");
        }
        if (!why.isEmpty()) {
            fired.add(new FiredRule(RuleCode.GENERAL_CRITERIA_REVIEW, "seed 000, 2.1",
                    "Tiêu chí chung chấm tối đa (" + Texts.exact(p.general.points()) + " điểm) trong khi " + String.join("; ", why)
                            + ": đề nghị lãnh đạo trực tiếp xem xét không chấm tối đa tiêu chí chung", null, false));
        }
    }

    /** @return the worse of two ratings ("at most" semantics of every rule effect). */
    static Rating worse(Rating a, Rating b) {
        return a.isWorseThan(b) ? a : b;
    }

    /**
     * The state between {@link #prepare} and {@link #finish}: eligibility, the Bảng 2 rows and the
     * per-axis sums of one employee. Opaque to callers.
     */
    public static final class Prepared {
        final ScoringEngine engine;
        final Period period;
        final EvaluationSubject subject;
        final OrgUnit unit;
        final Eligibility eligibility;
        final List<ItemCredit> rows;
        final BigDecimal[] planned;
        final BigDecimal[][] credits;
        final BigDecimal[] axisMax;
        final GeneralCriteriaResult general;
        final BigDecimal totalPlanned;
        final BigDecimal totalQuantity;
        final int subjectiveIncomplete;
        final int late;
        final int rework;

        Prepared(ScoringEngine engine, Period period, EvaluationSubject subject, OrgUnit unit, Eligibility eligibility,
                List<ItemCredit> rows, BigDecimal[] planned, BigDecimal[][] credits, BigDecimal[] axisMax,
                GeneralCriteriaResult general, BigDecimal totalPlanned, BigDecimal totalQuantity, int subjectiveIncomplete,
                int late, int rework) {
            this.engine = engine;
            this.period = period;
            this.subject = subject;
            this.unit = unit;
            this.eligibility = eligibility;
            this.rows = rows == null ? null : java.util.Collections.unmodifiableList(rows);
            this.planned = planned;
            this.credits = credits;
            this.axisMax = axisMax;
            this.general = general;
            this.totalPlanned = totalPlanned;
            this.totalQuantity = totalQuantity;
            this.subjectiveIncomplete = subjectiveIncomplete;
            this.late = late;
            this.rework = rework;
        }
    }
}
