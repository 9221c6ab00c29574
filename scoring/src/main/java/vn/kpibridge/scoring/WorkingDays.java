package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * Working days of a month, for the eligibility rule of seed 002 I.6 (not rated below 50%).
 *
 * @param required working days of the month by regulation ("số ngày làm việc theo quy định"), &gt; 0
 * @param actual days actually worked (half days allowed), 0..required; unpaid, sick and
 *     maternity leave are not worked days
 */
public record WorkingDays(BigDecimal required, BigDecimal actual) {
    /** @throws IllegalArgumentException when required &lt;= 0 or actual is outside [0, required]. */
    public WorkingDays {
        if (required == null || required.signum() <= 0) {
            throw new IllegalArgumentException("workingDays.required must be > 0");
        }
        if (actual == null || actual.signum() < 0 || actual.compareTo(required) > 0) {
            throw new IllegalArgumentException("workingDays.actual must be in [0, " + required.toPlainString() + "], got " + actual);
        }
    }

    /** @return actual / required, exact to {@link Decimals#MC}. */
    public BigDecimal share() {
        return Decimals.divide(actual, required);
    }
}
