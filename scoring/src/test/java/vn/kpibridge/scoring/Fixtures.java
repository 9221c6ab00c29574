package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Schemes and inputs shared by the tests; every number here is from a seed or stated in the test. */
final class Fixtures {
    private Fixtures() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static List<Band> bands() {
        return List.of(new Band(Rating.EXCELLENT, d("90")), new Band(Rating.GOOD, d("70")),
                new Band(Rating.COMPLETED, d("50")), new Band(Rating.NOT_COMPLETED, d("0")));
    }

    /** Seed 002: monthly, (a+b+c)/3 and (a+b+c+d+đ+e)/6, all monthly rules, quota 20% GOOD_OR_BETTER. */
    static Scheme monthly() {
        return monthly(null);
    }

    static Scheme monthly(QuotaSettings quota) {
        return new Scheme("ha-noi-test", "Hà Nội monthly", "seed 002", d("30"), d("70"), null,
                List.of(Ratio.QUANTITY, Ratio.QUALITY, Ratio.TIMELINESS), d("0.25"), d("1.2"), bands(),
                Set.of(RuleCode.WORKING_DAYS_BELOW_HALF, RuleCode.DISCIPLINE_VIOLATION, RuleCode.EXCELLENT_QUOTA,
                        RuleCode.GENERAL_CRITERIA_REVIEW, RuleCode.POINTS_CAPPED),
                SchemeKind.MONTHLY, null, null, null, null, null, quota, null, null, null,
                new Timeline(25, 26, 28, 5, 15));
    }

    /** Mẫu 03 (seed 001): 1.1-1.9 two points, 2.1-2.4 one point, 3.1-3.4 two points = 30. */
    static List<GeneralCriterion> mau03() {
        List<GeneralCriterion> out = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            out.add(new GeneralCriterion("1." + i, "Phẩm chất chính trị, đạo đức 1." + i, d("2")));
        }
        for (int i = 1; i <= 4; i++) {
            out.add(new GeneralCriterion("2." + i, "Tư duy đổi mới 2." + i, d("1")));
        }
        for (int i = 1; i <= 4; i++) {
            out.add(new GeneralCriterion("3." + i, "Tự phê bình và phê bình 3." + i, d("2")));
        }
        return out;
    }

    static Map<String, Boolean> checklist(String... failed) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (GeneralCriterion c : mau03()) {
            m.put(c.code(), !List.of(failed).contains(c.code()));
        }
        return m;
    }

    /** Seed 001: six axes 30/15/10/5/5/5, (A+B+C+D)/4, quarterly rules, Mẫu 03 checklist. */
    static Scheme anGiang() {
        return new Scheme("an-giang-test", "An Giang quarterly", "seed 001", d("30"), d("70"),
                List.of(new Axis("1", "Kinh tế - xã hội, nhiệm vụ chính trị", d("30")), new Axis("2", "Thể chế, phân cấp", d("15")),
                        new Axis("3", "Khoa học, công nghệ, chuyển đổi số", d("10")), new Axis("4", "Xây dựng Đảng", d("5")),
                        new Axis("5", "Văn hóa, an sinh xã hội", d("5")), new Axis("6", "Quốc phòng, an ninh, đối ngoại", d("5"))),
                List.of(Ratio.QUANTITY, Ratio.QUALITY, Ratio.TIMELINESS, Ratio.LEADERSHIP), d("0.25"), d("1.2"), bands(),
                Set.of(RuleCode.TASKS_BELOW_100_PERCENT, RuleCode.COLLECTIVE_BELOW_70_PERCENT, RuleCode.QUARTERLY_DEFERRAL,
                        RuleCode.DISCIPLINE_VIOLATION, RuleCode.EXCELLENT_QUOTA),
                SchemeKind.QUARTERLY_AXES, null, null, null, null, null, null, mau03(), null, null, null);
    }

    /** Seed 003 shape with illustrative weights: KQ tasks, HL satisfaction, PH coordination, KL discipline. */
    static Scheme ngheAn() {
        return new Scheme("nghe-an-test", "Nghệ An groups", "seed 003", d("30"), d("70"), null,
                List.of(Ratio.QUANTITY, Ratio.QUALITY, Ratio.TIMELINESS), d("0.25"), d("1.2"), bands(),
                Set.of(RuleCode.DISCIPLINE_VIOLATION), SchemeKind.GROUP_WEIGHTED, null, null, null, null, null, null, null,
                List.of(new IndicatorGroup("KQ", "Kết quả thực hiện nhiệm vụ", IndicatorMeasure.TASK_RATIOS),
                        new IndicatorGroup("HL", "Mức độ hài lòng", IndicatorMeasure.INPUT),
                        new IndicatorGroup("PH", "Năng lực phối hợp", IndicatorMeasure.INPUT),
                        new IndicatorGroup("KL", "Kỷ luật, kỷ cương công vụ", IndicatorMeasure.INPUT)),
                List.of(new PositionGroup("CV", "Chuyên viên", Map.of("KQ", d("40"), "HL", d("10"), "PH", d("10"), "KL", d("10"))),
                        new PositionGroup("LD", "Lãnh đạo", Map.of("KQ", d("35"), "HL", d("10"), "PH", d("10"), "KL", d("15")))),
                null);
    }

    static WorkItem item(String id, String coefficient, String planned, String done, ItemReview review) {
        return new WorkItem(id, "Nhiệm vụ " + id, "P-" + id, null, d(coefficient), null, d(planned), d(done), review);
    }

    static WorkItem axisItem(String id, String axis, String coefficient, String planned, String done, ItemReview review) {
        return new WorkItem(id, "Nhiệm vụ " + id, "P-" + id, axis, d(coefficient), null, d(planned), d(done), review);
    }

    static ItemReview late(int n) {
        return new ItemReview(0, n, 0, null, null, null, null);
    }

    static ItemReview failedReview(int n) {
        return new ItemReview(n, 0, 0, null, null, null, null);
    }

    static EmployeeInput input(String id, String unit, String general, List<WorkItem> items) {
        return new EmployeeInput(id, "Người " + id, "Chức vụ " + id, unit, false, d(general), items, null, null);
    }

    /** An employee whose total is exactly {@code 70 + general}: one item fully done with factors 1. */
    static EvaluationSubject perfect(String id, String unit, Role role, String general) {
        return EvaluationSubject.of(input(id, unit, general, List.of(item(id + "-1", "1", "1", "1", null))), role);
    }

    static Set<Role> leaders() {
        return EnumSet.of(Role.HEAD, Role.DEPUTY);
    }
}
