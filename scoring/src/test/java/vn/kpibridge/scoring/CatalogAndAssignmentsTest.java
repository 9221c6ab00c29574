package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kpibridge.scoring.Fixtures.d;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 000 3.2: shares, monthly shares, support work by hours. */
class CatalogAndAssignmentsTest {
    @Test
    void sharesOfALargeProductAndMonthlySharesOfAMultiMonthTask() {
        // a product of coefficient 2 shared 0.5 / 0.3 / 0.2 (seed 000 3.2 d, second bullet)
        assertThat(WorkItems.checkShares("BTC-05 tờ trình NQ21", List.of(d("0.5"), d("0.3"), d("0.2")))).isEqualByComparingTo("0");
        WorkItem second = new WorkItem("i", "t", "BTC-05", null, d("2"), d("0.3"), d("1"), d("1"), null);
        // P = 1 x 2 x 0.3 = 0.6
        assertThat(second.plannedConverted()).isEqualByComparingTo("0.6");
        assertThatThrownBy(() -> WorkItems.checkShares("BTC-05 tờ trình NQ21", List.of(d("0.6"), d("0.5"))))
                .hasMessageContaining("BTC-05 tờ trình NQ21").hasMessageContaining("sum to 1.1");
        // a 3-month task of coefficient 3 with monthly shares 0.25 / 0.25 / 0.5: month 3 P = 3 x 0.5 = 1.5
        assertThat(WorkItems.checkShares("Đề án X", List.of(d("0.25"), d("0.25"))).compareTo(d("0.5"))).isZero();
        WorkItem month3 = new WorkItem("i", "t", "DA-X", null, d("3"), d("0.5"), d("1"), d("1"), null);
        Evaluation e = new ScoringEngine(Fixtures.monthly()).score(Period.parse("2026-06"),
                EvaluationSubject.of(Fixtures.input("E", "U", "30", List.of(month3)), Role.MEMBER), null, null).evaluation();
        assertThat(e.items().get(0).plannedConverted()).isEqualByComparingTo("1.5");
        assertThat(e.items().get(0).qualityCredit()).isEqualByComparingTo("1.5");
        // sub-products 1.2 + 0.5 of a parent of 2: 0.3 left; 1.5 + 0.6 exceeds it
        assertThat(WorkItems.checkSplit("BTC-05", d("2"), List.of(d("1.2"), d("0.5")))).isEqualByComparingTo("0.3");
        assertThatThrownBy(() -> WorkItems.checkSplit("BTC-05", d("2"), List.of(d("1.5"), d("0.6"))))
                .hasMessageContaining("BTC-05").hasMessageContaining("2.1");
    }

    @Test
    void supportWorkIsCountedByHoursAgainstTheStandardProduct() {
        // 6 hours against a standard product of 8 hours: coefficient 0.75
        WorkItem support = WorkItems.supportWork("HT-1", "Hỗ trợ tổ chức hội nghị", null, d("6"), d("8"), null);
        assertThat(support.coefficient()).isEqualByComparingTo("0.75");
        assertThat(support.productCode()).isEqualTo(WorkItems.SUPPORT_WORK_PRODUCT);
        assertThat(support.plannedConverted()).isEqualByComparingTo("0.75");
        // with a standard report (coefficient 1, planned 1, done 1): P = 1.75, a = b = c = 1 -> 70 + 20 = 90
        Evaluation e = new ScoringEngine(Fixtures.monthly()).score(Period.parse("2026-06"), EvaluationSubject.of(Fixtures.input(
                "E", "U", "20", List.of(Fixtures.item("r", "1", "1", "1", null), support)), Role.MEMBER), null, null).evaluation();
        assertThat(e.axes().get(0).plannedConverted()).isEqualByComparingTo("1.75");
        assertThat(e.displayedTotal()).isEqualByComparingTo("90.00");
        assertThatThrownBy(() -> WorkItems.supportWork("HT-2", "x", null, d("0"), d("8"), null)).hasMessageContaining("HT-2");
    }

    @Test
    void ratiosDeductionsWaiverAndQuantityCap() {
        Scheme s = Fixtures.monthly();
        ScoringEngine engine = new ScoringEngine(s);
        // 2 failed reviews: quality 1 - 2 x 0.25 = 0.5; 5 late deliveries: floor 0; leadership 1 shortfall: 0.75
        WorkItem bad = new WorkItem("b", "t", "P", null, d("1"), null, d("2"), d("3"), new ItemReview(2, 5, 1, null, null, null, null));
        // the same with a confirmed objective cause: all factors 1
        WorkItem excused = new WorkItem("x", "t", "P", null, d("1"), null, d("2"), d("3"),
                new ItemReview(2, 5, 1, "Mất điện diện rộng, có xác nhận", null, null, null));
        Evaluation e = engine.score(Period.parse("2026-06"), EvaluationSubject.of(Fixtures.input("E", "U", "20", List.of(bad, excused)),
                Role.MEMBER), null, null).evaluation();
        ItemCredit b = e.items().get(0);
        // quantity = min(3, 2) x 1 = 2 (never above 100%); quality = 3 x 0.5 = 1.5; timeliness = 3 x 0 = 0
        assertThat(b.quantityCredit()).isEqualByComparingTo("2");
        assertThat(b.qualityFactor()).isEqualByComparingTo("0.5");
        assertThat(b.qualityCredit()).isEqualByComparingTo("1.5");
        assertThat(b.timelinessFactor()).isEqualByComparingTo("0");
        assertThat(b.leadershipFactor()).isEqualByComparingTo("0.75");
        ItemCredit x = e.items().get(1);
        assertThat(x.qualityFactor()).isEqualByComparingTo("1");
        assertThat(x.timelinessCredit()).isEqualByComparingTo("3");
        // a = (2 + 2) / 4 = 100%; b = (1.5 + 3) / 4 = 112.5%; c = (0 + 3) / 4 = 75%
        AxisResult axis = e.axes().get(0);
        assertThat(axis.ratios().get(Ratio.QUANTITY)).isEqualByComparingTo("1");
        assertThat(axis.ratios().get(Ratio.QUALITY)).isEqualByComparingTo("1.125");
        assertThat(axis.ratios().get(Ratio.TIMELINESS)).isEqualByComparingTo("0.75");
        // KPI = (1 + 1.125 + 0.75) / 3 = 0.958333... uncapped; task = 0.958333... x 70 = 67.083333... -> 87.08
        assertThat(e.displayedTotal()).isEqualByComparingTo("87.08");
    }
}
