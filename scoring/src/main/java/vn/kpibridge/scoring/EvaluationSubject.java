package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the engine needs about one employee for one period beyond {@link EmployeeInput}: role
 * in the org tree, quota group, per-employee axis points, the general-criteria checklist, leader
 * inputs, working days, violations and quarterly circumstances. Build with
 * {@link #of(EmployeeInput, Role)} and the {@code with...} methods; every extra is optional.
 *
 * @param input the employee's plan, outcomes and assessments (items, general points, force majeure)
 * @param role role in the unit {@code input.unitCode()}; decides the leader formula, the quota
 *     exemption of the head and the collective rule
 * @param dutyGroup group of similar duties for the EXCELLENT quota (seed 002 II.2 (5) a "trong từng
 *     nhóm CBCCVC có nhiệm vụ tương đồng"); null or blank means the unit as a whole
 * @param reportsTo employee id of the direct evaluator inside the same unit (e.g. the deputy in
 *     charge of the employee's field), or null for the default: the unit's head (and, for a head,
 *     the head of the nearest ancestor unit with one)
 * @param positionGroup GROUP_WEIGHTED schemes: the job-position group code (seed 003); else null
 * @param axisPoints per-employee axis points from the work plan (seed 001 §2.5: primary axes
 *     higher), overriding the scheme's; they sum to the scheme's task maximum; axes absent get 0;
 *     null means the scheme's points
 * @param primaryAxes axis codes the plan names as primary ("trục chính"); when given with
 *     {@code axisPoints} each primary axis must have more points than every other axis; may be null
 * @param generalChecklist general criteria as the checklist of the scheme (code -&gt; met), or null
 *     when given as points in {@code input.generalCriteriaPoints()}
 * @param leaderAssessment reviewer input for đ and e (seed 002 III.4.2); null means 100% each, noted
 * @param indicatorValues GROUP_WEIGHTED schemes: value of each INPUT indicator group as a fraction
 *     (0.9 = 90%); else null
 * @param workingDays monthly schemes: working days of the month, or null when not recorded
 * @param violations discipline or political-ethics violations found in the period (Decree
 *     335/2025/NĐ-CP), each a short description; null means none
 * @param circumstances quarterly schemes: facts that may defer the evaluation, or null
 */
public record EvaluationSubject(
        EmployeeInput input,
        Role role,
        String dutyGroup,
        String reportsTo,
        String positionGroup,
        Map<String, BigDecimal> axisPoints,
        Set<String> primaryAxes,
        Map<String, Boolean> generalChecklist,
        LeaderAssessment leaderAssessment,
        Map<String, BigDecimal> indicatorValues,
        WorkingDays workingDays,
        List<String> violations,
        QuarterCircumstances circumstances) {

    /**
     * Normalises nulls (empty collections, blank duty group) and copies collections.
     *
     * @throws NullPointerException when input or role is null
     * @throws IllegalArgumentException when an employee reports to themselves or an axis point or
     *     indicator value is negative
     */
    public EvaluationSubject {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(role, "role of employee " + input.employeeId());
        dutyGroup = dutyGroup == null ? "" : dutyGroup.trim();
        if (reportsTo != null && reportsTo.isBlank()) {
            reportsTo = null;
        }
        if (input.employeeId().equals(reportsTo)) {
            throw new IllegalArgumentException("employee " + input.employeeId() + ": reportsTo names the employee");
        }
        axisPoints = axisPoints == null ? null : copy(axisPoints, "axisPoints", input.employeeId());
        primaryAxes = primaryAxes == null ? Set.of() : Set.copyOf(primaryAxes);
        generalChecklist = generalChecklist == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(generalChecklist));
        indicatorValues = indicatorValues == null ? Map.of() : copy(indicatorValues, "indicatorValues", input.employeeId());
        violations = violations == null ? List.of() : List.copyOf(violations);
    }

    private static Map<String, BigDecimal> copy(Map<String, BigDecimal> m, String field, String employee) {
        for (Map.Entry<String, BigDecimal> e : m.entrySet()) {
            if (e.getValue() == null || e.getValue().signum() < 0) {
                throw new IllegalArgumentException("employee " + employee + ": " + field + "." + e.getKey() + " must be >= 0");
            }
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * @param input the employee input
     * @param role the role in the unit
     * @return a subject with no extras
     */
    public static EvaluationSubject of(EmployeeInput input, Role role) {
        return new EvaluationSubject(input, role, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** @return the employee id. */
    public String employeeId() {
        return input.employeeId();
    }

    /** @return the unit code. */
    public String unitCode() {
        return input.unitCode();
    }

    /** @return a copy with the duty group set. */
    public EvaluationSubject withDutyGroup(String value) {
        return new EvaluationSubject(input, role, value, reportsTo, positionGroup, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, indicatorValues, workingDays, violations, circumstances);
    }

    /** @return a copy with the explicit evaluator set. */
    public EvaluationSubject withReportsTo(String value) {
        return new EvaluationSubject(input, role, dutyGroup, value, positionGroup, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, indicatorValues, workingDays, violations, circumstances);
    }

    /** @return a copy with the job-position group set (GROUP_WEIGHTED). */
    public EvaluationSubject withPositionGroup(String value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, value, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, indicatorValues, workingDays, violations, circumstances);
    }

    /** @return a copy with per-employee axis points and primary axes set. */
    public EvaluationSubject withAxisPoints(Map<String, BigDecimal> points, Set<String> primary) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, points, primary, generalChecklist,
                leaderAssessment, indicatorValues, workingDays, violations, circumstances);
    }

    /** @return a copy with the general-criteria checklist set. */
    public EvaluationSubject withGeneralChecklist(Map<String, Boolean> value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, axisPoints, primaryAxes, value,
                leaderAssessment, indicatorValues, workingDays, violations, circumstances);
    }

    /** @return a copy with the leader assessment (đ, e) set. */
    public EvaluationSubject withLeaderAssessment(LeaderAssessment value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, axisPoints, primaryAxes, generalChecklist,
                value, indicatorValues, workingDays, violations, circumstances);
    }

    /** @return a copy with the INPUT indicator values set (GROUP_WEIGHTED). */
    public EvaluationSubject withIndicatorValues(Map<String, BigDecimal> value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, value, workingDays, violations, circumstances);
    }

    /** @return a copy with working days set. */
    public EvaluationSubject withWorkingDays(WorkingDays value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, indicatorValues, value, violations, circumstances);
    }

    /** @return a copy with violations set. */
    public EvaluationSubject withViolations(List<String> value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, indicatorValues, workingDays, value, circumstances);
    }

    /** @return a copy with quarterly circumstances set. */
    public EvaluationSubject withCircumstances(QuarterCircumstances value) {
        return new EvaluationSubject(input, role, dutyGroup, reportsTo, positionGroup, axisPoints, primaryAxes, generalChecklist,
                leaderAssessment, indicatorValues, workingDays, violations, value);
    }
}
