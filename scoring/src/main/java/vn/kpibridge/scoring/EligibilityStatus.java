package vn.kpibridge.scoring;

/** Whether an employee is rated in the period. */
public enum EligibilityStatus {
    /** Rated normally. */
    RATED("Đánh giá, xếp loại"),
    /** Not rated: actual working days below 50% of the month's (seed 002 I.6). */
    NOT_RATED("Không đánh giá, xếp loại"),
    /** Deferred to the next quarter (seed 001 §7 d; seed 004 §6.1 b). */
    DEFERRED("Chuyển xem xét sang quý tiếp theo"),
    /** The input could not be scored; the reason names the employee and the field. */
    ERROR("Lỗi dữ liệu đầu vào");

    private final String label;

    EligibilityStatus(String label) {
        this.label = label;
    }

    /** @return the Vietnamese label. */
    public String label() {
        return label;
    }
}
