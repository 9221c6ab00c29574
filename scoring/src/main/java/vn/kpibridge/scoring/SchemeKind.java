package vn.kpibridge.scoring;

/**
 * How a scheme turns ratios into task-performance points (the 70-point block).
 *
 * <ul>
 *   <li>{@link #QUARTERLY_AXES}: per result axis, KPI = mean of the scheme's ratios ((A+B+C+D)/4),
 *       points = sum over axes of KPI x axis points (seed 001 and seed 004, Phụ lục 2, 1.).</li>
 *   <li>{@link #MONTHLY}: one task block; non-leaders (a+b+c)/3, leaders (a+b+c+d+đ+e)/6; score =
 *       general + task x 70 (seed 002, III.4 and III.5).</li>
 *   <li>{@link #GROUP_WEIGHTED}: indicator groups (task results, satisfaction, coordination,
 *       discipline) weighted per job-position group (seed 003, I.2).</li>
 * </ul>
 */
public enum SchemeKind {
    /** Quarterly leaders, per-axis KPI (seeds 001, 004). The default when a scheme file names no kind. */
    QUARTERLY_AXES,
    /** Monthly, all staff, (a+b+c)/3 or (a+b+c+d+đ+e)/6 (seed 002; reused for seed 000). */
    MONTHLY,
    /** Indicator groups with weights per job-position group (seed 003). */
    GROUP_WEIGHTED
}
