package vn.kpibridge.scoring;

/**
 * The three leader terms of the monthly leader formula (a+b+c+d+đ+e)/6 (seed 002 III.4.2).
 */
public enum LeaderTerm {
    /** d: results of the area led, 100% when every subordinate scores at least COMPLETED level, else 50%. */
    SUBORDINATES("d", "Kết quả hoạt động của lĩnh vực được giao lãnh đạo, quản lý, phụ trách"),
    /** đ: organising the work, 100% when the unit completed its plan on time with quality, 50% on prolonged delays. */
    ORGANISATION("đ", "Khả năng tổ chức triển khai thực hiện nhiệm vụ"),
    /** e: cohesion, 100% for a cohesive unit, 50% when prolonged disunity complaints were raised. */
    COHESION("e", "Năng lực tập hợp, đoàn kết công chức thuộc phạm vi quản lý");

    private final String letter;
    private final String label;

    LeaderTerm(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    /** @return the letter used in the seed's formula ("d", "đ", "e"). */
    public String letter() {
        return letter;
    }

    /** @return the Vietnamese label. */
    public String label() {
        return label;
    }
}
