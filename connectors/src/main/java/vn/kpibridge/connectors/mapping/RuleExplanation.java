package vn.kpibridge.connectors.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a record mapped the way it did (issue 4 point 9, "mappings explain"): the rules of the rule
 * file in order, each with its conditions checked against the record, and the final decision.
 * First match wins, so the rules after the matching one are listed as {@link Outcome#NOT_TRIED}
 * with no condition checks.
 *
 * @param rulesFile the rule file the rules came from, e.g. "ban-to-chuc-tinh-uy.yml"
 * @param recordId the record's id at its source
 * @param rules every rule of the file in order, with its outcome
 * @param decision the decision {@link ProductRuleEngine#map} gives for the same record and catalog
 */
public record RuleExplanation(String rulesFile, String recordId, List<RuleTrial> rules, MappingDecision decision) {

    /**
     * Copies the list.
     *
     * @param rulesFile as the record component rulesFile
     * @param recordId as the record component recordId
     * @param rules as the record component rules
     * @param decision as the record component decision
     */
    public RuleExplanation {
        rules = List.copyOf(rules);
    }

    /** What became of one rule. */
    public enum Outcome {
        /** Every condition held: this rule decided the product. */
        MATCHED,
        /** At least one condition failed; the next rule was tried. */
        NOT_MATCHED,
        /** An earlier rule matched, so this one was not evaluated. */
        NOT_TRIED
    }

    /**
     * One rule as tried against the record.
     *
     * @param position 1-based position of the rule in its file
     * @param ruleId the rule id
     * @param product the product the rule gives
     * @param outcome matched, not matched or not tried
     * @param conditions each condition with expected and actual values (empty when not tried, or
     *     when the rule has no conditions)
     */
    public record RuleTrial(int position, String ruleId, String product, Outcome outcome,
            List<ConditionCheck> conditions) {

        /**
         * Copies the list.
         *
         * @param position as the record component position
         * @param ruleId as the record component ruleId
         * @param product as the record component product
         * @param outcome as the record component outcome
         * @param conditions as the record component conditions
         */
        public RuleTrial {
            conditions = List.copyOf(conditions);
        }

        /** @return true when this rule decided the product. */
        public boolean matched() {
            return outcome == Outcome.MATCHED;
        }
    }

    /**
     * One condition of a rule checked against the record.
     *
     * @param condition the condition's key in the rule file, e.g. "titlePattern"
     * @param expected the value the rule requires, as written (a list as "QĐ, TTr")
     * @param actual the record's value (a list as "LV01, LV02"), or null when the record has none
     * @param passed whether the condition held
     */
    public record ConditionCheck(String condition, String expected, String actual, boolean passed) {
    }

    /** @return the rule that matched, if any. */
    public java.util.Optional<RuleTrial> matchedRule() {
        return rules.stream().filter(RuleTrial::matched).findFirst();
    }

    /**
     * The explanation as lines for an administrator, in Vietnamese, e.g.
     * <pre>
     * Bản ghi CV-2026-0413, tệp quy tắc ban-to-chuc-tinh-uy.yml:
     * 1. R01-bc-to-chuc-co-so-dang (BTC-03): không khớp
     *    - recordType: cần "TASK", bản ghi có "TASK": đạt
     *    - productType: cần "Báo cáo", bản ghi có "Tờ trình": không đạt
     * ...
     * Kết quả: sản phẩm BTC-07 theo quy tắc R08-tt-cong-tac-can-bo, danh mục ban-to-chuc-tinh-uy v2026.1, hệ số 1
     * </pre>
     *
     * @return the lines, without line separators
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Bản ghi " + recordId + ", tệp quy tắc " + rulesFile + ":");
        for (RuleTrial t : rules) {
            String outcome = switch (t.outcome()) {
                case MATCHED -> "khớp";
                case NOT_MATCHED -> "không khớp";
                case NOT_TRIED -> "không xét (đã có quy tắc khớp trước)";
            };
            out.add(t.position() + ". " + t.ruleId() + " (" + t.product() + "): " + outcome);
            if (t.outcome() != Outcome.NOT_TRIED && t.conditions().isEmpty()) {
                out.add("   - không có điều kiện: luôn khớp");
            }
            for (ConditionCheck c : t.conditions()) {
                out.add("   - " + c.condition() + ": cần \"" + c.expected() + "\", bản ghi có "
                        + (c.actual() == null ? "(trống)" : "\"" + c.actual() + "\"") + ": "
                        + (c.passed() ? "đạt" : "không đạt"));
            }
        }
        out.add(decision.mapped()
                ? "Kết quả: sản phẩm " + decision.productCode() + " theo quy tắc " + decision.ruleId() + ", danh mục "
                        + decision.catalogId() + " v" + decision.catalogVersion() + ", hệ số "
                        + decision.coefficient().stripTrailingZeros().toPlainString()
                : "Kết quả: không ánh xạ được: " + decision.unmappedReason());
        return out;
    }
}
