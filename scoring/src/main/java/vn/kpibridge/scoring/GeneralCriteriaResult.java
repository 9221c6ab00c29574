package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * General-criteria points (max 30) and how they were obtained.
 *
 * @param points points counted, capped at the scheme maximum
 * @param max the scheme maximum
 * @param fromChecklist true when computed from the checklist, false when given as points
 * @param lines the checklist lines (empty when given as points)
 */
public record GeneralCriteriaResult(BigDecimal points, BigDecimal max, boolean fromChecklist, List<CriterionLine> lines) {
    /** Copies the lines. */
    public GeneralCriteriaResult {
        lines = List.copyOf(lines);
    }
}
