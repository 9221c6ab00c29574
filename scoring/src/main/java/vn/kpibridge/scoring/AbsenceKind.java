package vn.kpibridge.scoring;

/** Kinds of absence that defer a quarterly evaluation (seed 001 §7 d; seed 004 §6.1 b). */
public enum AbsenceKind {
    /** Full-time training ("đào tạo, bồi dưỡng theo hình thức tập trung"). */
    TRAINING("đào tạo, bồi dưỡng tập trung"),
    /** Sick leave ("nghỉ ốm"); counted together with maternity leave. */
    SICK("nghỉ ốm"),
    /** Maternity leave ("nghỉ thai sản"); counted together with sick leave. */
    MATERNITY("nghỉ thai sản");

    private final String label;

    AbsenceKind(String label) {
        this.label = label;
    }

    /** @return the Vietnamese label. */
    public String label() {
        return label;
    }
}
