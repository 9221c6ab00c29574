package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One assigned item of an employee's work plan for a period, already mapped to a catalog product.
 *
 * <p>Planned converted quantity P = planned quantity x coefficient x share (DOMAIN.md 2; seed 001
 * Phụ lục 2 "Số lượng quy đổi"; share "tỷ trọng" from seed 000 3.2 d).
 *
 * @param id source record id, e.g. "CV-2026-Q2-001"
 * @param title task title as assigned
 * @param productCode catalog product code
 * @param axisCode result axis code of the scheme ("1".."6"), or null for single-axis schemes
 * @param coefficient conversion coefficient of the product (catalog version in force)
 * @param share share of the product credited to this employee, 0 < share <= 1 (1 when alone)
 * @param plannedQuantity planned quantity in product units (>= 0)
 * @param doneQuantity delivered quantity in product units (>= 0)
 * @param review reviewer outcome; {@link ItemReview#NONE} when none
 */
public record WorkItem(
        String id,
        String title,
        String productCode,
        String axisCode,
        BigDecimal coefficient,
        BigDecimal share,
        BigDecimal plannedQuantity,
        BigDecimal doneQuantity,
        ItemReview review) {

    /** @throws IllegalArgumentException on negative quantities, share outside (0, 1], coefficient <= 0. */
    public WorkItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(coefficient, "coefficient");
        share = share == null ? BigDecimal.ONE : share;
        review = review == null ? ItemReview.NONE : review;
        Objects.requireNonNull(plannedQuantity, "plannedQuantity");
        Objects.requireNonNull(doneQuantity, "doneQuantity");
        if (plannedQuantity.signum() < 0) {
            throw new IllegalArgumentException("item " + id + ": planned quantity must be >= 0, got " + plannedQuantity);
        }
        if (doneQuantity.signum() < 0) {
            throw new IllegalArgumentException("item " + id + ": done quantity must be >= 0, got " + doneQuantity);
        }
        if (coefficient.signum() <= 0) {
            throw new IllegalArgumentException("item " + id + ": coefficient must be > 0, got " + coefficient);
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("item " + id + ": share must be in (0, 1], got " + share);
        }
    }

    /** @return P = planned quantity x coefficient x share, in converted units. */
    public BigDecimal plannedConverted() {
        return plannedQuantity.multiply(coefficient).multiply(share);
    }
}
