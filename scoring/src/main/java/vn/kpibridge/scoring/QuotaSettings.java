package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * Settings of the EXCELLENT quota (seed 002 II.2 (5); seeds 001 §6.1 and 004 §6.2 for the rounding
 * and the head). Applied only when the scheme enables {@link RuleCode#EXCELLENT_QUOTA}.
 *
 * @param rate share of the base that may be EXCELLENT, a fraction (0.20 for 20%); default 0.20
 * @param maxRate highest rate the approving authority may grant an outstanding unit (0.25); default
 *     0.25; a unit's own rate ({@link OrgUnit#excellentRate()}) may not exceed it
 * @param reading which employees form the base; default {@link QuotaReading#GOOD_OR_BETTER}
 */
public record QuotaSettings(BigDecimal rate, BigDecimal maxRate, QuotaReading reading) {
    /** 20%, seed 002 II.2 (5) a. */
    public static final BigDecimal DEFAULT_RATE = new BigDecimal("0.20");
    /** 25%, seed 002 II.2 (5) b. */
    public static final BigDecimal DEFAULT_MAX_RATE = new BigDecimal("0.25");
    /** The settings of seed 002: 20%, up to 25%, GOOD_OR_BETTER. */
    public static final QuotaSettings DEFAULT = new QuotaSettings(null, null, null);

    /**
     * Fills defaults for null components.
     *
     * @throws IllegalArgumentException when a rate is outside (0, 1] or rate &gt; maxRate
     */
    public QuotaSettings {
        rate = rate == null ? DEFAULT_RATE : rate;
        maxRate = maxRate == null ? Decimals.max(DEFAULT_MAX_RATE, rate) : maxRate;
        reading = reading == null ? QuotaReading.GOOD_OR_BETTER : reading;
        if (rate.signum() <= 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("quota.rate must be in (0, 1], got " + rate.toPlainString());
        }
        if (maxRate.compareTo(rate) < 0 || maxRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("quota.maxRate must be in [rate, 1], got " + maxRate.toPlainString());
        }
    }
}
