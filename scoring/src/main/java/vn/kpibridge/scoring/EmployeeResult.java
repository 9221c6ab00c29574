package vn.kpibridge.scoring;

import java.util.List;

/**
 * The full outcome of one employee for one period: eligibility, the {@link Evaluation} (points,
 * per-axis results, Bảng 2 table, rules fired), the leader terms, the general criteria, the quota
 * mark and the rating finally proposed to the approving authority.
 *
 * @param employeeId employee code
 * @param fullName "Họ và tên"
 * @param position "Chức vụ"
 * @param unitCode unit
 * @param role role in the unit
 * @param dutyGroup group of similar duties ("" for the whole unit)
 * @param schemeId scheme applied
 * @param period the period
 * @param eligibility rated / not rated / deferred / error, with reasons
 * @param evaluation the scored evaluation; null unless eligibility is RATED. Its
 *     {@link Evaluation#proposedRating()} is the rating after the rules, before the quota
 * @param leaderTerms d, đ, e of a leader under a MONTHLY scheme (seed 002 III.4.2); empty otherwise
 * @param generalCriteria general-criteria points and checklist lines; null unless rated
 * @param quota the quota mark, or null when the employee was not part of a quota decision
 * @param finalProposedRating the rating proposed after the rules and the quota; null unless rated
 */
public record EmployeeResult(
        String employeeId,
        String fullName,
        String position,
        String unitCode,
        Role role,
        String dutyGroup,
        String schemeId,
        Period period,
        Eligibility eligibility,
        Evaluation evaluation,
        List<LeaderTermValue> leaderTerms,
        GeneralCriteriaResult generalCriteria,
        QuotaMark quota,
        Rating finalProposedRating) {

    /** Copies the leader terms. */
    public EmployeeResult {
        leaderTerms = leaderTerms == null ? List.of() : List.copyOf(leaderTerms);
    }

    /**
     * A result for an employee whose input could not be scored.
     *
     * @param schemeId the scheme
     * @param period the period
     * @param subject the employee
     * @param reason what is wrong, naming the employee and the item or field
     * @return a result with status {@link EligibilityStatus#ERROR} and no evaluation
     */
    public static EmployeeResult failed(String schemeId, Period period, EvaluationSubject subject, String reason) {
        EmployeeInput in = subject.input();
        return new EmployeeResult(in.employeeId(), in.fullName(), in.position(), in.unitCode(), subject.role(),
                subject.dutyGroup(), schemeId, period, new Eligibility(EligibilityStatus.ERROR, List.of(reason)), null, List.of(),
                null, null, null);
    }

    /** @return a copy with the quota mark and the rating proposed after the quota. */
    public EmployeeResult withQuota(QuotaMark mark, Rating proposed) {
        return new EmployeeResult(employeeId, fullName, position, unitCode, role, dutyGroup, schemeId, period, eligibility,
                evaluation, leaderTerms, generalCriteria, mark, proposed);
    }

    /**
     * The explanation a reviewer reads, in Vietnamese: header, eligibility, general criteria (with
     * the checklist), the per-item table of seed 001 "Bảng 2", each ratio with its credits and plan,
     * each axis' KPI and points, leader terms, total and band, rules fired and why, quota and the
     * proposed rating. Built on demand (not stored).
     *
     * @return the lines, never empty
     */
    public List<String> explanation() {
        return Explanations.lines(this);
    }
}
