package vn.kpibridge.scoring;

/** Where an employee stands in the EXCELLENT quota of their group. */
public enum QuotaStatus {
    /** EXCELLENT candidate within the cap: stays proposed EXCELLENT. */
    WITHIN_CAP,
    /** EXCELLENT candidate over the cap: proposed for GOOD (lowest scores first). */
    PROPOSED_FOR_GOOD,
    /**
     * EXCELLENT candidate tied, at the cap boundary, with others of the same displayed score: the
     * approving authority chooses which of them move to GOOD; stays proposed EXCELLENT meanwhile.
     */
    TIED_AT_CAP,
    /** The head: not counted in the quota (seed 001 §6.1, seed 004 §6.2). */
    HEAD_NOT_COUNTED
}
