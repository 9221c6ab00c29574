package vn.kpibridge.scoring;

/**
 * The two readings of "EXCELLENT &lt;= 20% of the number rated GOOD" (seed 002 II.2 (5) a, the same
 * wording as Decree 335/2025/NĐ-CP); DOMAIN.md 3a asks the scheme to name its reading.
 */
public enum QuotaReading {
    /**
     * Base = employees (head excluded) whose pre-quota rating is GOOD or EXCELLENT. Default.
     */
    GOOD_OR_BETTER,
    /**
     * Base = employees (head excluded) finally rated GOOD, i.e. GOOD before the quota plus the
     * EXCELLENT candidates moved to GOOD by it. The cap is then the largest k with
     * k &lt;= round-half-up(rate x (good + excellent - k)).
     */
    GOOD_ONLY
}
