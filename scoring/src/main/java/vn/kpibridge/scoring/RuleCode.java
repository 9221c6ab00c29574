package vn.kpibridge.scoring;

/**
 * Rules over the points that a scheme may enable (its {@code rules} list), plus notes the engine
 * always adds when they apply. Each names its source. An unknown code in a scheme file is rejected
 * at load.
 */
public enum RuleCode {
    /**
     * Completing less than 100% of the assigned tasks in the quarter gives NOT_COMPLETED unless
     * force majeure is confirmed, with its reason (seed 001 §6.1; seed 004 §6.2; DOMAIN.md 3c).
     */
    TASKS_BELOW_100_PERCENT("Hoàn thành dưới 100% nhiệm vụ được giao"),
    /**
     * The scheme caps each axis and the task block at its maximum (DOMAIN.md 4, "thang điểm 100").
     * Always applied; listing it documents the cap.
     */
    POINTS_CAPPED("Điểm không vượt quá điểm tối đa"),
    /**
     * A collective completing less than the scheme's threshold (70%) of its assigned tasks makes its
     * head NOT_COMPLETED and bars its deputies and members from EXCELLENT (seed 001 §6.3; seed 004
     * §5.3). The unit's completion ratio ({@link OrgUnit#collectiveCompletion()}) excludes tasks
     * missed by confirmed force majeure, as the seeds require.
     */
    COLLECTIVE_BELOW_70_PERCENT("Tập thể hoàn thành dưới 70% nhiệm vụ"),
    /**
     * A discipline or political-ethics violation found in the period forces NOT_COMPLETED whatever
     * the points (Decree 335/2025/NĐ-CP, cited by seeds 002 and 003; DOMAIN.md 3a).
     */
    DISCIPLINE_VIOLATION("Vi phạm kỷ luật, đạo đức công vụ"),
    /**
     * Eligibility: actual working days below the scheme's share (50%) of the month's working days:
     * not rated (seed 002 I.6). Above it, rated on the days actually worked.
     */
    WORKING_DAYS_BELOW_HALF("Thời gian làm việc thực tế dưới 50%"),
    /**
     * Eligibility: deferred to the next quarter (seed 001 §7 d; seed 004 §6.1 b): training &gt;= 2
     * months in the quarter, first appointed &lt; 1 month in the quarter, sick or maternity leave
     * &gt;= 2 months, under investigation.
     */
    QUARTERLY_DEFERRAL("Chuyển xem xét sang quý tiếp theo"),
    /**
     * Flags full general-criteria marks given despite tasks not completed for subjective reasons,
     * repeated late deliveries (&gt;= 2), major rework or a discipline violation (seed 000, 2.1). Flag
     * only: the reviewer decides.
     */
    GENERAL_CRITERIA_REVIEW("Xem xét lại điểm tiêu chí chung"),
    /**
     * The EXCELLENT quota per unit and group of similar duties (seed 002 II.2 (5); seeds 001 §6.1,
     * 004 §6.2; settings in {@link Scheme#quota()}).
     */
    EXCELLENT_QUOTA("Tỷ lệ Hoàn thành xuất sắc nhiệm vụ"),
    /** Note, always on: the work plan has no planned converted quantity, so there is no task ratio. */
    NO_PLANNED_WORK("Không có nhiệm vụ trong kế hoạch"),
    /**
     * Note, always on: a leader's đ or e (seed 002 III.4.2) had no reviewer input and was taken as
     * 100%.
     */
    LEADER_INPUT_DEFAULTED("Chưa có nhận xét tiêu chí đ, e"),
    /** Year roll-up: one NOT_COMPLETED quarter bars EXCELLENT for the year (seed 001 §5; seed 004 §6.3). */
    YEAR_EXCELLENT_BARRED("Không xếp loại xuất sắc cả năm"),
    /**
     * Year roll-up: NOT_COMPLETED in 2 or more consecutive quarters: replace the leader at once (seed
     * 001 §5; seed 004 §6.3).
     */
    REPLACEMENT_REQUIRED("Thay thế cán bộ");

    private final String label;

    RuleCode(String label) {
        this.label = label;
    }

    /** @return the Vietnamese label printed in reports. */
    public String label() {
        return label;
    }
}
