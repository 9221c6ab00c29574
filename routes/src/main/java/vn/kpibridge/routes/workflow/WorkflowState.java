package vn.kpibridge.routes.workflow;

/**
 * States of an evaluation's workflow (issue 6 point 2; DOMAIN.md glossary "Tự đánh giá / nhận xét /
 * quyết định"; seed 002 IV.1 timeline).
 *
 * <pre>
 * PROVISIONAL --self-assessment--> SELF_ASSESSED --review--> REVIEWED --approval--> APPROVED --publish--> PUBLISHED
 *      \_____________________review (employee missed the step)___^                  |                      |
 *                                                  REOPENED <--reopen (reason)------+----------------------+
 *                                                  REOPENED <--new records change the result of APPROVED/PUBLISHED
 *                                                  REOPENED --review--> REVIEWED
 * </pre>
 */
public enum WorkflowState {
    /** Scored from records only; waiting for the employee's self-assessment. */
    PROVISIONAL,
    /** The employee proposed their rating; waiting for the direct leader's review. */
    SELF_ASSESSED,
    /** The direct leader entered their inputs; waiting for the approving authority. */
    REVIEWED,
    /** The approving authority decided the rating within the quota; waiting for publication. */
    APPROVED,
    /** Sent to the HR and party systems (outbox). */
    PUBLISHED,
    /** Sent back for a new review: by the authority with a reason, or by new records after approval. */
    REOPENED;

    /** @return the deadline step that is due in this state, or null when nothing is due. */
    public String dueStep() {
        return switch (this) {
            case PROVISIONAL -> "SELF_ASSESSMENT";
            case SELF_ASSESSED, REOPENED -> "REVIEW";
            case REVIEWED -> "DECISION";
            case APPROVED -> "PUBLICATION";
            case PUBLISHED -> null;
        };
    }
}
