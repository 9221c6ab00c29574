package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * Vietnamese number formatting for explanations and reasons: decimal comma, half-up rounding to 2
 * decimals only for display (DOMAIN.md 4).
 */
public final class Texts {
    private Texts() {
    }

    /** @return points rounded half-up to 2 decimals with a decimal comma: "91,93". */
    public static String points(BigDecimal value) {
        return Decimals.display(value).toPlainString().replace('.', ',');
    }

    /** @return a ratio as a percentage with 2 decimals and a decimal comma: 0.87012987 -&gt; "87,01%". */
    public static String percent(BigDecimal ratio) {
        return Decimals.percent(ratio).toPlainString().replace('.', ',') + "%";
    }

    /** @return an exact value without trailing zeros and with a decimal comma: 7.70 -&gt; "7,7". */
    public static String exact(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** @return the rating's Vietnamese label in quotes, or "(chưa xếp loại)" for null. */
    public static String rating(Rating rating) {
        return rating == null ? "(chưa xếp loại)" : "\"" + rating.label() + "\"";
    }
}
