package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * The value of one leader term for one leader, with why.
 *
 * @param term d, đ or e
 * @param value a fraction: 1 (100%) or the scheme's reduced value (0.5)
 * @param reason Vietnamese explanation: which subordinates fell below COMPLETED, or the
 *     reviewer's note
 */
public record LeaderTermValue(LeaderTerm term, BigDecimal value, String reason) {
}
