package vn.kpibridge.scoring;

/**
 * An indicator group of a {@link SchemeKind#GROUP_WEIGHTED} scheme (seed 003 I.2: "(i) Kết quả thực
 * hiện nhiệm vụ; (ii) Mức độ hài lòng...; (iii) Năng lực phối hợp; (iv) Kỷ luật, kỷ cương công vụ").
 *
 * @param code group code used by position-group weights and employee inputs, e.g. "KQ"
 * @param name Vietnamese name
 * @param measure how the group's value is obtained; exactly one group of a scheme uses
 *     {@link IndicatorMeasure#TASK_RATIOS}
 */
public record IndicatorGroup(String code, String name, IndicatorMeasure measure) {
    /** @throws IllegalArgumentException when code or measure is missing. */
    public IndicatorGroup {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("indicator group without code");
        }
        if (measure == null) {
            throw new IllegalArgumentException("indicator group " + code + ": measure is missing (TASK_RATIOS or INPUT)");
        }
    }
}
