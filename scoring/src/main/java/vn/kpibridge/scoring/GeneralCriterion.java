package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * One all-or-nothing item of the general-criteria checklist (seed 001 Mẫu 03 part A; seed 004 "Bản
 * tự đánh giá" part A): full points when met ("Đảm bảo"), 0 otherwise ("Không đảm bảo").
 *
 * @param code item code, e.g. "1.1"
 * @param name short Vietnamese name of the item
 * @param points points when met (2 for 1.1-1.9 and 3.1-3.4, 1 for 2.1-2.4 in Mẫu 03)
 */
public record GeneralCriterion(String code, String name, BigDecimal points) {
    /** @throws IllegalArgumentException when the code is blank or points are not positive. */
    public GeneralCriterion {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("general criterion without code");
        }
        if (points == null || points.signum() <= 0) {
            throw new IllegalArgumentException("general criterion " + code + ": points must be > 0");
        }
    }
}
