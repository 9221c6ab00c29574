package vn.kpibridge.routes.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.LeaderAssessment;
import vn.kpibridge.scoring.QuarterCircumstances;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Role;
import vn.kpibridge.scoring.WorkingDays;

/**
 * An evaluation request of the {@code score} command and {@code POST /api/v1/scoring/preview}
 * (issue 3). Points are on the 100-point scale, quantities in product units, factors plain numbers
 * (1.0 = as planned), shares and completions fractions (0.85 = 85%). See
 * {@code samples/scoring/*.json} for complete examples.
 *
 * @param period "2026-06" (monthly schemes) or "2026-Q2" (quarterly)
 * @param scheme scheme id: the file {@code config/schemes/<scheme>.yml}
 * @param catalog a catalog reference (path under {@code mappings/}, e.g.
 *     "catalogs/ban-to-chuc-tinh-uy.yml"; the version in force for the period is used) or an inline
 *     catalog {@code {id, version, standardPoints, products: [{code, name, points}]}}; optional when
 *     every item gives its coefficient
 * @param units the org tree; optional: each employee's unit is then a root unit
 * @param employees the employees to score
 */
public record ScoringRequest(String period, String scheme, JsonNode catalog, List<UnitSpec> units,
        List<EmployeeSpec> employees) {

    /**
     * A unit of the org tree.
     *
     * @param code unit code
     * @param name unit name
     * @param parent parent unit code, null for a root
     * @param collectiveCompletion share of the unit's tasks completed (0..1), for the collective
     *     &lt; 70% rule; null when unknown
     * @param excellentRate EXCELLENT quota rate decided for this unit (e.g. 0.25), null for the scheme's
     * @param excellentRateDecision the decision granting the higher rate, when any
     */
    public record UnitSpec(String code, String name, String parent, BigDecimal collectiveCompletion,
            BigDecimal excellentRate, String excellentRateDecision) {
    }

    /**
     * One employee.
     *
     * @param id employee code
     * @param fullName "Họ và tên"
     * @param position "Chức vụ"
     * @param unit unit code
     * @param role HEAD, DEPUTY or MEMBER (default MEMBER)
     * @param leader true for leaders/managers (default: role is HEAD or DEPUTY)
     * @param dutyGroup group of similar duties for the quota, optional
     * @param reportsTo the leader who evaluates this employee, optional
     * @param positionGroup job-position group (Nghệ An scheme), optional
     * @param generalCriteriaPoints general criteria as points (0..30), or
     * @param generalCriteria the Mẫu 03 checklist: item code ("1.1".."3.4") -> met
     * @param selfProposedRating the employee's own proposal, optional
     * @param forceMajeure confirmed force-majeure reason, optional
     * @param leaderAssessment reviewer inputs đ and e for leaders, optional
     * @param workingDays required and actual working days (monthly), optional
     * @param violations discipline or political-ethics violations found in the period
     * @param circumstances quarterly deferral facts (absences, appointment date, investigation)
     * @param axisPoints per-employee axis points overriding the scheme's (sum 70), optional
     * @param primaryAxes the employee's primary axes, optional
     * @param indicatorValues Nghệ An indicator values, optional
     * @param items the work-plan items
     */
    public record EmployeeSpec(String id, String fullName, String position, String unit, Role role, Boolean leader,
            String dutyGroup, String reportsTo, String positionGroup, BigDecimal generalCriteriaPoints,
            Map<String, Boolean> generalCriteria, Rating selfProposedRating, String forceMajeure,
            LeaderAssessment leaderAssessment, WorkingDays workingDays, List<String> violations,
            QuarterCircumstances circumstances, Map<String, BigDecimal> axisPoints, Set<String> primaryAxes,
            Map<String, BigDecimal> indicatorValues, List<ItemSpec> items) {
    }

    /**
     * One work-plan item.
     *
     * @param id item id
     * @param title task title
     * @param product catalog product code (the coefficient comes from the catalog), or
     * @param coefficient the coefficient itself, when no catalog is given
     * @param axis axis code (quarterly schemes with several axes)
     * @param share share of the product credited to the employee (0 &lt; share &lt;= 1, default 1)
     * @param plannedQuantity planned quantity, product units
     * @param doneQuantity delivered quantity, product units
     * @param review reviewer outcome: qualityFailures, lateDeliveries, leadershipFailures,
     *     objectiveCause, qualityFactor, timelinessFactor, leadershipFactor
     */
    public record ItemSpec(String id, String title, String product, BigDecimal coefficient, String axis,
            BigDecimal share, BigDecimal plannedQuantity, BigDecimal doneQuantity, ItemReview review) {
    }
}
