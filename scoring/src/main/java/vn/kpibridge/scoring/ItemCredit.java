package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * One row of the per-item KPI table (seed 001 Phụ lục 2, "Bảng 2"): plan, converted quantities
 * and each credit, all in converted units (product units x coefficient x share).
 *
 * @param itemId work item id
 * @param title task title
 * @param productCode catalog product
 * @param axisCode axis the item counts toward
 * @param plannedQuantity "Số lượng" planned, product units
 * @param coefficient "Hệ số quy đổi"
 * @param share share of the product credited to the employee
 * @param plannedConverted "Số lượng quy đổi" P = planned x coefficient x share
 * @param doneQuantity delivered quantity, product units ("Thực tế hoàn thành")
 * @param quantityCredit min(done, planned) x coefficient x share
 * @param qualityFactor applied quality factor (after deductions and cap)
 * @param qualityCredit done converted x quality factor
 * @param timelinessFactor applied timeliness factor
 * @param timelinessCredit done converted x timeliness factor
 * @param leadershipFactor applied leadership factor
 * @param leadershipCredit done converted x leadership factor
 */
public record ItemCredit(
        String itemId,
        String title,
        String productCode,
        String axisCode,
        BigDecimal plannedQuantity,
        BigDecimal coefficient,
        BigDecimal share,
        BigDecimal plannedConverted,
        BigDecimal doneQuantity,
        BigDecimal quantityCredit,
        BigDecimal qualityFactor,
        BigDecimal qualityCredit,
        BigDecimal timelinessFactor,
        BigDecimal timelinessCredit,
        BigDecimal leadershipFactor,
        BigDecimal leadershipCredit) {

    /** @return the credit of the given ratio. */
    public BigDecimal credit(Ratio ratio) {
        return switch (ratio) {
            case QUANTITY -> quantityCredit;
            case QUALITY -> qualityCredit;
            case TIMELINESS -> timelinessCredit;
            case LEADERSHIP -> leadershipCredit;
        };
    }
}
