package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * The EXCELLENT quota of one unit and group of similar duties: the proposal the system makes; the
 * approving authority decides (DOMAIN.md 3a).
 *
 * @param unitCode unit
 * @param dutyGroup group of similar duties ("" for the whole unit)
 * @param reading the reading of "20% of the number rated GOOD" used
 * @param rate the rate applied (scheme rate, or the unit's granted rate up to the maximum)
 * @param good employees (head excluded) whose pre-quota rating is GOOD
 * @param candidates EXCELLENT candidates (head excluded), highest displayed score first
 * @param base the base of the reading (GOOD_OR_BETTER: good + candidates; GOOD_ONLY: finally GOOD)
 * @param exactCap rate x base before rounding
 * @param cap round-half-up(rate x base) (seeds 001 §6.1, 004 §6.2), at most the number of candidates
 * @param proposedForGood candidates proposed for GOOD, lowest score first
 * @param tiedAtCap candidates tied at the cap boundary; the authority moves {@code toChooseFromTie}
 *     of them to GOOD
 * @param toChooseFromTie how many of {@code tiedAtCap} must move to GOOD
 * @param reason Vietnamese explanation with every figure
 */
public record QuotaOutcome(
        String unitCode,
        String dutyGroup,
        QuotaReading reading,
        BigDecimal rate,
        int good,
        List<String> candidates,
        int base,
        BigDecimal exactCap,
        int cap,
        List<String> proposedForGood,
        List<String> tiedAtCap,
        int toChooseFromTie,
        String reason) {

    /** Copies the lists. */
    public QuotaOutcome {
        candidates = List.copyOf(candidates);
        proposedForGood = List.copyOf(proposedForGood);
        tiedAtCap = List.copyOf(tiedAtCap);
    }
}
