package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A unit ("cơ quan, đơn vị") of the org tree, with the unit-level inputs of the period.
 *
 * @param code unit code; employees name it in {@link EmployeeInput#unitCode()}
 * @param name unit name
 * @param parentCode code of the parent unit, or null for a root
 * @param collectiveCompletion share (fraction, 0.65 = 65%) of the tasks and targets assigned to the
 *     collective that it completed in the period, excluding those missed by confirmed force majeure
 *     (seed 001 §6.3); null when not assessed (the collective rule then does not fire)
 * @param excellentRate EXCELLENT rate granted to this unit by the approving authority for
 *     outstanding results (seed 002 II.2 (5) b), at most the scheme's {@link QuotaSettings#maxRate()};
 *     null means the scheme's rate
 * @param excellentRateDecision the authority's decision granting {@code excellentRate}, for the
 *     explanation; may be null
 */
public record OrgUnit(String code, String name, String parentCode, BigDecimal collectiveCompletion, BigDecimal excellentRate,
        String excellentRateDecision) {

    /** @throws IllegalArgumentException on a blank code, a unit that is its own parent, or a share outside [0, 1]. */
    public OrgUnit {
        Objects.requireNonNull(code, "unit code");
        if (code.isBlank()) {
            throw new IllegalArgumentException("unit code is blank");
        }
        if (parentCode != null && parentCode.isBlank()) {
            parentCode = null;
        }
        if (code.equals(parentCode)) {
            throw new IllegalArgumentException("unit " + code + " is its own parent");
        }
        if (collectiveCompletion != null && (collectiveCompletion.signum() < 0 || collectiveCompletion.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("unit " + code + ": collectiveCompletion must be in [0, 1], got " + collectiveCompletion);
        }
        if (excellentRate != null && (excellentRate.signum() <= 0 || excellentRate.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("unit " + code + ": excellentRate must be in (0, 1], got " + excellentRate);
        }
    }

    /** @return a unit with no period inputs. */
    public static OrgUnit of(String code, String name, String parentCode) {
        return new OrgUnit(code, name, parentCode, null, null, null);
    }
}
