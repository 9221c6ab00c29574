package vn.kpibridge.connectors.mapping;

import java.util.List;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.scoring.Catalog;

/**
 * Maps normalised records to catalog products with ordered rules: first match wins (issue 4,
 * point 6). The decision records the rule id and the catalog version, so an administrator can
 * see why each record mapped the way it did.
 */
public final class ProductRuleEngine {
    private final String rulesFile;
    private final List<ProductRule> rules;

    /**
     * @param rulesFile file the rules came from, named in unmapped reasons
     * @param rules rules in priority order
     */
    public ProductRuleEngine(String rulesFile, List<ProductRule> rules) {
        this.rulesFile = rulesFile;
        this.rules = List.copyOf(rules);
    }

    /**
     * @param record the normalised record (type TASK)
     * @param catalog the catalog version in force for the record's period
     * @return a mapped decision, or an unmapped one with the reason (no rule matched, or the rule
     *     names a product that the catalog version lacks)
     */
    public MappingDecision map(NormalizedRecord record, Catalog catalog) {
        for (ProductRule rule : rules) {
            if (rule.matches(record)) {
                if (catalog.product(rule.product()).isEmpty()) {
                    return new MappingDecision(null, rule.id(), catalog.id(), catalog.version(), null, null,
                            "rule " + rule.id() + " of " + rulesFile + " names product " + rule.product()
                                    + ", which catalog " + catalog.id() + " v" + catalog.version() + " does not have");
                }
                return new MappingDecision(rule.product(), rule.id(), catalog.id(), catalog.version(),
                        catalog.coefficient(rule.product()), rule.axis(), null);
            }
        }
        return new MappingDecision(null, null, catalog.id(), catalog.version(), null, null,
                "no rule of " + rulesFile + " matched (" + rules.size() + " rules tried; title \"" + record.title()
                        + "\", product type \"" + record.productType() + "\")");
    }

    /** @return the rules in order. */
    public List<ProductRule> rules() {
        return rules;
    }
}
