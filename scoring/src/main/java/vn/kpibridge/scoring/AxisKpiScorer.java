package vn.kpibridge.scoring;

import static vn.kpibridge.scoring.Decimals.divide;
import static vn.kpibridge.scoring.Decimals.min;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one employee for one period with per-axis KPIs.
 *
 * <ul>
 *   <li>Per item (DOMAIN.md 2; seed 001 Phụ lục 2 "Bảng 2"): P = planned x coefficient x share;
 *       quantity credit = min(done, planned) x coefficient x share; quality, timeliness and
 *       leadership credits = done converted x factor.</li>
 *   <li>Factors: default 1; minus the scheme's deduction step (0.25, seed 002 III.2) per failed
 *       review / late delivery / leadership shortfall, floor 0, waived by a confirmed objective
 *       cause; a reviewer-set factor replaces the derived one and is capped by the scheme (1.2 in
 *       seed 001 Phụ lục 2).</li>
 *   <li>Per axis k: ratio X_k = sum of credits / sum of P; KPI_k = mean of the scheme's ratios
 *       ((A+B+C+D)/4, seed 001 Phụ lục 2, 1.); points_k = min(KPI_k, 1) x max_k.</li>
 *   <li>An axis with no planned items is not applicable ("nếu có"): its points are shared among
 *       the applicable axes in proportion to their points (DOMAIN.md 3c, VAST sub-items).</li>
 *   <li>Total = general criteria (capped) + task points (capped); band on the displayed total
 *       (DOMAIN.md 4).</li>
 *   <li>Rule {@link RuleCode#TASKS_BELOW_100_PERCENT}: overall quantity ratio &lt; 100% gives
 *       NOT_COMPLETED unless force majeure is confirmed (seed 001 §6.1, second bullet).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class AxisKpiScorer {

    /**
     * Scores one employee.
     *
     * @param scheme the scheme (validated at construction)
     * @param input the employee's plan, outcomes and assessments for the period
     * @return the evaluation with its explanation; never null
     * @throws IllegalArgumentException when an item names an axis the scheme does not have, or
     *     names none while the scheme has several axes
     */
    public Evaluation score(Scheme scheme, EmployeeInput input) {
        List<ItemCredit> rows = new ArrayList<>();
        Map<String, List<ItemCredit>> byAxis = new LinkedHashMap<>();
        scheme.axes().forEach(a -> byAxis.put(a.code(), new ArrayList<>()));
        for (WorkItem item : input.items()) {
            String axis = resolveAxis(scheme, item);
            ItemCredit row = credit(scheme, item, axis);
            rows.add(row);
            byAxis.get(axis).add(row);
        }

        BigDecimal applicableMax = BigDecimal.ZERO;
        for (Axis axis : scheme.axes()) {
            if (plannedOf(byAxis.get(axis.code())).signum() > 0) {
                applicableMax = applicableMax.add(axis.maxPoints());
            }
        }

        List<AxisResult> axisResults = new ArrayList<>();
        BigDecimal taskPoints = BigDecimal.ZERO;
        for (Axis axis : scheme.axes()) {
            List<ItemCredit> axisRows = byAxis.get(axis.code());
            BigDecimal planned = plannedOf(axisRows);
            Map<Ratio, BigDecimal> ratios = new EnumMap<>(Ratio.class);
            BigDecimal kpi = BigDecimal.ZERO;
            BigDecimal points = BigDecimal.ZERO;
            if (planned.signum() > 0) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Ratio r : scheme.ratios()) {
                    BigDecimal credits = axisRows.stream().map(c -> c.credit(r)).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal ratio = divide(credits, planned);
                    ratios.put(r, ratio);
                    sum = sum.add(ratio);
                }
                kpi = divide(sum, BigDecimal.valueOf(scheme.ratios().size()));
                // points of non-applicable axes move to the applicable ones, pro rata (DOMAIN.md 3c)
                BigDecimal effectiveMax = divide(axis.maxPoints().multiply(scheme.taskMax()), applicableMax);
                points = min(kpi, BigDecimal.ONE).multiply(effectiveMax, Decimals.MC);
            }
            axisResults.add(new AxisResult(axis.code(), axis.name(), axis.maxPoints(), planned, ratios, kpi, points));
            taskPoints = taskPoints.add(points);
        }
        taskPoints = min(taskPoints, scheme.taskMax());
        BigDecimal general = min(input.generalCriteriaPoints(), scheme.generalCriteriaMax());
        BigDecimal total = general.add(taskPoints);
        BigDecimal displayed = Decimals.display(total);
        Rating band = scheme.band(displayed);

        BigDecimal totalPlanned = plannedOf(rows);
        BigDecimal totalQuantity = rows.stream().map(ItemCredit::quantityCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal quantityRatio = totalPlanned.signum() == 0 ? BigDecimal.ONE : divide(totalQuantity, totalPlanned);

        List<FiredRule> fired = new ArrayList<>();
        Rating proposed = band;
        if (scheme.rules().contains(RuleCode.TASKS_BELOW_100_PERCENT) && quantityRatio.compareTo(BigDecimal.ONE) < 0) {
            String pct = Decimals.percent(quantityRatio).toPlainString().replace('.', ',');
            if (input.forceMajeure() != null && !input.forceMajeure().isBlank()) {
                fired.add(new FiredRule(RuleCode.TASKS_BELOW_100_PERCENT, "seed 001 §6.1",
                        "Hoàn thành " + pct + "% nhiệm vụ được giao (dưới 100%) nhưng có lý do bất khả kháng được xác nhận: "
                                + input.forceMajeure() + "; không áp dụng xếp loại \"" + Rating.NOT_COMPLETED.label() + "\"",
                        null, true));
            } else {
                fired.add(new FiredRule(RuleCode.TASKS_BELOW_100_PERCENT, "seed 001 §6.1",
                        "Hoàn thành " + pct + "% nhiệm vụ được giao trong kỳ (dưới 100%), chưa có lý do khách quan, bất khả kháng "
                                + "được cấp có thẩm quyền xác nhận: xếp loại \"" + Rating.NOT_COMPLETED.label() + "\"",
                        Rating.NOT_COMPLETED, false));
                proposed = Rating.NOT_COMPLETED;
            }
        }
        return new Evaluation(input.employeeId(), input.fullName(), input.position(), input.unitCode(), scheme.id(),
                general, taskPoints, total, displayed, quantityRatio, axisResults, rows, band, proposed,
                input.selfProposedRating(), fired);
    }

    private static String resolveAxis(Scheme scheme, WorkItem item) {
        if (item.axisCode() == null || item.axisCode().isBlank()) {
            if (scheme.axes().size() == 1) {
                return scheme.axes().get(0).code();
            }
            throw new IllegalArgumentException("item " + item.id() + ": no axis given, scheme " + scheme.id()
                    + " has " + scheme.axes().size() + " axes");
        }
        for (Axis a : scheme.axes()) {
            if (a.code().equals(item.axisCode())) {
                return a.code();
            }
        }
        throw new IllegalArgumentException("item " + item.id() + ": axis " + item.axisCode()
                + " is not an axis of scheme " + scheme.id());
    }

    /** One row of "Bảng 2" (seed 001 Phụ lục 2). */
    private static ItemCredit credit(Scheme scheme, WorkItem item, String axis) {
        BigDecimal unit = item.coefficient().multiply(item.share());
        BigDecimal planned = item.plannedConverted();
        BigDecimal quantity = min(item.doneQuantity(), item.plannedQuantity()).multiply(unit);
        BigDecimal doneConverted = item.doneQuantity().multiply(unit);
        ItemReview r = item.review();
        boolean waived = r.objectiveCause() != null && !r.objectiveCause().isBlank();
        BigDecimal quality = factor(scheme, r.qualityFactor(), r.qualityFailures(), waived);
        BigDecimal timeliness = factor(scheme, r.timelinessFactor(), r.lateDeliveries(), waived);
        BigDecimal leadership = factor(scheme, r.leadershipFactor(), r.leadershipFailures(), waived);
        return new ItemCredit(item.id(), item.title(), item.productCode(), axis, item.plannedQuantity(),
                item.coefficient(), item.share(), planned, item.doneQuantity(), quantity,
                quality, doneConverted.multiply(quality),
                timeliness, doneConverted.multiply(timeliness),
                leadership, doneConverted.multiply(leadership));
    }

    /** Factor rule of DOMAIN.md 2 / seed 002 III.2: 1 - step x count, floor 0; override capped. */
    static BigDecimal factor(Scheme scheme, BigDecimal override, int failures, boolean waived) {
        if (override != null) {
            return min(override, scheme.factorCap());
        }
        if (waived || failures == 0) {
            return BigDecimal.ONE;
        }
        BigDecimal f = BigDecimal.ONE.subtract(scheme.deductionStep().multiply(BigDecimal.valueOf(failures)));
        return f.signum() < 0 ? BigDecimal.ZERO : f;
    }

    private static BigDecimal plannedOf(List<ItemCredit> rows) {
        return rows.stream().map(ItemCredit::plannedConverted).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
