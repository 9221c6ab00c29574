package vn.kpibridge.connectors.source;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A source record normalised to the fields kpi-bridge understands, whatever system it came from.
 * Absent optional fields are null. Quantities are in product units, factors are plain numbers
 * (1.0 = as planned), points are on the 100-point scale.
 *
 * @param recordId the source's id of the record
 * @param version record version at the source (a new version replaces an old one)
 * @param type TASK or ASSESSMENT
 * @param period period code, "2026-Q2" or "2026-06"
 * @param assigneeId source user id of the employee
 * @param unitId source unit id
 * @param title task title (TASK)
 * @param productType product kind hint ("Báo cáo", "Tờ trình") (TASK)
 * @param submissionLevel "cấp trình" (TASK)
 * @param axis result axis code, or null (TASK)
 * @param plannedQuantity planned quantity (TASK)
 * @param doneQuantity delivered quantity (TASK)
 * @param share share of the product, null for 1 (TASK)
 * @param dueDate due date, or null
 * @param completedDate completion date, or null
 * @param status source status after the value map, or null
 * @param qualityFailures failed quality reviews (TASK)
 * @param lateDeliveries late deliveries (TASK)
 * @param leadershipFailures leadership shortfalls (TASK)
 * @param objectiveCause confirmed objective cause, or null (TASK)
 * @param qualityFactor reviewer-set quality factor, or null (TASK)
 * @param timelinessFactor reviewer-set timeliness factor, or null (TASK)
 * @param leadershipFactor reviewer-set leadership factor, or null (TASK)
 * @param generalCriteriaPoints general criteria points (ASSESSMENT)
 * @param selfProposedRating self-proposed rating code, e.g. "EXCELLENT" (ASSESSMENT)
 * @param forceMajeure confirmed force majeure reason, or null (ASSESSMENT)
 */
public record NormalizedRecord(
        String recordId,
        long version,
        RecordType type,
        String period,
        String assigneeId,
        String unitId,
        String title,
        String productType,
        String submissionLevel,
        String axis,
        BigDecimal plannedQuantity,
        BigDecimal doneQuantity,
        BigDecimal share,
        LocalDate dueDate,
        LocalDate completedDate,
        String status,
        int qualityFailures,
        int lateDeliveries,
        int leadershipFailures,
        String objectiveCause,
        BigDecimal qualityFactor,
        BigDecimal timelinessFactor,
        BigDecimal leadershipFactor,
        BigDecimal generalCriteriaPoints,
        String selfProposedRating,
        String forceMajeure) {
}
