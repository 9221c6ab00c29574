package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * One line of the general-criteria checklist as assessed (seed 001 Mẫu 03 part A).
 *
 * @param code item code, e.g. "1.1"
 * @param name item name
 * @param maxPoints points of the item
 * @param met true when "Đảm bảo"
 * @param points maxPoints when met, else 0
 */
public record CriterionLine(String code, String name, BigDecimal maxPoints, boolean met, BigDecimal points) {
}
