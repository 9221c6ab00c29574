package vn.kpibridge.scoring;

/**
 * The four KPI ratios of DOMAIN.md 2 (seed 001 Phụ lục 2: A, B, C, D).
 */
public enum Ratio {
    /** A: quantity, "Số lượng sản phẩm công việc". Never above 100%. */
    QUANTITY("Số lượng"),
    /** B: quality, "Chất lượng sản phẩm". */
    QUALITY("Chất lượng"),
    /** C: timeliness, "Tiến độ hoàn thành". */
    TIMELINESS("Tiến độ"),
    /** D: leadership, "Lãnh đạo, chỉ đạo, điều hành". */
    LEADERSHIP("Lãnh đạo, chỉ đạo, điều hành");

    private final String label;

    Ratio(String label) {
        this.label = label;
    }

    /** @return the Vietnamese column label. */
    public String label() {
        return label;
    }
}
