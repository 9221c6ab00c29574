package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Exact-decimal helpers. All arithmetic runs in {@link #MC} (34 significant digits); rounding
 * to 2 decimals half-up happens only for display.
 *
 * <p>Source: DOMAIN.md section 4 ("Compute with exact decimals; round only for display").
 */
public final class Decimals {
    /** Working precision of every division in the scoring library. */
    public static final MathContext MC = MathContext.DECIMAL128;
    /** 100, for percentages. */
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    /**
     * @return {@code a / b} in {@link #MC}; {@code BigDecimal.ZERO} when {@code b} is zero
     *     (an empty plan has no ratio to speak of; callers decide what that means).
     */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return a.divide(b, MC);
    }

    /** @return {@code value} rounded half-up to 2 decimals: the display form of points. */
    public static BigDecimal display(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** @return a ratio (0.8701...) as a percentage rounded half-up to 2 decimals (87.01). */
    public static BigDecimal percent(BigDecimal ratio) {
        return ratio.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** @return the smaller of the two values. */
    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** @return the larger of the two values. */
    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
