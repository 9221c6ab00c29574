package vn.kpibridge.scoring;

/**
 * An employee's place in the EXCELLENT quota of their group.
 *
 * @param status within cap, proposed for GOOD, tied at the cap, or head not counted
 * @param unitCode unit of the quota group
 * @param dutyGroup group of similar duties ("" for the whole unit)
 * @param reason Vietnamese reason with the figures (base, rate, cap, rank)
 */
public record QuotaMark(QuotaStatus status, String unitCode, String dutyGroup, String reason) {
}
