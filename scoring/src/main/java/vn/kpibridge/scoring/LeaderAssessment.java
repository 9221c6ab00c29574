package vn.kpibridge.scoring;

/**
 * The reviewer's input for the leader terms đ and e of seed 002 III.4.2 (also III.3 b and c).
 *
 * @param prolongedDelays true when the unit had shortcomings or prolonged delays in carrying out
 *     its work programme in the period: đ = 50% (else 100%: plan completed on time with quality)
 * @param delaysNote what happened, for the explanation; may be null
 * @param disunityComplaints true when complaints or petitions about prolonged internal disunity
 *     were raised in the period: e = 50% (else 100%: cohesive unit)
 * @param disunityNote what happened, for the explanation; may be null
 */
public record LeaderAssessment(boolean prolongedDelays, String delaysNote, boolean disunityComplaints, String disunityNote) {
    /** Both conditions met: đ = e = 100%. */
    public static final LeaderAssessment FULL = new LeaderAssessment(false, null, false, null);
}
