package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.d;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scheme file that is invalid is rejected with its reason (issue 3); defaults of optional components. */
class SchemeValidationTest {

    @Test
    void optionalComponentsDefault() {
        Scheme s = AxisKpiScorerTest.oneAxisScheme();
        assertThat(s.kind()).isEqualTo(SchemeKind.QUARTERLY_AXES);
        assertThat(s.leaderTermRoles()).containsExactlyInAnyOrder(Role.HEAD, Role.DEPUTY);
        assertThat(s.leaderTermReduced()).isEqualByComparingTo("0.5");
        assertThat(s.minWorkingDaysShare()).isEqualByComparingTo("0.5");
        assertThat(s.collectiveThreshold()).isEqualByComparingTo("0.70");
        assertThat(s.quota().rate()).isEqualByComparingTo("0.20");
        assertThat(s.quota().maxRate()).isEqualByComparingTo("0.25");
        assertThat(s.quota().reading()).isEqualTo(QuotaReading.GOOD_OR_BETTER);
        assertThat(Fixtures.monthly().axes()).singleElement().satisfies(a -> assertThat(a.maxPoints()).isEqualByComparingTo("70"));
    }

    @Test
    void overlappingBandsAndBadChecklistAndBadWeightsAreRejected() {
        assertThatThrownBy(() -> new Scheme("x", "x", "x", d("30"), d("70"), null, List.of(Ratio.QUANTITY), d("0.25"), d("1.2"),
                List.of(new Band(Rating.EXCELLENT, d("90")), new Band(Rating.GOOD, d("90.00")), new Band(Rating.NOT_COMPLETED, d("0"))),
                Set.of(), SchemeKind.MONTHLY, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("overlapping bands");
        List<GeneralCriterion> short29 = new java.util.ArrayList<>(Fixtures.mau03());
        short29.set(16, new GeneralCriterion("3.4", "x", d("1")));
        assertThatThrownBy(() -> new Scheme("x", "x", "x", d("30"), d("70"), null, List.of(Ratio.QUANTITY), d("0.25"), d("1.2"),
                Fixtures.bands(), Set.of(), SchemeKind.MONTHLY, null, null, null, null, null, null, short29, null, null, null))
                .hasMessageContaining("checklist sums to 29");
        assertThatThrownBy(() -> new Scheme("x", "x", "x", d("30"), d("70"), null, List.of(Ratio.QUANTITY), d("0.25"), d("1.2"),
                Fixtures.bands(), Set.of(), SchemeKind.GROUP_WEIGHTED, null, null, null, null, null, null, null,
                Fixtures.ngheAn().indicatorGroups(),
                List.of(new PositionGroup("CV", "x", Map.of("KQ", d("40"), "HL", d("10"), "XX", d("10")))), null))
                .hasMessageContaining("unknown indicator group XX").hasMessageContaining("weights sum to 60");
        assertThatThrownBy(() -> new Scheme("x", "x", "x", d("30"), d("70"),
                List.of(new Axis("1", "a", d("35")), new Axis("2", "b", d("35"))), List.of(Ratio.QUANTITY), d("0.25"), d("1.2"),
                Fixtures.bands(), Set.of(), SchemeKind.MONTHLY, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("exactly one axis");
        assertThatThrownBy(() -> new QuotaSettings(d("0.3"), d("0.25"), null)).hasMessageContaining("maxRate");
    }
}
