package vn.kpibridge.connectors.source;

/** Kinds of normalised source record. */
public enum RecordType {
    /** An assigned task / work product with plan, delivery and review outcomes. */
    TASK,
    /** An assessment of the employee for the period: general criteria, self-proposal, excuses. */
    ASSESSMENT
}
