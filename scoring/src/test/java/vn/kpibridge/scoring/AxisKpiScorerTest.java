package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The seed 001 worked example (Phụ lục 2, "Bảng 2") and the rules around it, hand-checked. */
class AxisKpiScorerTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static Scheme oneAxisScheme() {
        return new Scheme("seed001-example", "one axis of 70", "seed 001 Phụ lục 2", d("30"), d("70"),
                List.of(new Axis("4", "Xây dựng Đảng và hệ thống chính trị", d("70"))),
                List.of(Ratio.QUANTITY, Ratio.QUALITY, Ratio.TIMELINESS, Ratio.LEADERSHIP),
                d("0.25"), d("1.2"),
                List.of(new Band(Rating.EXCELLENT, d("90")), new Band(Rating.GOOD, d("70")),
                        new Band(Rating.COMPLETED, d("50")), new Band(Rating.NOT_COMPLETED, d("0"))),
                Set.of(RuleCode.TASKS_BELOW_100_PERCENT), null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The five rows of "Bảng 2": item 1 done 1 of 2, one failed review, one late, one leadership shortfall; item 5 reviewer factors 1.2. */
    static List<WorkItem> seedItems() {
        return List.of(
                new WorkItem("1", "Báo cáo hằng tháng", "BTC-01", null, d("1"), null, d("2"), d("1"),
                        new ItemReview(1, 1, 1, null, null, null, null)),
                new WorkItem("2", "Báo cáo quý của các phòng", "BTC-02", null, d("1"), null, d("1"), d("1"), null),
                new WorkItem("3", "Báo cáo tổ chức cơ sở đảng", "BTC-03", null, d("1.2"), null, d("1"), d("1"), null),
                new WorkItem("4", "Tờ trình sinh hoạt đảng trực tuyến", "BTC-04", null, d("1.5"), null, d("1"), d("1"), null),
                new WorkItem("5", "Tờ trình Kết luận NQ 21", "BTC-05", null, d("2"), null, d("1"), d("1"),
                        new ItemReview(0, 0, 0, null, d("1.2"), d("1.2"), d("1.2"))));
    }

    static EmployeeInput seedEmployee(String forceMajeure) {
        return new EmployeeInput("CB-0001", "Nguyễn Văn A", "Phó Trưởng Ban", "BTC", true, d("30"), seedItems(),
                forceMajeure, Rating.EXCELLENT);
    }

    @Test
    void seedWorkedExampleGives9193AndNotCompleted() {
        Evaluation e = new AxisKpiScorer().score(oneAxisScheme(), seedEmployee(null));
        AxisResult axis = e.axes().get(0);
        assertThat(axis.plannedConverted()).isEqualByComparingTo("7.7");
        assertThat(Decimals.percent(axis.ratios().get(Ratio.QUANTITY))).isEqualByComparingTo("87.01");
        assertThat(Decimals.percent(axis.ratios().get(Ratio.QUALITY))).isEqualByComparingTo("88.96");
        assertThat(Decimals.percent(axis.ratios().get(Ratio.TIMELINESS))).isEqualByComparingTo("88.96");
        assertThat(Decimals.percent(axis.ratios().get(Ratio.LEADERSHIP))).isEqualByComparingTo("88.96");
        assertThat(Decimals.percent(axis.kpi())).isEqualByComparingTo("88.47");
        assertThat(e.displayedTotal()).isEqualByComparingTo("91.93");
        assertThat(e.pointsBand()).isEqualTo(Rating.EXCELLENT);
        assertThat(e.proposedRating()).isEqualTo(Rating.NOT_COMPLETED);
        assertThat(e.rulesFired()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(RuleCode.TASKS_BELOW_100_PERCENT);
            assertThat(r.waived()).isFalse();
            assertThat(r.reason()).contains("87,01%");
        });
        // Bảng 2 column totals
        BigDecimal q = e.items().stream().map(ItemCredit::quantityCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal b = e.items().stream().map(ItemCredit::qualityCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal dd = e.items().stream().map(ItemCredit::leadershipCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(q).isEqualByComparingTo("6.7");
        assertThat(b).isEqualByComparingTo("6.85");
        assertThat(dd).isEqualByComparingTo("6.85");
        assertThat(e.items().get(0).qualityFactor()).isEqualByComparingTo("0.75");
    }

    @Test
    void forceMajeureWaivesTheBelow100Rule() {
        Evaluation e = new AxisKpiScorer().score(oneAxisScheme(), seedEmployee("Ốm đau dài ngày có xác nhận"));
        assertThat(e.proposedRating()).isEqualTo(Rating.EXCELLENT);
        assertThat(e.rulesFired()).singleElement().satisfies(r -> assertThat(r.waived()).isTrue());
    }

    @Test
    void reviewerFactorAboveCapIsCappedAndQuantityNeverAbove100() {
        Scheme s = oneAxisScheme();
        WorkItem over = new WorkItem("x", "t", "P", null, d("1"), null, d("1"), d("3"),
                new ItemReview(0, 0, 0, null, d("1.5"), null, null));
        Evaluation e = new AxisKpiScorer().score(s, new EmployeeInput("E", "n", "p", "U", true, d("30"),
                List.of(over), null, null));
        ItemCredit row = e.items().get(0);
        assertThat(row.quantityCredit()).isEqualByComparingTo("1");      // min(3, 1) x 1
        assertThat(row.qualityFactor()).isEqualByComparingTo("1.2");     // capped
        assertThat(row.qualityCredit()).isEqualByComparingTo("3.6");     // 3 x 1.2
        // KPI = (1 + 3.6 + 3 + 3) / 4 = 2.65, points capped at 70, total 100
        assertThat(e.axes().get(0).kpi()).isEqualByComparingTo("2.65");
        assertThat(e.displayedTotal()).isEqualByComparingTo("100.00");
    }

    @Test
    void deductionsFloorAtZeroAndObjectiveCauseWaivesThem() {
        assertThat(ScoringEngine.factor(oneAxisScheme(), null, 5, false)).isEqualByComparingTo("0");
        assertThat(ScoringEngine.factor(oneAxisScheme(), null, 2, false)).isEqualByComparingTo("0.5");
        assertThat(ScoringEngine.factor(oneAxisScheme(), null, 2, true)).isEqualByComparingTo("1");
    }

    @Test
    void unknownAxisNamesTheItem() {
        WorkItem item = new WorkItem("CV-9", "t", "P", "7", d("1"), null, d("1"), d("1"), null);
        assertThatThrownBy(() -> new AxisKpiScorer().score(oneAxisScheme(),
                new EmployeeInput("E", "n", "p", "U", false, d("30"), List.of(item), null, null)))
                .hasMessageContaining("CV-9").hasMessageContaining("axis 7");
    }

    @Test
    void schemeWhoseAxesDoNotSumTo70IsRejected() {
        assertThatThrownBy(() -> new Scheme("bad", "bad", "x", d("30"), d("70"),
                List.of(new Axis("1", "a", d("60"))), List.of(Ratio.QUANTITY), d("0.25"), d("1.2"),
                List.of(new Band(Rating.NOT_COMPLETED, d("0"))), Set.of(), null, null, null, null, null, null, null, null, null, null, null))
                .hasMessageContaining("axis points sum to 60");
    }

    @Test
    void negativeDoneQuantityIsRejectedNamingTheItem() {
        assertThatThrownBy(() -> new WorkItem("CV-7", "t", "P", null, d("1"), null, d("1"), d("-1"), null))
                .hasMessageContaining("CV-7").hasMessageContaining("done quantity");
    }
}
