package vn.kpibridge.routes.workflow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The direct leader's inputs for one employee and period (body of {@code PUT
 * /evaluations/{employee}/{period}/reviewer-inputs}); every field is optional and, when given,
 * replaces what the records said in every later scoring.
 *
 * @param generalCriteriaPoints general criteria points, 0 to the scheme's maximum (30) (seed 002 II.1)
 * @param forceMajeure confirmed force majeure ("bất khả kháng") excusing tasks below 100% (seed 001 §6.1)
 * @param leaderAssessment the leader terms đ and e of seed 002 III.4.2 (leaders only)
 * @param violations discipline or political-ethics violations found in the period (Decree 335/2025)
 * @param items per work-item outcomes by record id: failed reviews, late deliveries, objective
 *     cause, factors (seed 002 III.2; factors capped by the scheme, seed 001 Phụ lục 2)
 * @param comment the reviewer's remarks ("nhận xét")
 */
public record ReviewerInputs(
        BigDecimal generalCriteriaPoints,
        String forceMajeure,
        LeaderInputs leaderAssessment,
        List<String> violations,
        Map<String, ItemInputs> items,
        String comment) {

    /**
     * @param prolongedDelays the unit had prolonged delays: đ = 50%
     * @param delaysNote what happened
     * @param disunityComplaints complaints of prolonged disunity: e = 50%
     * @param disunityNote what happened
     */
    public record LeaderInputs(Boolean prolongedDelays, String delaysNote, Boolean disunityComplaints, String disunityNote) {
    }

    /**
     * @param qualityFailures failed quality reviews ("phải sửa đổi"), &gt;= 0
     * @param lateDeliveries late deliveries, &gt;= 0
     * @param leadershipFailures leadership shortfalls, &gt;= 0
     * @param objectiveCause confirmed objective cause waiving the deductions
     * @param qualityFactor reviewer-set quality factor, 0 to the scheme's cap
     * @param timelinessFactor reviewer-set timeliness factor, 0 to the cap
     * @param leadershipFactor reviewer-set leadership factor, 0 to the cap
     */
    public record ItemInputs(Integer qualityFailures, Integer lateDeliveries, Integer leadershipFailures, String objectiveCause,
            BigDecimal qualityFactor, BigDecimal timelinessFactor, BigDecimal leadershipFactor) {
    }
}
