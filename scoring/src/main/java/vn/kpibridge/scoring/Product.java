package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One entry of a unit's product catalog ("Danh mục sản phẩm/công việc").
 *
 * @param code stable product code used by mapping rules, e.g. "BTC-05"
 * @param name task/product name as approved, e.g. "Tờ trình về xây dựng, chỉnh đốn Đảng"
 * @param productType kind of output ("Báo cáo", "Tờ trình", "Quyết định/Công văn")
 * @param submissionLevel "cấp trình", the level the product is submitted to
 * @param points "Điểm chấm công việc", points of the product (seed 001 Phụ lục 1 step 3)
 * @param statedCoefficient the coefficient printed in the approved catalog; may disagree with
 *     points / standard points, which {@link Catalog#inconsistencies()} flags
 * @param complexityGroup complexity group 1-5 or null (seed 000, 3.2; at most 5 groups)
 */
public record Product(
        String code,
        String name,
        String productType,
        String submissionLevel,
        BigDecimal points,
        BigDecimal statedCoefficient,
        Integer complexityGroup) {

    /** @throws IllegalArgumentException when code or name is blank or points are not positive. */
    public Product {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(points, "points");
        if (code.isBlank()) {
            throw new IllegalArgumentException("product code is blank");
        }
        if (points.signum() <= 0) {
            throw new IllegalArgumentException("product " + code + ": points must be > 0, got " + points);
        }
        if (complexityGroup != null && (complexityGroup < 1 || complexityGroup > 5)) {
            throw new IllegalArgumentException(
                    "product " + code + ": complexity group must be 1-5 (seed 000, 3.2), got " + complexityGroup);
        }
    }
}
