package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.d;
import static vn.kpibridge.scoring.Fixtures.input;
import static vn.kpibridge.scoring.Fixtures.item;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 003: indicator groups (tasks, satisfaction, coordination, discipline) weighted per job-position group. */
class GroupWeightedTest {
    static final Period JUNE = Period.parse("2026-06");
    final ScoringEngine engine = new ScoringEngine(Fixtures.ngheAn());

    static Map<String, java.math.BigDecimal> values() {
        return Map.of("HL", d("0.9"), "PH", d("1"), "KL", d("0.8"));
    }

    @Test
    void groupsWeightedByPositionGroup() {
        // one item, planned 4, done 3: a = b = c = 0.75 -> task group 0.75
        EvaluationSubject cv = EvaluationSubject.of(input("N1", "U", "27", List.of(item("x", "1", "4", "3", null))), Role.MEMBER)
                .withPositionGroup("CV").withIndicatorValues(values());
        Evaluation e = engine.score(JUNE, cv, null, null).evaluation();
        assertThat(e.axes()).extracting(AxisResult::code).containsExactly("KQ", "HL", "PH", "KL");
        // CV weights 40/10/10/10: 0.75 x 40 = 30; 0.9 x 10 = 9; 1 x 10 = 10; 0.8 x 10 = 8 -> 57
        assertThat(e.axes().get(0).points()).isEqualByComparingTo("30");
        assertThat(e.axes().get(1).points()).isEqualByComparingTo("9");
        assertThat(e.taskPoints()).isEqualByComparingTo("57");
        // 27 + 57 = 84 -> GOOD
        assertThat(e.displayedTotal()).isEqualByComparingTo("84.00");
        assertThat(e.pointsBand()).isEqualTo(Rating.GOOD);
        // LD weights 35/10/10/15: 26.25 + 9 + 10 + 12 = 57.25 -> 84.25
        Evaluation ld = engine.score(JUNE, cv.withPositionGroup("LD"), null, null).evaluation();
        assertThat(ld.displayedTotal()).isEqualByComparingTo("84.25");
    }

    @Test
    void taskGroupWithoutPlannedWorkSharesItsWeight() {
        EvaluationSubject cv = EvaluationSubject.of(input("N2", "U", "27", List.of()), Role.MEMBER)
                .withPositionGroup("CV").withIndicatorValues(values());
        Evaluation e = engine.score(JUNE, cv, null, null).evaluation();
        // KQ not applicable: HL, PH, KL (10 each) share 70: (0.9 + 1 + 0.8) x 70 / 3 = 63 -> 27 + 63 = 90
        assertThat(e.taskPoints()).isEqualByComparingTo("63");
        assertThat(e.displayedTotal()).isEqualByComparingTo("90.00");
    }

    @Test
    void missingInputsNameTheEmployeeAndTheGroup() {
        EvaluationSubject s = EvaluationSubject.of(input("N3", "U", "27", List.of()), Role.MEMBER);
        assertThatThrownBy(() -> engine.score(JUNE, s, null, null)).hasMessageContaining("N3").hasMessageContaining("positionGroup");
        assertThatThrownBy(() -> engine.score(JUNE, s.withPositionGroup("XX"), null, null)).hasMessageContaining("positionGroup XX");
        assertThatThrownBy(() -> engine.score(JUNE, s.withPositionGroup("CV").withIndicatorValues(Map.of("HL", d("1"))), null, null))
                .hasMessageContaining("N3").hasMessageContaining("indicatorValues.PH is missing");
    }
}
