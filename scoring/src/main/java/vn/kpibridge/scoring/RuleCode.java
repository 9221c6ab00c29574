package vn.kpibridge.scoring;

/**
 * Rules over the points that a scheme may enable. Each names its source.
 */
public enum RuleCode {
    /**
     * Completing less than 100% of the assigned tasks in the quarter gives NOT_COMPLETED unless
     * force majeure is confirmed (seed 001 section 2.4 / DOMAIN.md 3c; seed 004).
     */
    TASKS_BELOW_100_PERCENT,
    /**
     * The scheme caps each axis and the task block at its maximum (DOMAIN.md 4, "thang điểm 100").
     */
    POINTS_CAPPED
}
