package vn.kpibridge.connectors.mapping;

import java.util.ArrayList;
import java.util.List;
import vn.kpibridge.connectors.mapping.RuleExplanation.ConditionCheck;
import vn.kpibridge.connectors.mapping.RuleExplanation.Outcome;
import vn.kpibridge.connectors.mapping.RuleExplanation.RuleTrial;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.scoring.Catalog;

/**
 * Maps normalised records to catalog products with ordered rules: first match wins (issue 4,
 * point 6). The decision records the rule id and the catalog version, and {@link #explain} shows
 * an administrator why each record mapped the way it did. {@link #map} and {@link #explain} run
 * the same evaluation; explaining only also records every condition's values. Immutable and
 * thread-safe.
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
        return decide(record, catalog, null);
    }

    /**
     * @param record the normalised record
     * @param catalog the catalog version in force for the record's period
     * @return every rule in order with its conditions' expected and actual values up to the first
     *     match, the later rules marked not tried, and the same decision {@link #map} gives
     */
    public RuleExplanation explain(NormalizedRecord record, Catalog catalog) {
        List<RuleTrial> trials = new ArrayList<>();
        MappingDecision decision = decide(record, catalog, trials);
        return new RuleExplanation(rulesFile, record.recordId(), trials, decision);
    }

    /**
     * The one evaluation behind {@link #map} and {@link #explain}.
     *
     * @param trials null to decide only; else receives each rule's trial
     */
    private MappingDecision decide(NormalizedRecord record, Catalog catalog, List<RuleTrial> trials) {
        for (int i = 0; i < rules.size(); i++) {
            ProductRule rule = rules.get(i);
            boolean matched;
            if (trials == null) {
                matched = rule.matches(record);
            } else {
                List<ConditionCheck> checks = rule.check(record);
                matched = checks.stream().allMatch(ConditionCheck::passed);
                trials.add(new RuleTrial(i + 1, rule.id(), rule.product(),
                        matched ? Outcome.MATCHED : Outcome.NOT_MATCHED, checks));
            }
            if (matched) {
                if (trials != null) {
                    for (int j = i + 1; j < rules.size(); j++) {
                        ProductRule later = rules.get(j);
                        trials.add(new RuleTrial(j + 1, later.id(), later.product(), Outcome.NOT_TRIED, List.of()));
                    }
                }
                return decision(rule, catalog);
            }
        }
        return new MappingDecision(null, null, catalog.id(), catalog.version(), null, null,
                "no rule of " + rulesFile + " matched (" + rules.size() + " rules tried; title \"" + record.title()
                        + "\", product type \"" + record.productType() + "\")");
    }

    private MappingDecision decision(ProductRule rule, Catalog catalog) {
        if (catalog.product(rule.product()).isEmpty()) {
            return new MappingDecision(null, rule.id(), catalog.id(), catalog.version(), null, null,
                    "rule " + rule.id() + " of " + rulesFile + " names product " + rule.product()
                            + ", which catalog " + catalog.id() + " v" + catalog.version() + " does not have");
        }
        return new MappingDecision(rule.product(), rule.id(), catalog.id(), catalog.version(),
                catalog.coefficient(rule.product()), rule.axis(), null);
    }

    /** @return the file the rules came from, e.g. "ban-to-chuc-tinh-uy.yml". */
    public String rulesFile() {
        return rulesFile;
    }

    /** @return the rules in order. */
    public List<ProductRule> rules() {
        return rules;
    }
}
