package vn.kpibridge.connectors.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.kpibridge.connectors.mapping.RuleExplanation.ConditionCheck;
import vn.kpibridge.connectors.mapping.RuleExplanation.Outcome;
import vn.kpibridge.connectors.mapping.RuleExplanation.RuleTrial;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.scoring.Catalog;

/**
 * Maps normalised records to catalog products with ordered rules: first match wins (issue 4,
 * point 6). The decision records the rule id and the catalog version, and {@link #explain} shows
 * an administrator why each record mapped the way it did. {@link #map} and {@link #explain} run
 * the same evaluation; explaining only also records every condition's values. Its rules never
 * change; it is thread-safe (the coefficients of the last few catalogs are kept, see
 * {@link #coefficients}).
 */
public final class ProductRuleEngine {
    /** How many catalog versions {@link #coefficients} keeps (a batch spans one or two periods). */
    private static final int CATALOGS_KEPT = 4;

    private final String rulesFile;
    private final List<ProductRule> rules;
    /** The coefficients of the catalogs last mapped against, newest first; replaced, never changed. */
    private volatile List<Coefficients> coefficients = List.of();

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
        BigDecimal coefficient = coefficients(catalog).get(rule.product());
        if (coefficient == null) {
            return new MappingDecision(null, rule.id(), catalog.id(), catalog.version(), null, null,
                    "rule " + rule.id() + " of " + rulesFile + " names product " + rule.product()
                            + ", which catalog " + catalog.id() + " v" + catalog.version() + " does not have");
        }
        return new MappingDecision(rule.product(), rule.id(), catalog.id(), catalog.version(), coefficient,
                rule.axis(), null);
    }

    /**
     * The conversion coefficient of every product of a catalog ({@link Catalog#coefficient}: points
     * / standard points, seed 001 Phụ lục 1 bước 3), computed once per catalog instance: each
     * mapped record needs one, and the exact division (34 digits) was a tenth of a pull's mapping
     * time. Catalogs are immutable; they are told apart by identity (a record's equality would hash
     * every product on each look-up).
     *
     * @param catalog the catalog version a record maps against
     * @return coefficient per product code of that catalog
     */
    private Map<String, BigDecimal> coefficients(Catalog catalog) {
        List<Coefficients> kept = coefficients;
        for (Coefficients c : kept) {
            if (c.catalog() == catalog) {
                return c.byProduct();
            }
        }
        Map<String, BigDecimal> byProduct = new HashMap<>();
        catalog.products().forEach(p -> byProduct.put(p.code(), catalog.coefficient(p.code())));
        List<Coefficients> next = new ArrayList<>(CATALOGS_KEPT);
        next.add(new Coefficients(catalog, Map.copyOf(byProduct)));
        next.addAll(kept.subList(0, Math.min(kept.size(), CATALOGS_KEPT - 1)));
        coefficients = List.copyOf(next);
        return byProduct;
    }

    private record Coefficients(Catalog catalog, Map<String, BigDecimal> byProduct) {
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
