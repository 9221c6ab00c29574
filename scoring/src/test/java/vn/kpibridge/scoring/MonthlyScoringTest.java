package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.d;
import static vn.kpibridge.scoring.Fixtures.failedReview;
import static vn.kpibridge.scoring.Fixtures.input;
import static vn.kpibridge.scoring.Fixtures.item;
import static vn.kpibridge.scoring.Fixtures.late;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 002 III.4-III.5: (a+b+c)/3, (a+b+c+d+đ+e)/6, score = general + task x 70; bands; I.6 working days. */
class MonthlyScoringTest {
    static final Period JUNE = Period.parse("2026-06");
    final ScoringEngine engine = new ScoringEngine(Fixtures.monthly());

    /**
     * i1: coefficient 1, planned 2, done 2, 1 late delivery (timeliness factor 0.75);
     * i2: coefficient 1.5, planned 1, done 1, 1 failed review (quality factor 0.75);
     * i3: coefficient 0.5, planned 2, done 1.
     */
    static List<WorkItem> threeItems() {
        return List.of(item("i1", "1", "2", "2", late(1)), item("i2", "1.5", "1", "1", failedReview(1)),
                item("i3", "0.5", "2", "1", null));
    }

    @Test
    void nonLeaderIsMeanOfThreeRatiosTimes70PlusGeneral() {
        EmployeeResult r = engine.score(JUNE, EvaluationSubject.of(input("CV1", "U", "28", threeItems()), Role.MEMBER), null, null);
        Evaluation e = r.evaluation();
        AxisResult axis = e.axes().get(0);
        // P = 2x1 + 1x1.5 + 2x0.5 = 4.5
        assertThat(axis.plannedConverted()).isEqualByComparingTo("4.5");
        // a = (2 + 1.5 + 0.5) / 4.5 = 4 / 4.5 = 88.89%
        assertThat(Decimals.percent(axis.ratios().get(Ratio.QUANTITY))).isEqualByComparingTo("88.89");
        // b = (2 + 1.5x0.75 + 0.5) / 4.5 = 3.625 / 4.5 = 80.56%
        assertThat(Decimals.percent(axis.ratios().get(Ratio.QUALITY))).isEqualByComparingTo("80.56");
        // c = (2x0.75 + 1.5 + 0.5) / 4.5 = 3.5 / 4.5 = 77.78%
        assertThat(Decimals.percent(axis.ratios().get(Ratio.TIMELINESS))).isEqualByComparingTo("77.78");
        assertThat(axis.ratios()).doesNotContainKey(Ratio.LEADERSHIP);
        // task = (4 + 3.625 + 3.5) / 4.5 / 3 x 70 = 11.125 / 13.5 x 70 = 57.685185...
        assertThat(Decimals.display(e.taskPoints())).isEqualByComparingTo("57.69");
        // total = 28 + 57.685185... = 85.685185... -> 85.69 -> GOOD (70 <= x < 90)
        assertThat(e.displayedTotal()).isEqualByComparingTo("85.69");
        assertThat(e.pointsBand()).isEqualTo(Rating.GOOD);
        assertThat(r.leaderTerms()).isEmpty();
        assertThat(r.finalProposedRating()).isEqualTo(Rating.GOOD);
    }

    @Test
    void headUsesSixTermsWithDFromSubordinatesAndReviewerInputs() {
        EvaluationSubject head = EvaluationSubject.of(input("TP", "U", "28", threeItems()), Role.HEAD)
                .withLeaderAssessment(new LeaderAssessment(false, null, true, "Đơn thư phản ánh mất đoàn kết tháng 6"));
        List<SubordinateOutcome> subs = List.of(
                new SubordinateOutcome("CV1", "Người CV1", EligibilityStatus.RATED, d("85.69"), Rating.GOOD),
                new SubordinateOutcome("CV2", "Người CV2", EligibilityStatus.RATED, d("48.00"), Rating.NOT_COMPLETED),
                new SubordinateOutcome("CV3", "Người CV3", EligibilityStatus.NOT_RATED, null, null));
        EmployeeResult r = engine.score(JUNE, head, null, subs);
        assertThat(r.leaderTerms()).extracting(LeaderTermValue::term)
                .containsExactly(LeaderTerm.SUBORDINATES, LeaderTerm.ORGANISATION, LeaderTerm.COHESION);
        // d = 50%: CV2 is below 50 points; CV3 not rated is left out
        assertThat(r.leaderTerms().get(0).value()).isEqualByComparingTo("0.5");
        assertThat(r.leaderTerms().get(0).reason()).contains("1/2").contains("CV2").contains("48,00").contains("CV3");
        // đ = 100% (no prolonged delays), e = 50% (disunity complaints)
        assertThat(r.leaderTerms().get(1).value()).isEqualByComparingTo("1");
        assertThat(r.leaderTerms().get(2).value()).isEqualByComparingTo("0.5");
        assertThat(r.leaderTerms().get(2).reason()).contains("Đơn thư phản ánh");
        // KPI = (11.125/4.5 + 0.5 + 1 + 0.5) / 6 = (2.472222... + 2) / 6 = 0.745370370...
        assertThat(Decimals.percent(r.evaluation().axes().get(0).kpi())).isEqualByComparingTo("74.54");
        // task = 0.745370370... x 70 = 52.175925...; total = 28 + 52.175925... = 80.18
        assertThat(r.evaluation().displayedTotal()).isEqualByComparingTo("80.18");
        assertThat(r.evaluation().rulesFired()).isEmpty();
    }

