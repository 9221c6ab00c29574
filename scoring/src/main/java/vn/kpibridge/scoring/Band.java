package vn.kpibridge.scoring;

import java.math.BigDecimal;

/**
 * A points band: a score (as displayed, 2 decimals) at or above {@code minPoints} gets
 * {@code rating}, unless a better band also matches.
 *
 * <p>Source: seed 002 V.1 (A >= 90, B 70 to < 90, C 50 to < 70, D < 50); DOMAIN.md 3a, 4.
 *
 * @param rating the rating of the band
 * @param minPoints lower bound, inclusive, in points on the 100-point scale
 */
public record Band(Rating rating, BigDecimal minPoints) {
}
