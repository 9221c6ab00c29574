package vn.kpibridge.scoring;

import java.time.LocalDate;

/**
 * One absence, for the quarterly deferral rule.
 *
 * @param kind training, sick or maternity
 * @param from first day, inclusive
 * @param to last day, inclusive
 */
public record Absence(AbsenceKind kind, LocalDate from, LocalDate to) {
    /** @throws IllegalArgumentException when a component is missing or {@code to} is before {@code from}. */
    public Absence {
        if (kind == null || from == null || to == null) {
            throw new IllegalArgumentException("absence needs kind, from and to");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("absence " + kind + ": to " + to + " is before from " + from);
        }
    }
}
