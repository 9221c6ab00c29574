package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.axisItem;
import static vn.kpibridge.scoring.Fixtures.checklist;
import static vn.kpibridge.scoring.Fixtures.d;
import static vn.kpibridge.scoring.Fixtures.input;
import static vn.kpibridge.scoring.Fixtures.late;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seed 001 / 004: per-axis KPI, per-employee axis points, non-applicable axes, Mẫu 03, collective rule, deferrals. */
class QuarterlyAxesTest {
    static final Period Q2 = Period.parse("2026-Q2");
    final ScoringEngine engine = new ScoringEngine(Fixtures.anGiang());

    /** Axis 1: 2 x coeff 1 done; axis 2: coeff 2, 1 late (C = 0.75); axes 4 and 5: coeff 1 done; axes 3 and 6: nothing. */
    static List<WorkItem> items() {
        return List.of(axisItem("a1", "1", "1", "2", "2", null), axisItem("a2", "2", "2", "1", "1", late(1)),
                axisItem("a4", "4", "1", "1", "1", null), axisItem("a5", "5", "1", "1", "1", null));
    }

    @Test
    void nonApplicableAxesShareTheirPointsProRata() {
        EvaluationSubject s = EvaluationSubject.of(input("LD", "U", "30", items()), Role.DEPUTY);
        Evaluation e = engine.score(Q2, s, null, null).evaluation();
        // KPI axis 2 = (1 + 1 + 0.75 + 1) / 4 = 0.9375; the others 1
        assertThat(e.axes().get(1).kpi()).isEqualByComparingTo("0.9375");
        // axes 3 (10) and 6 (5) have no items: applicable = 30 + 15 + 5 + 5 = 55
        // axis 1 points = 1 x 30 x 70 / 55 = 38.1818...
        assertThat(Decimals.display(e.axes().get(0).points())).isEqualByComparingTo("38.18");
        assertThat(e.axes().get(2).points()).isEqualByComparingTo("0");
        assertThat(e.axes().get(5).points()).isEqualByComparingTo("0");
        // task = (30 + 15 x 0.9375 + 5 + 5) x 70 / 55 = 54.0625 x 14 / 11 = 68.806818...
        assertThat(Decimals.display(e.taskPoints())).isEqualByComparingTo("68.81");
        // total = 30 + 68.806818... = 98.81
        assertThat(e.displayedTotal()).isEqualByComparingTo("98.81");
        assertThat(e.quantityRatio()).isEqualByComparingTo("1");
        assertThat(e.rulesFired()).isEmpty();
    }

    @Test
    void perEmployeeAxisPointsOverrideTheSchemes() {
        // plan: primary axis 1 with 40 points; 2: 15, 3: 5, 4: 5, 5: 5, 6: 0 (sum 70, seed 001 §2.5)
        Map<String, BigDecimal> plan = Map.of("1", d("40"), "2", d("15"), "3", d("5"), "4", d("5"), "5", d("5"));
        EvaluationSubject s = EvaluationSubject.of(input("LD", "U", "30", items()), Role.DEPUTY).withAxisPoints(plan, Set.of("1"));
        Evaluation e = engine.score(Q2, s, null, null).evaluation();
        assertThat(e.axes().get(0).maxPoints()).isEqualByComparingTo("40");
        assertThat(e.axes().get(5).maxPoints()).isEqualByComparingTo("0");
        // applicable = 40 + 15 + 5 + 5 = 65 (axis 3 has no items, axis 6 has 0 points)
        // task = (40 + 15 x 0.9375 + 5 + 5) x 70 / 65 = 64.0625 x 14 / 13 = 68.990384...
        assertThat(Decimals.display(e.taskPoints())).isEqualByComparingTo("68.99");
        assertThat(e.displayedTotal()).isEqualByComparingTo("98.99");
    }

    @Test
    void axisPointsMustSumTo70AndFavourThePrimaryAxis() {
        EvaluationSubject s = EvaluationSubject.of(input("LD-9", "U", "30", items()), Role.DEPUTY);
        assertThatThrownBy(() -> engine.score(Q2, s.withAxisPoints(Map.of("1", d("40"), "2", d("29")), Set.of("1")), null, null))
                .hasMessageContaining("LD-9").hasMessageContaining("axisPoints sum to 69");
        assertThatThrownBy(() -> engine.score(Q2, s.withAxisPoints(Map.of("1", d("15"), "2", d("15"), "3", d("40")), Set.of("1", "2")),
                null, null))
                .hasMessageContaining("LD-9").hasMessageContaining("secondary axis 3 (40)");
        assertThatThrownBy(() -> engine.score(Q2, s.withAxisPoints(Map.of("9", d("70")), Set.of()), null, null))
                .hasMessageContaining("axisPoints names axis 9");
    }

