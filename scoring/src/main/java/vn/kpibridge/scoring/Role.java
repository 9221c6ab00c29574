package vn.kpibridge.scoring;

/**
 * The role of an employee in the unit they are evaluated in (DOMAIN.md glossary: head / deputy).
 *
 * <p>The role decides the org tree used bottom-up (seed 002 II.3: the head of a unit evaluates its
 * deputies and staff; the head of the parent unit evaluates the heads of its child units), who gets
 * the leader formula (seed 002 III.4.2), who is exempt from the EXCELLENT quota (seed 001 §6.1,
 * seed 004 §6.2) and whom the collective rule hits (seed 001 §6.3, seed 004 §5.3).
 */
public enum Role {
    /** "Người đứng đầu": head of the unit (at most one per unit). */
    HEAD("Người đứng đầu"),
    /** "Cấp phó": deputy head. */
    DEPUTY("Cấp phó"),
    /** Any other employee of the unit. */
    MEMBER("Công chức, viên chức");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** @return the Vietnamese label. */
    public String label() {
        return label;
    }
}