    @Test
    void leaderWithAllSubordinatesCompletedAndNoReviewerInputGetsFullTermsAndANote() {
        EvaluationSubject deputy = EvaluationSubject.of(input("PP", "U", "28", threeItems()), Role.DEPUTY);
        // a subordinate at exactly 50.00 counts as COMPLETED (band floor inclusive)
        EmployeeResult r = engine.score(JUNE, deputy, null,
                List.of(new SubordinateOutcome("CV1", "n", EligibilityStatus.RATED, d("50.00"), Rating.COMPLETED)));
        assertThat(r.leaderTerms()).extracting(LeaderTermValue::value).allSatisfy(v -> assertThat(v).isEqualByComparingTo("1"));
        // (2.472222... + 3) / 6 = 0.912037037... x 70 = 63.842592... + 28 = 91.842592... -> 91.84 EXCELLENT
        assertThat(r.evaluation().displayedTotal()).isEqualByComparingTo("91.84");
        assertThat(r.evaluation().pointsBand()).isEqualTo(Rating.EXCELLENT);
        assertThat(r.evaluation().rulesFired()).singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo(RuleCode.LEADER_INPUT_DEFAULTED));
    }

    @Test
    void bandsApplyToTheDisplayedScore() {
        // 10000 planned, 8571 done: a = b = c = 0.8571; task = 0.8571 x 70 = 59.997
        List<WorkItem> items = List.of(item("x", "1", "10000", "8571", null));
        // 29.998 + 59.997 = 89.995 -> displayed 90.00 -> EXCELLENT, never below
        Evaluation up = engine.score(JUNE, EvaluationSubject.of(input("A", "U", "29.998", items), Role.MEMBER), null, null).evaluation();
        assertThat(up.totalPoints()).isEqualByComparingTo("89.995");
        assertThat(up.displayedTotal()).isEqualByComparingTo("90.00");
        assertThat(up.pointsBand()).isEqualTo(Rating.EXCELLENT);
        // 29.997 + 59.997 = 89.994 -> 89.99 -> GOOD
        Evaluation down = engine.score(JUNE, EvaluationSubject.of(input("B", "U", "29.997", items), Role.MEMBER), null, null).evaluation();
        assertThat(down.displayedTotal()).isEqualByComparingTo("89.99");
        assertThat(down.pointsBand()).isEqualTo(Rating.GOOD);
    }

    @Test
    void workingDaysBelowHalfAreNotRatedAndHalfIsRatedOnDaysWorked() {
        EvaluationSubject s = EvaluationSubject.of(input("A", "U", "28", threeItems()), Role.MEMBER);
        // 10 / 22 = 45.45% < 50%
        EmployeeResult out = engine.score(JUNE, s.withWorkingDays(new WorkingDays(d("22"), d("10"))), null, null);
        assertThat(out.eligibility().status()).isEqualTo(EligibilityStatus.NOT_RATED);
        assertThat(out.eligibility().reasons()).singleElement().asString().contains("10/22 ngày (45,45%)").contains("seed 002 I.6");
        assertThat(out.evaluation()).isNull();
        assertThat(out.finalProposedRating()).isNull();
        // 11 / 22 = 50.00%: rated, with the note
        EmployeeResult in = engine.score(JUNE, s.withWorkingDays(new WorkingDays(d("22"), d("11"))), null, null);
        assertThat(in.eligibility().status()).isEqualTo(EligibilityStatus.RATED);
        assertThat(in.eligibility().reasons()).singleElement().asString().contains("11/22 ngày (50,00%)");
        assertThat(in.evaluation().displayedTotal()).isEqualByComparingTo("85.69");
    }

    @Test
    void disciplineViolationForcesNotCompletedWhateverThePoints() {
        EvaluationSubject s = Fixtures.perfect("A", "U", Role.MEMBER, "30").withViolations(List.of("Vi phạm quy chế làm việc"));
        EmployeeResult r = engine.score(JUNE, s, null, null);
        // 30 + 70 = 100 points, yet NOT_COMPLETED
        assertThat(r.evaluation().displayedTotal()).isEqualByComparingTo("100.00");
        assertThat(r.evaluation().pointsBand()).isEqualTo(Rating.EXCELLENT);
        assertThat(r.evaluation().proposedRating()).isEqualTo(Rating.NOT_COMPLETED);
        assertThat(r.evaluation().rulesFired()).extracting(FiredRule::code)
                .containsExactly(RuleCode.DISCIPLINE_VIOLATION, RuleCode.GENERAL_CRITERIA_REVIEW);
        assertThat(r.evaluation().rulesFired().get(0).reason()).contains("Vi phạm quy chế làm việc");
        // full general marks (30) despite the violation: flagged for the reviewer (seed 000, 2.1)
        assertThat(r.evaluation().rulesFired().get(1).reason()).contains("vi phạm kỷ luật");
    }

    @Test
    void fullGeneralMarksDespiteRepeatedLatenessAndReworkAreFlaggedForTheReviewer() {
        // i1 2 late deliveries, i2 1 failed review, i3 done 1 of 2 without objective cause; general 30 (full)
        List<WorkItem> items = List.of(item("i1", "1", "1", "1", late(2)), item("i2", "1", "1", "1", failedReview(1)),
                item("i3", "1", "2", "1", null));
        EmployeeResult r = engine.score(JUNE, EvaluationSubject.of(input("A", "U", "30", items), Role.MEMBER), null, null);
        assertThat(r.evaluation().rulesFired()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RuleCode.GENERAL_CRITERIA_REVIEW);
            assertThat(f.effect()).isNull();
            assertThat(f.reason()).contains("1 nhiệm vụ không hoàn thành").contains("chậm tiến độ 2 lần").contains("1 lần sản phẩm");
        });
        // the same with 29 general points: no flag
        EmployeeResult ok = engine.score(JUNE, EvaluationSubject.of(input("B", "U", "29", items), Role.MEMBER), null, null);
        assertThat(ok.evaluation().rulesFired()).isEmpty();
    }

    @Test
    void noPlannedWorkGivesNoTaskPointsAndANote() {
        EmployeeResult r = engine.score(JUNE, EvaluationSubject.of(input("A", "U", "25", List.of()), Role.MEMBER), null, null);
        assertThat(r.evaluation().taskPoints()).isEqualByComparingTo("0");
        assertThat(r.evaluation().displayedTotal()).isEqualByComparingTo("25.00");
        assertThat(r.evaluation().rulesFired()).extracting(FiredRule::code).containsExactly(RuleCode.NO_PLANNED_WORK);
    }

    @Test
    void aMonthlySchemeRejectsAQuarterAndTheReverse() {
        EvaluationSubject s = Fixtures.perfect("A", "U", Role.MEMBER, "20");
        assertThatThrownBy(() -> engine.score(Period.parse("2026-Q2"), s, null, null))
                .hasMessageContaining("ha-noi-test is monthly").hasMessageContaining("2026-Q2");
        assertThatThrownBy(() -> new OrgScorer(Fixtures.anGiang()).scoreAll(JUNE, new OrgChart(List.of(OrgUnit.of("U", "u", null))),
                List.of())).hasMessageContaining("an-giang-test is quarterly").hasMessageContaining("2026-06");
    }

    @Test
    void timelineOfSeed002() {
        Timeline t = Fixtures.monthly().timeline();
        Timeline.Deadlines june = t.deadlines(JUNE);
        assertThat(june.selfAssessmentBefore()).hasToString("2026-06-25");
        assertThat(june.reviewBefore()).hasToString("2026-06-26");
        assertThat(june.decisionBefore()).hasToString("2026-06-28");
        assertThat(june.publicationBefore()).hasToString("2026-07-05");
        // December closes before 15 December (seed 002 IV.1 Lưu ý)
        Timeline.Deadlines dec = t.deadlines(Period.parse("2026-12"));
        assertThat(dec.decisionBefore()).hasToString("2026-12-15");
        assertThat(dec.selfAssessmentBefore()).hasToString("2026-12-15");
        assertThat(dec.publicationBefore()).hasToString("2027-01-05");
    }
}
