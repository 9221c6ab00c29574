package vn.kpibridge.connectors.report;

import java.math.BigDecimal;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.FiredRule;

/**
 * Vietnamese text of the "căn cứ" (grounds) of a proposed rating, for the summary forms: points,
 * KPI, points band and every rule that fired with its reason. Numbers use the Vietnamese decimal
 * comma ("91,93").
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
        sb.append("Tổng điểm ").append(vn(e.displayedTotal()))
                .append(" (tiêu chí chung ").append(vn(Decimals.display(e.generalPoints())))
                .append("; kết quả thực hiện nhiệm vụ ").append(vn(Decimals.display(e.taskPoints())));
        for (AxisResult a : e.axes()) {
            if (a.plannedConverted().signum() > 0) {
                sb.append("; KPI trục ").append(a.code()).append(" ").append(vn(Decimals.percent(a.kpi()))).append('%');
            }
        }
        sb.append("); mức điểm: ").append(e.pointsBand().label()).append('.');
        for (FiredRule r : e.rulesFired()) {
            sb.append(' ').append(r.reason()).append('.');
        }
        return sb.toString();
    }

    /** @return the number with a decimal comma, as Vietnamese forms print it. */
    public static String vn(BigDecimal v) {
        return v.toPlainString().replace('.', ',');
    }
}
