package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An approved version of a unit's product catalog.
 *
 * <p>Coefficient = product points / standard product points (seed 001, Phụ lục 1, bước 3). A
 * period is scored with the version in force for it (DOMAIN.md section 1), so a catalog carries
 * its effective dates.
 *
 * @param id catalog id, e.g. "ban-to-chuc-tinh-uy"
 * @param version approved version label, e.g. "2026.1"
 * @param effectiveFrom first day the version is in force (inclusive)
 * @param effectiveTo last day in force (inclusive), or null while current
 * @param standardPoints points of the standard product (coefficient 1), e.g. 100
 * @param products the products, in catalog order
 */
public record Catalog(
        String id,
        String version,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        BigDecimal standardPoints,
        List<Product> products) {

    /** @throws IllegalArgumentException on duplicate product codes or non-positive standard points. */
    public Catalog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(standardPoints, "standardPoints");
        if (standardPoints.signum() <= 0) {
            throw new IllegalArgumentException("catalog " + id + ": standard points must be > 0");
        }
        products = List.copyOf(products);
        Map<String, Product> seen = new LinkedHashMap<>();
        for (Product p : products) {
            if (seen.put(p.code(), p) != null) {
                throw new IllegalArgumentException("catalog " + id + ": duplicate product code " + p.code());
            }
        }
    }

    /** @return the product with this code, if the catalog has it. */
    public Optional<Product> product(String code) {
        return products.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /**
     * Conversion coefficient of a product: points / standard points (seed 001, Phụ lục 1, bước 3).
     *
     * @throws IllegalArgumentException when the code is not in the catalog
     */
    public BigDecimal coefficient(String productCode) {
        Product p = product(productCode).orElseThrow(() -> new IllegalArgumentException(
                "catalog " + id + " v" + version + " has no product " + productCode));
        return Decimals.divide(p.points(), standardPoints).stripTrailingZeros();
    }

    /** @return true when {@code day} lies within [effectiveFrom, effectiveTo]. */
    public boolean inForceOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /**
     * Products whose stated coefficient disagrees with points / standard points. Example from
     * seed 001 "Bảng danh mục" row 8: 120 points but stated coefficient 1 (computed 1.2).
     *
     * @return one human-readable finding per inconsistent product, empty when consistent
     */
    public List<String> inconsistencies() {
        List<String> out = new ArrayList<>();
        for (Product p : products) {
            if (p.statedCoefficient() == null) {
                continue;
            }
            BigDecimal computed = coefficient(p.code());
            if (computed.compareTo(p.statedCoefficient()) != 0) {
                out.add("product " + p.code() + " \"" + p.name() + "\": stated coefficient "
                        + p.statedCoefficient().toPlainString() + " but " + p.points().toPlainString()
                        + " / " + standardPoints.toPlainString() + " = " + computed.toPlainString()
                        + " (seed 001, Phụ lục 1, bước 3); the computed value is used");
            }
        }
        return out;
    }
}
