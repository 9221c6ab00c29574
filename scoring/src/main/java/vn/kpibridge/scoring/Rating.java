package vn.kpibridge.scoring;

/**
 * The four rating levels of every seed, best first.
 *
 * <p>Source: DOMAIN.md glossary; seed 001 Mẫu 03 part II ("Theo 04 mức"), seed 002 V.1
 * (Loại A-D). {@link #label()} is the Vietnamese label printed in reports.
 */
public enum Rating {
    /** "Hoàn thành xuất sắc nhiệm vụ" (Loại A). */
    EXCELLENT("Hoàn thành xuất sắc nhiệm vụ", "A"),
    /** "Hoàn thành tốt nhiệm vụ" (Loại B). */
    GOOD("Hoàn thành tốt nhiệm vụ", "B"),
    /** "Hoàn thành nhiệm vụ" (Loại C). */
    COMPLETED("Hoàn thành nhiệm vụ", "C"),
    /** "Không hoàn thành nhiệm vụ" (Loại D). */
    NOT_COMPLETED("Không hoàn thành nhiệm vụ", "D");

    private final String label;
    private final String letter;

    Rating(String label, String letter) {
        this.label = label;
        this.letter = letter;
    }

    /** @return the Vietnamese label used in reports, e.g. "Hoàn thành tốt nhiệm vụ". */
    public String label() {
        return label;
    }

    /** @return the letter of seed 002 ("A" to "D"). */
    public String letter() {
        return letter;
    }

    /** @return true when this rating is strictly worse than {@code other}. */
    public boolean isWorseThan(Rating other) {
        return ordinal() > other.ordinal();
    }
}
