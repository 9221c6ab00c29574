package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job-position group of a {@link SchemeKind#GROUP_WEIGHTED} scheme with its indicator-group
 * weights (seed 003 I.2: "áp dụng ... theo nhóm vị trí việc làm ... không áp dụng cơ học một bộ chỉ
 * số chung cho mọi đối tượng").
 *
 * @param code position-group code, named by {@link EvaluationSubject#positionGroup()}
 * @param name Vietnamese name
 * @param weights points per indicator-group code; they sum to the scheme's task maximum (70); a group
 *     with 0 (or absent) does not apply to the position
 */
public record PositionGroup(String code, String name, Map<String, BigDecimal> weights) {
    /** @throws IllegalArgumentException when the code is blank, weights are missing or negative. */
    public PositionGroup {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("position group without code");
        }
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("position group " + code + ": no weights");
        }
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            if (w.getValue() == null || w.getValue().signum() < 0) {
                throw new IllegalArgumentException("position group " + code + ": weight of " + w.getKey() + " must be >= 0");
            }
        }
    }

    /** @return the weight of an indicator group, 0 when absent. */
    public BigDecimal weight(String groupCode) {
        return weights.getOrDefault(groupCode, BigDecimal.ZERO);
    }
}
