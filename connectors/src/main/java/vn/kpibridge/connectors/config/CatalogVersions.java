package vn.kpibridge.connectors.config;

import java.util.List;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;

/**
 * All approved versions of one unit's catalog. A period is scored with the version in force on
 * its last day (the day the period is evaluated), so past results never change when a later
 * version is approved (DOMAIN.md 1).
 *
 * @param id catalog id
 * @param name catalog name
 * @param versions versions, any order
 */
public record CatalogVersions(String id, String name, List<Catalog> versions) {

    /**
     * @param period the period being scored
     * @return the version in force on the period's last day
     * @throws IllegalStateException when no version is in force then
     */
    public Catalog forPeriod(Period period) {
        return versions.stream().filter(c -> c.inForceOn(period.end())).findFirst()
                .orElseThrow(() -> new IllegalStateException("catalog " + id + " has no version in force on "
                        + period.end() + " (period " + period.code() + ")"));
    }
}
