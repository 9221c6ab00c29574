package vn.kpibridge.connectors.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.kpibridge.connectors.mapping.RuleExplanation.ConditionCheck;
import vn.kpibridge.connectors.source.NormalizedRecord;

/**
 * One ordered rule of a product rule file: when every condition of {@code when} holds, the record
 * is the given catalog product (issue 4 point 6). A rule without conditions matches every record.
 *
 * <p>Each {@link Condition} reads one value of the record and tests it; the same condition object
 * serves {@link #matches} (mapping) and {@link #check} (explaining), so the two never disagree.
 *
 * @param id rule id, recorded with every decision
 * @param when the conditions, in the order they are explained; all must hold
 * @param product the catalog product code
 * @param axis axis code assigned to the item when the record has none, or null
 */
public record ProductRule(String id, List<Condition<?>> when, String product, String axis) {

    /**
     * Copies the conditions.
     *
     * @param id as the record component id
     * @param when as the record component when; null for none
     * @param product as the record component product
     * @param axis as the record component axis
     */
    public ProductRule {
        when = when == null ? List.of() : List.copyOf(when);
    }

    /**
     * A rule with the conditions of the vertical slice; a null argument is a condition left out.
     *
     * @param id rule id
     * @param recordType required record type ("TASK"), case-insensitive, or null
     * @param productType required product type ("Báo cáo"), case-insensitive, trimmed, or null
     * @param submissionLevel required submission level ("Ban Thường vụ"), case-insensitive, trimmed, or null
     * @param titlePattern regular expression searched in the title, or null
     * @param product catalog product code
     * @param axis axis code, or null
     */
    public ProductRule(String id, String recordType, String productType, String submissionLevel, Pattern titlePattern,
            String product, String axis) {
        this(id, slice(recordType, productType, submissionLevel, titlePattern), product, axis);
    }

    private static List<Condition<?>> slice(String recordType, String productType, String submissionLevel,
            Pattern titlePattern) {
        List<Condition<?>> c = new ArrayList<>();
        if (recordType != null) {
            c.add(textEquals("recordType", recordType, r -> r.type() == null ? null : r.type().name()));
        }
        if (productType != null) {
            c.add(textEquals("productType", productType, NormalizedRecord::productType));
        }
        if (submissionLevel != null) {
            c.add(textEquals("submissionLevel", submissionLevel, NormalizedRecord::submissionLevel));
        }
        if (titlePattern != null) {
            c.add(pattern("titlePattern", titlePattern, NormalizedRecord::title));
        }
        return c;
    }

    /** @return true when every condition holds for the record (stops at the first that does not). */
    public boolean matches(NormalizedRecord r) {
        for (Condition<?> c : when) {
            if (!c.holds(r)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param r the record
     * @return every condition with the record's actual value and whether it holds, in rule order
     *     (all are evaluated, also after a failing one, so an administrator sees each reason)
     */
    public List<ConditionCheck> check(NormalizedRecord r) {
        return when.stream().<ConditionCheck>map(c -> c.check(r)).toList();
    }

    /**
     * One condition of a rule: a value read from the record and a test of it.
     *
     * @param <T> type of the value read (text, or a collection of texts)
     * @param name the condition's key in the rule file, e.g. "productType"
     * @param expected the expected value as the administrator wrote it, e.g. "Báo cáo" or "QĐ, TTr"
     * @param value reads the value from the record; may return null (absent)
     * @param accepts tests the value (null included)
     */
    public record Condition<T>(String name, String expected, Function<NormalizedRecord, T> value,
            Predicate<T> accepts) {

        /** @return true when the condition holds for the record. */
        public boolean holds(NormalizedRecord r) {
            return accepts.test(value.apply(r));
        }

        /** @return the condition's expected value, the record's actual value (text, null when absent) and the outcome. */
        public ConditionCheck check(NormalizedRecord r) {
            T v = value.apply(r);
            return new ConditionCheck(name, expected, show(v), accepts.test(v));
        }

        private static String show(Object v) {
            if (v instanceof Collection<?> c) {
                return c.isEmpty() ? null : String.join(", ", c.stream().map(String::valueOf).toList());
            }
            return v == null ? null : v.toString();
        }
    }

    /**
     * @param name condition key
     * @param expected required text
     * @param value reads the record's text
     * @return a condition holding when the record's text, trimmed, equals {@code expected} ignoring case
     */
    public static Condition<String> textEquals(String name, String expected, Function<NormalizedRecord, String> value) {
        String want = expected.trim();
        return new Condition<>(name, want, value, v -> v != null && want.equalsIgnoreCase(v.trim()));
    }

    /**
     * @param name condition key
     * @param expected accepted texts (any of), compared trimmed and ignoring case
     * @param value reads the record's text
     * @return a condition holding when the record's text is one of {@code expected}
     */
    public static Condition<String> textIn(String name, List<String> expected, Function<NormalizedRecord, String> value) {
        List<String> want = expected.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        return new Condition<>(name, String.join(", ", expected.stream().map(String::trim).toList()), value,
                v -> v != null && want.contains(v.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * @param name condition key
     * @param expected accepted texts (any of), compared trimmed and ignoring case
     * @param values reads the record's texts (never null; empty when it has none)
     * @return a condition holding when at least one of the record's texts is one of {@code expected}
     */
    public static Condition<List<String>> anyOf(String name, List<String> expected,
            Function<NormalizedRecord, List<String>> values) {
        List<String> want = expected.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        return new Condition<>(name, String.join(", ", expected.stream().map(String::trim).toList()), values,
                v -> v != null && v.stream().anyMatch(s -> s != null && want.contains(s.trim().toLowerCase(Locale.ROOT))));
    }

    /**
     * @param name condition key
     * @param pattern regular expression (compiled with the flags the administrator's file implies)
     * @param value reads the record's text
     * @return a condition holding when the pattern is found in the record's text (absent text reads as "")
     */
    public static Condition<String> pattern(String name, Pattern pattern, Function<NormalizedRecord, String> value) {
        return new Condition<>(name, pattern.pattern(), value, v -> pattern.matcher(v == null ? "" : v).find());
    }
}
