package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.input;
import static vn.kpibridge.scoring.Fixtures.item;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Seed 002 III.4.2 d bottom-up through the org tree (II.3 evaluation authority), with the quota per unit. */
class OrgScorerTest {
    static final Period JUNE = Period.parse("2026-06");

    static OrgChart chart() {
        return new OrgChart(List.of(OrgUnit.of("PROV", "Tỉnh", null), OrgUnit.of("A", "Sở A", "PROV"), OrgUnit.of("B", "Sở B", "PROV")));
    }

    /** Leaders: one item fully done, general 25, đ = e = 100%. KPI = (3 + d + 1 + 1) / 6. */
    static EvaluationSubject leader(String id, String unit, Role role) {
        return Fixtures.perfect(id, unit, role, "25").withLeaderAssessment(LeaderAssessment.FULL);
    }

    static List<EvaluationSubject> people(boolean m1ReportsToDeputy, boolean weakHeadB) {
        List<EvaluationSubject> out = new ArrayList<>();
        out.add(leader("P", "PROV", Role.HEAD));
        out.add(leader("A", "A", Role.HEAD));
        out.add(leader("AD", "A", Role.DEPUTY));
        EvaluationSubject m1 = Fixtures.perfect("m1", "A", Role.MEMBER, "20"); // 20 + 70 = 90
        out.add(m1ReportsToDeputy ? m1.withReportsTo("AD") : m1);
        // m2: done 1 of 2: a = b = c = 0.5 -> 35 + 10 = 45 (below 50)
        out.add(EvaluationSubject.of(input("m2", "A", "10", List.of(item("m2-1", "1", "2", "1", null))), Role.MEMBER));
        out.add(weakHeadB
                // nothing done: (0 + 0 + 0 + 1 + 1 + 1) / 6 = 0.5 -> 35 + 0 = 35
                ? EvaluationSubject.of(input("B", "B", "0", List.of(item("B-1", "1", "1", "0", null))), Role.HEAD)
                        .withLeaderAssessment(LeaderAssessment.FULL)
                : leader("B", "B", Role.HEAD));
        out.add(Fixtures.perfect("b1", "B", Role.MEMBER, "10")); // 80
        return out;
    }

    static Map<String, EmployeeResult> byId(List<UnitOutcome> outcomes) {
        return outcomes.stream().flatMap(o -> o.results().stream()).collect(Collectors.toMap(EmployeeResult::employeeId, r -> r));
    }

    @Test
    void leadersGetDFromTheResultsOfThoseTheyEvaluate() {
        Map<String, EmployeeResult> r = byId(new OrgScorer(Fixtures.monthly(), 2).scoreAll(JUNE, chart(), people(false, false)));
        assertThat(r.get("m2").evaluation().displayedTotal()).isEqualByComparingTo("45.00");
        // deputy AD evaluates nobody explicitly: answers for the unit's members m1 (90) and m2 (45): d = 50%
        // (3 + 0.5 + 1 + 1) / 6 x 70 = 64.1666... + 25 = 89.17
        assertThat(d(r.get("AD"))).isEqualByComparingTo("0.5");
        assertThat(r.get("AD").evaluation().displayedTotal()).isEqualByComparingTo("89.17");
        // head A evaluates AD, m1, m2: m2 below 50 -> d = 50% -> 89.17
        assertThat(d(r.get("A"))).isEqualByComparingTo("0.5");
        assertThat(r.get("A").leaderTerms().get(0).reason()).contains("1/3").contains("m2");
        // head B evaluates b1 (80): d = 100% -> 6 / 6 x 70 + 25 = 95
        assertThat(r.get("B").evaluation().displayedTotal()).isEqualByComparingTo("95.00");
        // the province head evaluates the heads A (89.17) and B (95): d = 100% -> 95
        assertThat(d(r.get("P"))).isEqualByComparingTo("1");
        assertThat(r.get("P").leaderTerms().get(0).reason()).contains("2/2");
        assertThat(r.get("P").evaluation().displayedTotal()).isEqualByComparingTo("95.00");
    }

    @Test
    void explicitEvaluatorNarrowsTheDeputysField() {
        Map<String, EmployeeResult> r = byId(new OrgScorer(Fixtures.monthly(), 1).scoreAll(JUNE, chart(), people(true, false)));
        // AD evaluates m1 only (90): d = 100% -> 95
        assertThat(d(r.get("AD"))).isEqualByComparingTo("1");
        assertThat(r.get("AD").evaluation().displayedTotal()).isEqualByComparingTo("95.00");
        // A evaluates AD and m2 (45): d = 50%
        assertThat(d(r.get("A"))).isEqualByComparingTo("0.5");
        assertThat(r.get("A").leaderTerms().get(0).reason()).contains("1/2");
    }

    @Test
    void aWeakChildHeadLowersTheParentHeadsD() {
        Map<String, EmployeeResult> r = byId(new OrgScorer(Fixtures.monthly(), 2).scoreAll(JUNE, chart(), people(false, true)));
        // B: (0 + 0 + 0 + 1 + 1 + 1) / 6 = 0.5 -> 35.00 (b1 at 80 keeps B's d at 100%)
        assertThat(r.get("B").evaluation().displayedTotal()).isEqualByComparingTo("35.00");
        // P: B below 50 -> d = 50% -> 89.17
        assertThat(d(r.get("P"))).isEqualByComparingTo("0.5");
        assertThat(r.get("P").leaderTerms().get(0).reason()).contains("Người B (B, 35,00 điểm)");
        assertThat(r.get("P").evaluation().displayedTotal()).isEqualByComparingTo("89.17");
    }

