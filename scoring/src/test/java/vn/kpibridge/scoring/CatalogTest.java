package vn.kpibridge.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void coefficientIsPointsOverStandardAndRow8OfSeed001IsFlagged() {
        Catalog c = new Catalog("btc", "2026.1", LocalDate.of(2026, 4, 1), null, new BigDecimal("100"), List.of(
                new Product("BTC-03", "Báo cáo tổ chức cơ sở đảng", "Báo cáo", "", new BigDecimal("120"), new BigDecimal("1.2"), null),
                new Product("BTC-06", "Quyết định điều động", "Quyết định", "", new BigDecimal("50"), new BigDecimal("0.5"), null),
                new Product("BTC-08", "Tờ trình giao biên chế", "Tờ trình", "", new BigDecimal("120"), new BigDecimal("1"), null)));
        assertThat(c.coefficient("BTC-03")).isEqualByComparingTo("1.2");
        assertThat(c.coefficient("BTC-06")).isEqualByComparingTo("0.5");
        assertThat(c.inconsistencies()).singleElement().asString()
                .contains("BTC-08").contains("stated coefficient 1").contains("= 1.2");
        assertThat(c.inForceOn(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(c.inForceOn(LocalDate.of(2026, 6, 30))).isTrue();
    }
}
