package vn.kpibridge.scoring;

/**
 * Scores one employee for one period with per-axis KPIs: the first entry point of the library,
 * kept for callers that have only an {@link EmployeeInput}. It runs {@link ScoringEngine} with no
 * org context: no period facts (working days, deferrals), no unit (no collective rule), no
 * subordinates; an employee with {@code leader = true} is treated as a deputy (MONTHLY schemes then
 * apply the leader formula with d = 100% for want of subordinates and đ = e = 100%, noted).
 *
 * <ul>
 *   <li>Per item (DOMAIN.md 2; seed 001 Phụ lục 2 "Bảng 2"): P = planned x coefficient x share;
 *       quantity credit = min(done, planned) x coefficient x share; quality, timeliness and
 *       leadership credits = done converted x factor.</li>
 *   <li>Factors: default 1; minus the scheme's deduction step (0.25, seed 002 III.2) per failed
 *       review / late delivery / leadership shortfall, floor 0, waived by a confirmed objective
 *       cause; a reviewer-set factor replaces the derived one and is capped by the scheme (1.2 in
 *       seed 001 Phụ lục 2).</li>
 *   <li>Per axis k: ratio X_k = sum of credits / sum of P; KPI_k = mean of the scheme's ratios
 *       ((A+B+C+D)/4, seed 001 Phụ lục 2, 1.); points_k = min(KPI_k, 1) x max_k.</li>
 *   <li>An axis with no planned items is not applicable ("nếu có"): its points are shared among
 *       the applicable axes in proportion to their points (DOMAIN.md 3c, VAST sub-items).</li>
 *   <li>Total = general criteria (capped) + task points (capped); band on the displayed total
 *       (DOMAIN.md 4).</li>
 *   <li>Rule {@link RuleCode#TASKS_BELOW_100_PERCENT}: overall quantity ratio &lt; 100% gives
 *       NOT_COMPLETED unless force majeure is confirmed (seed 001 §6.1, second bullet).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe. For roles, units, quotas and the bottom-up leader pass use
 * {@link ScoringEngine} and {@link OrgScorer}.
 */
public final class AxisKpiScorer {

    /**
     * Scores one employee.
     *
     * @param scheme the scheme (validated at construction)
     * @param input the employee's plan, outcomes and assessments for the period
     * @return the evaluation with its explanation; never null
     * @throws IllegalArgumentException when an item names an axis the scheme does not have, or
     *     names none while the scheme has several axes, or the input does not fit the scheme's kind
     *     (a GROUP_WEIGHTED scheme needs a position group: use {@link ScoringEngine})
     */
    public Evaluation score(Scheme scheme, EmployeeInput input) {
        EvaluationSubject subject = EvaluationSubject.of(input, input.leader() ? Role.DEPUTY : Role.MEMBER);
        return new ScoringEngine(scheme).score(null, subject, null, null).evaluation();
    }
}
