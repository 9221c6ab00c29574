package vn.kpibridge.connectors.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.Product;
import vn.kpibridge.scoring.WorkItem;
import vn.kpibridge.scoring.WorkItems;

/** DOMAIN.md 1: a period is scored with the catalog version in force on its last day; past results never change. */
class CatalogVersionsTest {
    static final Period Q2 = Period.parse("2026-Q2");
    static final Period Q3 = Period.parse("2026-Q3");

    static Catalog version(String v, LocalDate from, LocalDate to, String points) {
        return new Catalog("btc", v, from, to, new BigDecimal("100"), List.of(
                new Product("BTC-01", "Báo cáo hằng tháng", "Báo cáo", "", new BigDecimal("100"), BigDecimal.ONE, 1),
                new Product("BTC-03", "Báo cáo tổ chức cơ sở đảng", "Báo cáo", "", new BigDecimal(points), null, 2)));
    }

    @Test
    void aPeriodUsesTheVersionInForceOnItsLastDayAndPastResultsDoNotChange() {
        Catalog v1 = version("2026.1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), "120");
        Catalog v2 = version("2026.2", LocalDate.of(2026, 7, 1), null, "150");
        CatalogVersions before = new CatalogVersions("btc", "Ban Tổ chức", List.of(v1));
        CatalogVersions after = new CatalogVersions("btc", "Ban Tổ chức", List.of(v2, v1));
        // 120 / 100 = 1.2 in Q2, 150 / 100 = 1.5 from Q3
        assertThat(after.forPeriod(Q2).coefficient("BTC-03")).isEqualByComparingTo("1.2");
        assertThat(after.forPeriod(Q3).coefficient("BTC-03")).isEqualByComparingTo("1.5");
        assertThat(after.forPeriod(Period.parse("2026-06")).version()).isEqualTo("2026.1");
        // Q2 scored before and after v2 was approved: same P = 2 x 1.2 = 2.4
        WorkItem itemBefore = WorkItems.fromCatalog(before.forPeriod(Q2), "i", "t", "BTC-03", null, null,
                new BigDecimal("2"), new BigDecimal("2"), null);
        WorkItem itemAfter = WorkItems.fromCatalog(after.forPeriod(Q2), "i", "t", "BTC-03", null, null,
                new BigDecimal("2"), new BigDecimal("2"), null);
        assertThat(itemBefore.plannedConverted()).isEqualByComparingTo("2.4");
        assertThat(itemAfter.plannedConverted()).isEqualByComparingTo("2.4");
        assertThatThrownBy(() -> before.forPeriod(Q3)).hasMessageContaining("no version in force on 2026-09-30");
    }
}
