package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Result of one axis: its ratios, its KPI and its points.
 *
 * @param code axis code
 * @param name axis name
 * @param maxPoints maximum points of the axis
 * @param plannedConverted sum of P over the axis' items, converted units
 * @param ratios each ratio as a fraction (0.8701... for 87.01%), exact
 * @param kpi mean of the scheme's ratios, uncapped (may exceed 1 for outstanding work; kept for
 *     ranking, seed 001 Phụ lục 2 (i))
 * @param points min(kpi, 1) x maxPoints, exact (DOMAIN.md 4: an axis never exceeds its maximum)
 */
public record AxisResult(
        String code,
        String name,
        BigDecimal maxPoints,
        BigDecimal plannedConverted,
        Map<Ratio, BigDecimal> ratios,
        BigDecimal kpi,
        BigDecimal points) {
}
