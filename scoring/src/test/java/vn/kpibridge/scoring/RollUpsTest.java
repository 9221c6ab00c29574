package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.d;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Month -> quarter -> year (seed 002 V.3; seed 001 §5; seed 004 §6.3). */
class RollUpsTest {

    static PeriodRating q(String id, String period, Rating rating) {
        return new PeriodRating(id, Period.parse(period), rating == null ? null : d("80"), rating);
    }

    @Test
    void quarterFromMonthsIsTheMeanOfRatedMonths() {
        QuarterSummary s = RollUps.quarterFromMonths(Fixtures.monthly(), "E", Period.parse("2026-Q2"), List.of(
                new PeriodRating("E", Period.parse("2026-04"), d("92"), Rating.EXCELLENT),
                new PeriodRating("E", Period.parse("2026-05"), d("85.5"), Rating.GOOD),
                new PeriodRating("E", Period.parse("2026-06"), d("70.25"), Rating.GOOD)));
        // (92 + 85.5 + 70.25) / 3 = 247.75 / 3 = 82.5833... -> 82.58 -> GOOD
        assertThat(s.monthsRated()).isEqualTo(3);
        assertThat(s.displayedMean()).isEqualByComparingTo("82.58");
        assertThat(s.suggestedRating()).isEqualTo(Rating.GOOD);
        assertThat(s.counts()).containsEntry(Rating.GOOD, 2).containsEntry(Rating.EXCELLENT, 1);
        // a month not rated is left out: (92 + 45) / 2 = 68.5 -> COMPLETED, and the NOT_COMPLETED month is noted
        QuarterSummary t = RollUps.quarterFromMonths(Fixtures.monthly(), "E", Period.parse("2026-Q2"), List.of(
                new PeriodRating("E", Period.parse("2026-04"), d("92"), Rating.EXCELLENT),
                new PeriodRating("E", Period.parse("2026-05"), null, null),
                new PeriodRating("E", Period.parse("2026-06"), d("45"), Rating.NOT_COMPLETED)));
        assertThat(t.displayedMean()).isEqualByComparingTo("68.50");
        assertThat(t.suggestedRating()).isEqualTo(Rating.COMPLETED);
        assertThat(t.notes()).anySatisfy(n -> assertThat(n).contains("Tháng 5/2026").contains("không đánh giá"))
                .anySatisfy(n -> assertThat(n).contains("Tháng 6/2026").contains("Không hoàn thành"));
        assertThatThrownBy(() -> RollUps.quarterFromMonths(Fixtures.monthly(), "E", Period.parse("2026-Q2"),
                List.of(new PeriodRating("E", Period.parse("2026-07"), d("92"), Rating.EXCELLENT))))
                .hasMessageContaining("2026-07 is not a month of 2026-Q2");
    }

    @Test
    void oneNotCompletedQuarterBarsYearExcellent() {
        YearSummary y = RollUps.yearFromQuarters("E", 2026, List.of(q("E", "2026-Q1", Rating.EXCELLENT),
                q("E", "2026-Q2", Rating.NOT_COMPLETED), q("E", "2026-Q3", Rating.GOOD), q("E", "2026-Q4", Rating.EXCELLENT)));
        assertThat(y.excellentQuarters()).isEqualTo(2);
        assertThat(y.notCompletedQuarters()).isEqualTo(1);
        assertThat(y.excellentBarred()).isTrue();
        assertThat(y.replacementRequired()).isFalse();
        assertThat(y.rules()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(RuleCode.YEAR_EXCELLENT_BARRED);
            assertThat(f.reason()).contains("Quý II/2026").contains("cả năm 2026");
        });
    }

    @Test
    void twoConsecutiveNotCompletedQuartersRequireReplacementAcrossTheYearBoundaryToo() {
        YearSummary inYear = RollUps.yearFromQuarters("E", 2026, List.of(q("E", "2026-Q1", Rating.GOOD),
                q("E", "2026-Q2", Rating.NOT_COMPLETED), q("E", "2026-Q3", Rating.NOT_COMPLETED)));
        assertThat(inYear.replacementRequired()).isTrue();
        assertThat(inYear.rules()).extracting(FiredRule::code)
                .containsExactly(RuleCode.YEAR_EXCELLENT_BARRED, RuleCode.REPLACEMENT_REQUIRED);
        assertThat(inYear.rules().get(1).reason()).contains("2 quý liên tiếp (Quý II/2026, Quý III/2026)");
        YearSummary across = RollUps.yearFromQuarters("E", 2026, List.of(q("E", "2025-Q4", Rating.NOT_COMPLETED),
                q("E", "2026-Q1", Rating.NOT_COMPLETED), q("E", "2026-Q2", Rating.GOOD)));
        assertThat(across.replacementRequired()).isTrue();
        assertThat(across.quarters()).hasSize(2);
        // Q1 and Q3 are not consecutive
        YearSummary gap = RollUps.yearFromQuarters("E", 2026, List.of(q("E", "2026-Q1", Rating.NOT_COMPLETED),
                q("E", "2026-Q2", Rating.GOOD), q("E", "2026-Q3", Rating.NOT_COMPLETED)));
        assertThat(gap.replacementRequired()).isFalse();
        // a deferred quarter (no rating) between two NOT_COMPLETED quarters breaks the run
        YearSummary deferred = RollUps.yearFromQuarters("E", 2026, List.of(q("E", "2026-Q1", Rating.NOT_COMPLETED),
                q("E", "2026-Q2", null), q("E", "2026-Q3", Rating.NOT_COMPLETED)));
        assertThat(deferred.replacementRequired()).isFalse();
    }

    @Test
    void yearExcellentCandidatesRankedByExcellentQuartersTiesTogether() {
        YearSummary e1 = RollUps.yearFromQuarters("E1", 2026, List.of(q("E1", "2026-Q1", Rating.EXCELLENT),
                q("E1", "2026-Q2", Rating.EXCELLENT), q("E1", "2026-Q3", Rating.EXCELLENT), q("E1", "2026-Q4", Rating.GOOD)));
        YearSummary e2 = RollUps.yearFromQuarters("E2", 2026, List.of(q("E2", "2026-Q1", Rating.EXCELLENT),
                q("E2", "2026-Q2", Rating.EXCELLENT), q("E2", "2026-Q3", Rating.GOOD)));
        YearSummary e3 = RollUps.yearFromQuarters("E3", 2026, List.of(q("E3", "2026-Q2", Rating.EXCELLENT),
                q("E3", "2026-Q4", Rating.EXCELLENT)));
        YearSummary barred = RollUps.yearFromQuarters("E4", 2026, List.of(q("E4", "2026-Q1", Rating.EXCELLENT),
                q("E4", "2026-Q2", Rating.EXCELLENT), q("E4", "2026-Q3", Rating.EXCELLENT), q("E4", "2026-Q4", Rating.NOT_COMPLETED)));
        YearSummary none = RollUps.yearFromQuarters("E5", 2026, List.of(q("E5", "2026-Q1", Rating.GOOD)));
        List<YearCandidate> ranked = RollUps.rankYearExcellentCandidates(List.of(e3, barred, none, e2, e1));
        assertThat(ranked).containsExactly(new YearCandidate(1, "E1", 3, false), new YearCandidate(2, "E3", 2, true),
                new YearCandidate(2, "E2", 2, true));
    }
}