    @Test
    void quotaPerUnitHeadNotCountedAndChildrenReachTheSinkFirst() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<UnitOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<EvaluationSubject>> byUnit = people(false, false).stream()
                .collect(Collectors.groupingBy(EvaluationSubject::unitCode));
        Function<OrgUnit, List<EvaluationSubject>> source = u -> byUnit.get(u.code());
        OrgScorer.BatchStats stats = new OrgScorer(Fixtures.monthly(), 2).score(JUNE, chart(), source, o -> {
            order.add(o.unit().code());
            outcomes.add(o);
        });
        assertThat(stats.units()).isEqualTo(3);
        assertThat(stats.employees()).isEqualTo(7);
        assertThat(stats.items()).isEqualTo(7);
        assertThat(order.get(2)).isEqualTo("PROV");
        UnitOutcome a = outcomes.stream().filter(o -> o.unit().code().equals("A")).findFirst().orElseThrow();
        // heads first, then deputies, then members
        assertThat(a.results()).extracting(EmployeeResult::employeeId).containsExactly("A", "AD", "m1", "m2");
        // unit A without its head: AD GOOD (89.17), m1 EXCELLENT (90), m2 below: base 2, 20% x 2 = 0.4 -> cap 0
        assertThat(a.quotas()).singleElement().satisfies(q -> {
            assertThat(q.base()).isEqualTo(2);
            assertThat(q.exactCap()).isEqualByComparingTo("0.4");
            assertThat(q.cap()).isZero();
            assertThat(q.proposedForGood()).containsExactly("m1");
        });
        EmployeeResult m1 = a.results().get(2);
        assertThat(m1.evaluation().proposedRating()).isEqualTo(Rating.EXCELLENT);
        assertThat(m1.finalProposedRating()).isEqualTo(Rating.GOOD);
        assertThat(m1.quota().status()).isEqualTo(QuotaStatus.PROPOSED_FOR_GOOD);
        assertThat(a.results().get(0).quota().status()).isEqualTo(QuotaStatus.HEAD_NOT_COUNTED);
    }

    @Test
    void inconsistentUnitsAndBadEmployeesDoNotBlockTheBatch() {
        List<EvaluationSubject> people = new ArrayList<>(people(false, false));
        // a second head in unit B
        people.add(leader("B2", "B", Role.HEAD));
        // an item on an axis the monthly scheme does not have
        people.add(EvaluationSubject.of(input("m3", "A", "20",
                List.of(new WorkItem("CV-77", "t", "P", "9", Fixtures.d("1"), null, Fixtures.d("1"), Fixtures.d("1"), null))),
                Role.MEMBER));
        Map<String, UnitOutcome> byUnit = new OrgScorer(Fixtures.monthly(), 2).scoreAll(JUNE, chart(), people).stream()
                .collect(Collectors.toMap(o -> o.unit().code(), o -> o));
        assertThat(byUnit.get("B").error()).contains("two heads").contains("B2");
        assertThat(byUnit.get("B").results()).allSatisfy(r -> assertThat(r.eligibility().status()).isEqualTo(EligibilityStatus.ERROR));
        EmployeeResult m3 = byUnit.get("A").results().stream().filter(r -> r.employeeId().equals("m3")).findFirst().orElseThrow();
        assertThat(m3.eligibility().status()).isEqualTo(EligibilityStatus.ERROR);
        assertThat(m3.eligibility().reasons().get(0)).contains("m3").contains("CV-77").contains("axis 9");
        // the rest of unit A is scored; B's heads are errors, so P counts only A: 89.17 >= 50 -> d = 100%
        assertThat(byUnit.get("A").error()).isNull();
        EmployeeResult p = byUnit.get("PROV").results().get(0);
        assertThat(d(p)).isEqualByComparingTo("1");
        assertThat(p.leaderTerms().get(0).reason()).contains("1/1").contains("không tính 2 người");
    }

    @Test
    void loopingEvaluatorsAreAUnitError() {
        List<EvaluationSubject> people = new ArrayList<>(people(false, false));
        people.replaceAll(s -> s.employeeId().equals("AD") ? s.withReportsTo("m1")
                : s.employeeId().equals("m1") ? s.withReportsTo("AD") : s);
        Map<String, UnitOutcome> byUnit = new OrgScorer(Fixtures.monthly(), 1).scoreAll(JUNE, chart(), people).stream()
                .collect(Collectors.toMap(o -> o.unit().code(), o -> o));
        assertThat(byUnit.get("A").error()).contains("loops").contains("AD").contains("m1");
    }

    @Test
    void orgChartAndUnitErrorsNameTheUnit() {
        assertThatThrownBy(() -> new OrgChart(List.of(OrgUnit.of("X", "x", "Y")))).hasMessageContaining("unit X")
                .hasMessageContaining("parent unit Y");
        assertThatThrownBy(() -> new OrgChart(List.of(OrgUnit.of("X", "x", "Y"), OrgUnit.of("Y", "y", "X"))))
                .hasMessageContaining("loops");
        assertThatThrownBy(() -> new OrgScorer(Fixtures.monthly()).scoreAll(JUNE, chart(),
                List.of(Fixtures.perfect("z", "NOPE", Role.MEMBER, "20")))).hasMessageContaining("employee z").hasMessageContaining("NOPE");
    }

    private static java.math.BigDecimal d(EmployeeResult r) {
        return r.leaderTerms().get(0).value();
    }
}
