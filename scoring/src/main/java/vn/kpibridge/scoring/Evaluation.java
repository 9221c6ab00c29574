package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scored result of one employee for one period, with its explanation.
 *
 * @param employeeId employee code
 * @param fullName "Họ và tên"
 * @param position "Chức vụ"
 * @param unitCode unit
 * @param schemeId scheme applied
 * @param generalPoints general-criteria points (capped at the scheme maximum)
 * @param taskPoints task-performance points, exact, capped at the scheme maximum
 * @param totalPoints general + task, exact
 * @param displayedTotal total rounded half-up to 2 decimals; bands apply to this (DOMAIN.md 4)
 * @param quantityRatio overall quantity ratio over all items (used by the "< 100%" rule)
 * @param axes per-axis results
 * @param items per-item table (seed 001 "Bảng 2")
 * @param pointsBand the band the displayed total falls in
 * @param proposedRating the rating proposed to the approving authority after the rules
 * @param selfProposedRating the employee's own proposal, or null
 * @param rulesFired rules that fired, in order
 */
public record Evaluation(
        String employeeId,
        String fullName,
        String position,
        String unitCode,
        String schemeId,
        BigDecimal generalPoints,
        BigDecimal taskPoints,
        BigDecimal totalPoints,
        BigDecimal displayedTotal,
        BigDecimal quantityRatio,
        List<AxisResult> axes,
        List<ItemCredit> items,
        Rating pointsBand,
        Rating proposedRating,
        Rating selfProposedRating,
        List<FiredRule> rulesFired) {
}
