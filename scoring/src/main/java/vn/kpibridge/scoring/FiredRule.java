package vn.kpibridge.scoring;

/**
 * A rule that fired for an employee, with the reason a reviewer can read.
 *
 * @param code rule code
 * @param source seed and section of the rule
 * @param reason Vietnamese explanation for reports, with the figures that triggered it
 * @param effect the rating the rule imposes, or null when it only flags
 * @param waived true when a confirmed excuse stopped the rule from taking effect
 */
public record FiredRule(RuleCode code, String source, String reason, Rating effect, boolean waived) {
}
