package vn.kpibridge.connectors.report;

import java.util.ArrayList;
import java.util.List;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.FiredRule;
import vn.kpibridge.scoring.QuotaMark;
import vn.kpibridge.scoring.Texts;

/**
 * Vietnamese text of the "căn cứ" (grounds) of a proposed rating, for the summary forms: points,
 * KPI, points band, every rule that fired with its reason, the quota mark and, for an employee not
 * rated, why. Numbers use the Vietnamese decimal comma ("91,93").
 */
public final class Grounds {
    private Grounds() {
    }

    /**
     * @param e an evaluation
     * @return e.g. "Tổng điểm 91,93 (tiêu chí chung 30,00; kết quả thực hiện nhiệm vụ 61,93; KPI 88,47%);
     *     mức điểm: Hoàn thành xuất sắc nhiệm vụ. Hoàn thành 87,01% nhiệm vụ ..."
     */
    public static String of(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("Tổng điểm ").append(Texts.points(e.displayedTotal()))
                .append(" (tiêu chí chung ").append(Texts.points(e.generalPoints()))
                .append("; kết quả thực hiện nhiệm vụ ").append(Texts.points(e.taskPoints()));
        for (AxisResult a : e.axes()) {
            if (a.plannedConverted().signum() > 0) {
                sb.append("; KPI trục ").append(a.code()).append(" ").append(Texts.percent(a.kpi()));
            }
        }
        sb.append("); mức điểm: ").append(e.pointsBand().label()).append('.');
        for (FiredRule r : e.rulesFired()) {
            sb.append(' ').append(r.reason()).append('.');
        }
        return sb.toString();
    }

    /**
     * @param r an employee's result
     * @return {@link #of(Evaluation)} followed by the quota mark's reason; for an employee without an
     *     evaluation, the eligibility label and its reasons ("Không đánh giá, xếp loại: ...")
     */
    public static String of(EmployeeResult r) {
        if (r.evaluation() == null) {
            return unrated(r);
        }
        String s = of(r.evaluation());
        return r.quota() == null ? s : s + " " + r.quota().reason();
    }

    /**
     * A short note for the "Ghi chú" column of the count and list tables: why the employee is not
     * rated, the rules that lowered the rating below the points band, and the quota status.
     *
     * @param r an employee's result
     * @return the note, "" when there is nothing to remark
     */
    public static String note(EmployeeResult r) {
        if (r.evaluation() == null) {
            return unrated(r);
        }
        List<String> parts = new ArrayList<>();
        for (FiredRule f : r.evaluation().rulesFired()) {
            if (!f.waived()) {
                parts.add(f.reason());
            }
        }
        if (r.quota() != null) {
            parts.add(quota(r.quota()));
        }
        return String.join("; ", parts);
    }

    /**
     * @param m a quota mark
     * @return its status in a few words, e.g. "Vượt tỷ lệ "Hoàn thành xuất sắc nhiệm vụ": đề xuất
     *     "Hoàn thành tốt nhiệm vụ""
     */
    private static String quota(QuotaMark m) {
        return switch (m.status()) {
            case WITHIN_CAP -> "Trong tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\"";
            case PROPOSED_FOR_GOOD -> "Vượt tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\": đề xuất \"Hoàn thành tốt nhiệm vụ\"";
            case TIED_AT_CAP -> "Bằng điểm tại ranh giới tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\": cấp có thẩm quyền lựa chọn";
            case HEAD_NOT_COUNTED -> "Người đứng đầu, không tính vào tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\"";
        };
    }

    private static String unrated(EmployeeResult r) {
        String label = r.eligibility().status().label();
        return r.eligibility().reasons().isEmpty() ? label : label + ": " + String.join("; ", r.eligibility().reasons());
    }

    /**
     * @param r a rating
     * @return the letter and label of seed 002 II.2, e.g. "Loại A - Hoàn thành xuất sắc nhiệm vụ"
     */
    public static String graded(vn.kpibridge.scoring.Rating r) {
        return "Loại " + r.letter() + " - " + r.label();
    }

    /**
     * @param q a group's quota outcome
     * @return the line printed under the monthly lists: "Tỷ lệ "Hoàn thành xuất sắc nhiệm vụ" (nhóm
     *     ...): " and the outcome's reason with every figure
     */
    public static String quotaLine(vn.kpibridge.scoring.QuotaOutcome q) {
        return "Tỷ lệ \"Hoàn thành xuất sắc nhiệm vụ\"" + (q.dutyGroup().isEmpty() ? "" : " (nhóm " + q.dutyGroup() + ")")
                + ": " + q.reason();
    }
}
