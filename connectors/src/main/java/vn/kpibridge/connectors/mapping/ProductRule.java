package vn.kpibridge.connectors.mapping;

import java.util.regex.Pattern;
import vn.kpibridge.connectors.source.NormalizedRecord;

/**
 * One ordered rule of a product rule file: when every given condition holds, the record is the
 * given catalog product. Absent conditions always hold.
 *
 * @param id rule id, recorded with every decision
 * @param recordType required record type ("TASK"), or null
 * @param productType required product type, case-insensitive ("Báo cáo"), or null
 * @param submissionLevel required submission level, case-insensitive, or null
 * @param titlePattern regular expression searched in the title (case-insensitive, Unicode), or null
 * @param product the catalog product code
 * @param axis axis code assigned to the item when the record has none, or null
 */
public record ProductRule(
        String id,
        String recordType,
        String productType,
        String submissionLevel,
        Pattern titlePattern,
        String product,
        String axis) {

    /** @return true when every condition of this rule holds for the record. */
    public boolean matches(NormalizedRecord r) {
        return (recordType == null || recordType.equalsIgnoreCase(r.type().name()))
                && (productType == null || productType.equalsIgnoreCase(nullToEmpty(r.productType()).trim()))
                && (submissionLevel == null || submissionLevel.equalsIgnoreCase(nullToEmpty(r.submissionLevel()).trim()))
                && (titlePattern == null || titlePattern.matcher(nullToEmpty(r.title())).find());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
