package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * A result axis ("Trục kết quả") of a quarterly scheme, or the single task-performance block of a
 * monthly one.
 *
 * @param code axis code as used in work plans ("1".."6")
 * @param name Vietnamese name of the axis
 * @param maxPoints maximum points of the axis; the axes of a scheme sum to the task maximum (70)
 */
public record Axis(String code, String name, BigDecimal maxPoints) {
}