    @Test
    void generalCriteriaFromTheMau03Checklist() {
        // 17 items: all met except 1.3 (2 points) and 2.2 (1 point): 30 - 3 = 27
        EvaluationSubject s = EvaluationSubject.of(input("LD", "U", "0", items()), Role.DEPUTY).withGeneralChecklist(checklist("1.3", "2.2"));
        EmployeeResult r = engine.score(Q2, s, null, null);
        assertThat(r.generalCriteria().fromChecklist()).isTrue();
        assertThat(r.generalCriteria().lines()).hasSize(17);
        assertThat(r.generalCriteria().points()).isEqualByComparingTo("27");
        assertThat(r.generalCriteria().lines().get(2)).satisfies(l -> {
            assertThat(l.code()).isEqualTo("1.3");
            assertThat(l.met()).isFalse();
            assertThat(l.points()).isEqualByComparingTo("0");
        });
        // 27 + 68.806818... = 95.806818... -> 95.81
        assertThat(r.evaluation().displayedTotal()).isEqualByComparingTo("95.81");
    }

    @Test
    void checklistErrorsNameTheEmployeeAndTheItem() {
        var partial = new java.util.LinkedHashMap<>(checklist());
        partial.remove("3.4");
        EvaluationSubject s = EvaluationSubject.of(input("LD-7", "U", "0", items()), Role.DEPUTY);
        assertThatThrownBy(() -> engine.score(Q2, s.withGeneralChecklist(partial), null, null))
                .hasMessageContaining("LD-7").hasMessageContaining("lacks items [3.4]");
        // points 30 and a checklist worth 27
        EvaluationSubject both = EvaluationSubject.of(input("LD-8", "U", "30", items()), Role.DEPUTY)
                .withGeneralChecklist(checklist("1.3", "2.2"));
        assertThatThrownBy(() -> engine.score(Q2, both, null, null)).hasMessageContaining("LD-8")
                .hasMessageContaining("points (30)").hasMessageContaining("worth 27");
        // a monthly scheme has no checklist
        assertThatThrownBy(() -> new ScoringEngine(Fixtures.monthly()).score(Period.parse("2026-06"), s.withGeneralChecklist(checklist()), null, null))
                .hasMessageContaining("has no checklist");
    }

