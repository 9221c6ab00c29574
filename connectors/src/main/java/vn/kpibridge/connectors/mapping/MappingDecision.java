package vn.kpibridge.connectors.mapping;

import java.math.BigDecimal;

/**
 * The outcome of mapping one record: either a product with its rule, catalog version and
 * coefficient, or unmapped with the reason.
 *
 * @param productCode mapped product, null when unmapped
 * @param ruleId rule that matched, null when unmapped
 * @param catalogId catalog the product belongs to
 * @param catalogVersion catalog version in force for the period
 * @param coefficient points / standard points of the product, null when unmapped
 * @param axis axis given by the rule, or null
 * @param unmappedReason why nothing matched, null when mapped
 */
public record MappingDecision(
        String productCode,
        String ruleId,
        String catalogId,
        String catalogVersion,
        BigDecimal coefficient,
        String axis,
        String unmappedReason) {

    /** @return true when a product was found. */
    public boolean mapped() {
        return productCode != null;
    }
}
