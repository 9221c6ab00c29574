package vn.kpibridge.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * All approved versions of one unit's catalog (DOMAIN.md 1: "a period is scored with the catalog
 * version in force for that period; past results never change when a catalog changes"). A period
 * uses the version in force on its last day, as {@code CatalogVersions} in the connectors does.
 *
 * @param id catalog id
 * @param versions the versions; in-force ranges must not overlap
 */
public record CatalogHistory(String id, List<Catalog> versions) {

    /**
     * @throws IllegalArgumentException when there is no version, a version has another catalog id,
     *     or two versions are in force on the same day (naming both)
     */
    public CatalogHistory {
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("catalog " + id + " has no version");
        }
        List<Catalog> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparing(c -> c.effectiveFrom() == null ? LocalDate.MIN : c.effectiveFrom()));
        for (Catalog c : sorted) {
            if (!c.id().equals(id)) {
                throw new IllegalArgumentException("catalog " + id + ": version " + c.version() + " belongs to catalog " + c.id());
            }
        }
        for (int i = 1; i < sorted.size(); i++) {
            Catalog prev = sorted.get(i - 1);
            Catalog next = sorted.get(i);
            LocalDate nextFrom = next.effectiveFrom() == null ? LocalDate.MIN : next.effectiveFrom();
            if (prev.effectiveTo() == null || !prev.effectiveTo().isBefore(nextFrom)) {
                throw new IllegalArgumentException("catalog " + id + ": versions " + prev.version() + " and " + next.version()
                        + " are both in force on " + nextFrom);
            }
        }
        versions = List.copyOf(sorted);
    }

    /**
     * @param period the period scored
     * @return the version in force on the period's last day
     * @throws IllegalArgumentException when no version is in force then
     */
    public Catalog forPeriod(Period period) {
        return versions.stream().filter(c -> c.inForceOn(period.end())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("catalog " + id + " has no version in force on " + period.end()
                        + " (period " + period.code() + ")"));
    }

    /**
     * @return the conversion coefficient of a product in the version in force for the period
     * @throws IllegalArgumentException when no version is in force or it lacks the product
     */
    public BigDecimal coefficient(String productCode, Period period) {
        return forPeriod(period).coefficient(productCode);
    }
}
