package vn.kpibridge.connectors.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.kpibridge.scoring.Eligibility;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.GeneralCriteriaResult;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.QuotaOutcome;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.UnitOutcome;

/**
 * Everything the report forms of one unit and period print: the unit, the period, the scheme the
 * employees were scored with, every employee's result in print order, and the EXCELLENT quota
 * outcome per group of similar duties.
 *
 * <p>Built by the application from the stored evaluations (then each result has eligibility RATED,
 * no leader terms, general criteria as points, no quota mark, and its final proposed rating equal
 * to the evaluation's proposed rating: {@link #rated}), or from {@link vn.kpibridge.scoring.OrgScorer}'s {@link UnitOutcome} with
 * {@link #of(UnitOutcome, Period, Scheme)}.
 *
 * @param unitCode unit code, used in file names
 * @param unitName unit name as printed ("CƠ QUAN, ĐƠN VỊ: ...")
 * @param period the month or quarter
 * @param scheme the scheme applied (its kind decides which forms apply; its checklist gives Mẫu 03
 *     part A's items)
 * @param employees results in print order; a result's role may be null when unknown
 * @param quotas quota outcomes (empty when the scheme has none or it was not applied)
 */
public record UnitReport(String unitCode, String unitName, Period period, Scheme scheme, List<EmployeeResult> employees,
        List<QuotaOutcome> quotas) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException when unitCode, period or scheme is null
     */
    public UnitReport {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(scheme, "scheme");
        unitName = unitName == null || unitName.isBlank() ? unitCode : unitName;
        employees = List.copyOf(employees);
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
    }

    /**
     * @param outcome a unit scored by {@link vn.kpibridge.scoring.OrgScorer}
     * @param period the period it was scored for
     * @param scheme the scheme it was scored with
     * @return the report input, employees in the outcome's order (heads, deputies, members)
     */
    public static UnitReport of(UnitOutcome outcome, Period period, Scheme scheme) {
        return new UnitReport(outcome.unit().code(), outcome.unit().name(), period, scheme, outcome.results(),
                outcome.quotas());
    }

    /**
     * The result of a stored evaluation, as the report forms need it: eligibility RATED, the general
     * criteria as points (no checklist lines), no leader terms, no quota mark, the final proposed
     * rating equal to the evaluation's proposed rating. The role is not known from an evaluation and
     * is null.
     *
     * @param ev a stored evaluation
     * @param period its period
     * @param scheme the scheme it was scored with (for the general-criteria maximum)
     * @return the result
     */
    public static EmployeeResult rated(Evaluation ev, Period period, Scheme scheme) {
        return new EmployeeResult(ev.employeeId(), ev.fullName(), ev.position(), ev.unitCode(), null, "", ev.schemeId(),
                period, Eligibility.RATED, ev, List.of(),
                new GeneralCriteriaResult(ev.generalPoints(), scheme.generalCriteriaMax(), false, List.of()), null,
                ev.proposedRating());
    }

    /** @return the Vietnamese period label, "Quý II/2026" or "Tháng 6/2026". */
    public String periodLabel() {
        return period.label();
    }

    /**
     * @param r one of the employees
     * @return the rating proposed to the approving authority after the rules and the quota, or null
     *     when the employee is not rated (not rated, deferred, input error)
     */
    public static Rating rating(EmployeeResult r) {
        if (r.finalProposedRating() != null) {
            return r.finalProposedRating();
        }
        return r.evaluation() == null ? null : r.evaluation().proposedRating();
    }

    /** @return the number of employees per proposed rating, every rating present (0 when none), best first. */
    public Map<Rating, Integer> countByRating() {
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            counts.put(r, 0);
        }
        for (EmployeeResult e : employees) {
            Rating r = rating(e);
            if (r != null) {
                counts.merge(r, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** @return the number of employees without a rating (not rated, deferred, input error). */
    public int unrated() {
        return (int) employees.stream().filter(e -> rating(e) == null).count();
    }
}
