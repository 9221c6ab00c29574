package vn.kpibridge.scoring;

/** Kinds of absence that defer a quarterly evaluation (seed 001 §7 d; seed 004 §6.1 b). */
public enum AbsenceKind {
    /** Full-time training ("đào tạo, bồi dưỡng theo hình thức tập trung"). */
    TRAINING,
    /** Sick leave ("nghỉ ốm"); counted together with maternity leave. */
    SICK,
    /** Maternity leave ("nghỉ thai sản"); counted together with sick leave. */
    MATERNITY
}
