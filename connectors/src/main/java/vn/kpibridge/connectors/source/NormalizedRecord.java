package vn.kpibridge.connectors.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.kpibridge.connectors.docsymbol.DocumentSymbol;

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
 * @param sourceId id of the source mapping the record came through, e.g. "qlcv-csv", or null
 *     when built outside a source
 * @param documentSymbol the record's document symbol ("số, ký hiệu") parsed by
 *     {@link vn.kpibridge.connectors.docsymbol.DocumentSymbolParser} (number, year, type
 *     abbreviation, issuer), or null when the record has none
 * @param categoryCodes the record's category codes (mã lĩnh vực / nhóm công việc) in source
 *     order, empty when it has none; never null
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
        String forceMajeure,
        String sourceId,
        DocumentSymbol documentSymbol,
        List<String> categoryCodes) {

    /** Type abbreviation product rules use for a công văn whose symbol has none (state công văn "1234/UBND-KT"). */
    public static final String OFFICIAL_LETTER_ABBREVIATION = "CV";

    /**
     * Copies the category codes.
     *
     * @param recordId as the record component recordId
     * @param version as the record component version
     * @param type as the record component type
     * @param period as the record component period
     * @param assigneeId as the record component assigneeId
     * @param unitId as the record component unitId
     * @param title as the record component title
     * @param productType as the record component productType
     * @param submissionLevel as the record component submissionLevel
     * @param axis as the record component axis
     * @param plannedQuantity as the record component plannedQuantity
     * @param doneQuantity as the record component doneQuantity
     * @param share as the record component share
     * @param dueDate as the record component dueDate
     * @param completedDate as the record component completedDate
     * @param status as the record component status
     * @param qualityFailures as the record component qualityFailures
     * @param lateDeliveries as the record component lateDeliveries
     * @param leadershipFailures as the record component leadershipFailures
     * @param objectiveCause as the record component objectiveCause
     * @param qualityFactor as the record component qualityFactor
     * @param timelinessFactor as the record component timelinessFactor
     * @param leadershipFactor as the record component leadershipFactor
     * @param generalCriteriaPoints as the record component generalCriteriaPoints
     * @param selfProposedRating as the record component selfProposedRating
     * @param forceMajeure as the record component forceMajeure
     * @param sourceId as the record component sourceId
     * @param documentSymbol as the record component documentSymbol
     * @param categoryCodes as the record component categoryCodes; null for none
     */
    public NormalizedRecord {
        categoryCodes = categoryCodes == null ? List.of() : List.copyOf(categoryCodes);
    }

    /**
     * A record without source id, document symbol or category codes (the form before document
     * rules existed); arguments as the record components.
     */
    public NormalizedRecord(String recordId, long version, RecordType type, String period, String assigneeId,
            String unitId, String title, String productType, String submissionLevel, String axis,
            BigDecimal plannedQuantity, BigDecimal doneQuantity, BigDecimal share, LocalDate dueDate,
            LocalDate completedDate, String status, int qualityFailures, int lateDeliveries, int leadershipFailures,
            String objectiveCause, BigDecimal qualityFactor, BigDecimal timelinessFactor, BigDecimal leadershipFactor,
            BigDecimal generalCriteriaPoints, String selfProposedRating, String forceMajeure) {
        this(recordId, version, type, period, assigneeId, unitId, title, productType, submissionLevel, axis,
                plannedQuantity, doneQuantity, share, dueDate, completedDate, status, qualityFailures, lateDeliveries,
                leadershipFailures, objectiveCause, qualityFactor, timelinessFactor, leadershipFactor,
                generalCriteriaPoints, selfProposedRating, forceMajeure, null, null, List.of());
    }

    /**
     * @return the document type abbreviation of the record's symbol as spelt in its table ("QĐ",
     *     "TTr", party "HD", "KL"), {@value #OFFICIAL_LETTER_ABBREVIATION} for a state công văn
     *     (whose symbol carries no abbreviation), or null when the record has no symbol
     */
    public String documentType() {
        if (documentSymbol == null) {
            return null;
        }
        return documentSymbol.typeAbbreviation() != null ? documentSymbol.typeAbbreviation()
                : documentSymbol.isOfficialLetter() ? OFFICIAL_LETTER_ABBREVIATION : null;
    }

    /** @return the issuer of the record's symbol ("UBND", "TU", "BTCTU"), or null when it has no symbol */
    public String issuer() {
        return documentSymbol == null ? null : documentSymbol.issuer();
    }
}