    @Test
    void collectiveBelow70MakesTheHeadNotCompletedAndBarsOthersFromExcellent() {
        OrgUnit unit = new OrgUnit("BTC", "Ban Tổ chức", null, d("0.65"), null, null);
        // everyone 30 + 70 = 100 points
        EmployeeResult head = engine.score(Q2, perfectAxis("H", Role.HEAD), unit, null);
        EmployeeResult deputy = engine.score(Q2, perfectAxis("P", Role.DEPUTY), unit, null);
        assertThat(head.evaluation().displayedTotal()).isEqualByComparingTo("100.00");
        assertThat(head.evaluation().proposedRating()).isEqualTo(Rating.NOT_COMPLETED);
        assertThat(head.evaluation().rulesFired()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RuleCode.COLLECTIVE_BELOW_70_PERCENT);
            assertThat(f.reason()).contains("65,00%").contains("dưới 70,00%");
        });
        assertThat(deputy.evaluation().proposedRating()).isEqualTo(Rating.GOOD);
        assertThat(deputy.evaluation().rulesFired()).singleElement().satisfies(f -> assertThat(f.effect()).isEqualTo(Rating.GOOD));
        // exactly 70% does not fire
        OrgUnit at70 = new OrgUnit("BTC", "Ban Tổ chức", null, d("0.70"), null, null);
        assertThat(engine.score(Q2, perfectAxis("H", Role.HEAD), at70, null).evaluation().proposedRating())
                .isEqualTo(Rating.EXCELLENT);
    }

    static EvaluationSubject perfectAxis(String id, Role role) {
        return EvaluationSubject.of(input(id, "BTC", "30", List.of(axisItem(id + "-1", "1", "1", "1", "1", null))), role);
    }

    @Test
    void quarterlyDeferralsWithReasons() {
        EvaluationSubject s = perfectAxis("L", Role.DEPUTY);
        // training 1 April - 31 May: 1 April + 2 months = 1 June <= 31 May + 1 day: 2 months -> deferred
        EmployeeResult training = engine.score(Q2, s.withCircumstances(new QuarterCircumstances(
                List.of(new Absence(AbsenceKind.TRAINING, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 31))), null, null)), null, null);
        assertThat(training.eligibility().status()).isEqualTo(EligibilityStatus.DEFERRED);
        assertThat(training.eligibility().reasons()).singleElement().asString().contains("đào tạo").contains("Quý II/2026");
        assertThat(training.evaluation()).isNull();
        // training 1 April - 30 May: one day short -> rated
        assertThat(deferral(s, new Absence(AbsenceKind.TRAINING, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 30))))
                .isEqualTo(EligibilityStatus.RATED);
        // sick April + maternity May: together 2 months -> deferred
        assertThat(deferral(s, new Absence(AbsenceKind.SICK, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)),
                new Absence(AbsenceKind.MATERNITY, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31))))
                .isEqualTo(EligibilityStatus.DEFERRED);
        // sick 30 days in April and 30 in June, separate: 60 days -> deferred
        assertThat(deferral(s, new Absence(AbsenceKind.SICK, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)),
                new Absence(AbsenceKind.SICK, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30))))
                .isEqualTo(EligibilityStatus.DEFERRED);
        // training from 1 March to 15 April: only 15 days inside Q2 -> rated
        assertThat(deferral(s, new Absence(AbsenceKind.TRAINING, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 15))))
                .isEqualTo(EligibilityStatus.RATED);
        // first appointed 2 June: 2 June + 1 month = 2 July > 1 July -> under 1 month -> deferred; 1 June is a full month
        assertThat(engine.score(Q2, s.withCircumstances(new QuarterCircumstances(null, LocalDate.of(2026, 6, 2), null)), null, null)
                .eligibility().status()).isEqualTo(EligibilityStatus.DEFERRED);
        assertThat(engine.score(Q2, s.withCircumstances(new QuarterCircumstances(null, LocalDate.of(2026, 6, 1), null)), null, null)
                .eligibility().status()).isEqualTo(EligibilityStatus.RATED);
        // under investigation
        EmployeeResult inv = engine.score(Q2, s.withCircumstances(new QuarterCircumstances(null, null, "Quyết định kiểm tra 12-QĐ/UBKT")),
                null, null);
        assertThat(inv.eligibility().status()).isEqualTo(EligibilityStatus.DEFERRED);
        assertThat(inv.eligibility().reasons()).singleElement().asString().contains("12-QĐ/UBKT");
    }

    private EligibilityStatus deferral(EvaluationSubject s, Absence... absences) {
        return engine.score(Q2, s.withCircumstances(new QuarterCircumstances(List.of(absences), null, null)), null, null)
                .eligibility().status();
    }

    @Test
    void seedWorkedExampleExplanationCarriesTableRatiosAndRule() {
        EmployeeResult r = new ScoringEngine(AxisKpiScorerTest.oneAxisScheme())
                .score(Q2, EvaluationSubject.of(AxisKpiScorerTest.seedEmployee(null), Role.DEPUTY), null, null);
        List<String> lines = r.explanation();
        assertThat(String.join("\n", lines))
                .contains("Nguyễn Văn A (CB-0001)")
                .contains("Quý II/2026")
                .contains("Bảng 2")
                // row 1: planned 2, coefficient 1, converted 2, done 1, quantity 1, quality 0.75 / 0.75
                .contains("1 | Báo cáo hằng tháng [1] | BTC-01 | 4 | 2 | 1 | 1 | 2 | 1 | 1 | 0,75/0,75")
                .contains("Số lượng = 6,7/7,7 = 87,01%")
                .contains("Chất lượng = 6,85/7,7 = 88,96%")
                .contains("KPI = 88,47%")
                .contains("Tổng điểm: 30,00 + 61,93 = 91,93 điểm")
                .contains("TASKS_BELOW_100_PERCENT")
                .contains("Đề xuất trình cấp có thẩm quyền: \"Không hoàn thành nhiệm vụ\"")
                .contains("cá nhân tự đề xuất: \"Hoàn thành xuất sắc nhiệm vụ\"");
    }
}
