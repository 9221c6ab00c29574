package vn.kpibridge.scoring;

/** How the value of an indicator group of a {@link SchemeKind#GROUP_WEIGHTED} scheme is obtained. */
public enum IndicatorMeasure {
    /** Mean of the scheme's ratios over the employee's work items (task results, seed 003 (i)). */
    TASK_RATIOS,
    /**
     * A fraction supplied per employee in {@link EvaluationSubject#indicatorValues()} (satisfaction
     * surveys, coordination and discipline assessments: seed 003 (ii)-(iv)).
     */
    INPUT
}
