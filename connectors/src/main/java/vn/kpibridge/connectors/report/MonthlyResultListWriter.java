package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import vn.kpibridge.scoring.AxisResult;
import vn.kpibridge.scoring.Decimals;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.LeaderTerm;
import vn.kpibridge.scoring.LeaderTermValue;
import vn.kpibridge.scoring.QuotaOutcome;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Ratio;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.Texts;

/**
 * Writes the unit's monthly result list of seed 002 V.2 ("Danh sách tổng hợp kết quả đánh giá xếp
 * loại CBCCVC của đơn vị", item 2 of the monthly file) as XLSX with Apache POI.
 *
 * <p>The seed names the list but prints no layout; its columns are the terms of the seed's own
 * formula ({@link #headers(Scheme)}): STT, Họ và tên, Chức vụ, general-criteria points (II.1), the
 * ratios a, b, c (III.2, percent, 2 decimals), the leader terms d, đ, e (III.4.2, blank for
 * non-leaders), task points (III.5, x 70), total, the employee's own proposal, the rating proposed
 * after the rules and the quota as "Loại A - Hoàn thành xuất sắc nhiệm vụ" (II.2), Ghi chú
 * ({@link Grounds#note}). An employee not rated (seed 002 I.6) has only the eligibility label in the
 * rating column and the reason in the note.
 *
 * <p>Under the table: the count per rating ("Loại A - ...: n", then "Không đánh giá, xếp loại: n"),
 * each group's EXCELLENT quota with its figures ({@link QuotaOutcome#reason()}), and the signer.
 */
public final class MonthlyResultListWriter implements UnitFormWriter {
    /** 0-based index of the header row. */
    public static final int HEADER_ROW = 5;
    /** Label of the count block under the table (column 1; the counts are in column 3). */
    public static final String COUNTS = "Tổng hợp xếp loại";

    private static final List<Ratio> MONTHLY_RATIOS = List.of(Ratio.QUANTITY, Ratio.QUALITY, Ratio.TIMELINESS);
    private static final String[] LETTERS = {"a", "b", "c"};

    /**
     * @param scheme the scheme, for the maxima printed in the headers
     * @return the column labels, 15 columns
     */
    public static List<String> headers(Scheme scheme) {
        List<String> h = new ArrayList<>(List.of("STT", "Họ và tên", "Chức vụ",
                "Điểm tiêu chí chung (tối đa " + Texts.exact(scheme.generalCriteriaMax()) + ")"));
        for (int i = 0; i < MONTHLY_RATIOS.size(); i++) {
            h.add(LETTERS[i] + " - " + MONTHLY_RATIOS.get(i).label() + " (%)");
        }
        for (LeaderTerm t : LeaderTerm.values()) {
            h.add(t.letter() + " - " + t.label() + " (%)");
        }
        h.addAll(List.of("Điểm kết quả thực hiện nhiệm vụ (tối đa " + Texts.exact(scheme.taskMax())
                + ")", "Tổng điểm", "Cá nhân tự đề xuất xếp loại", "Xếp loại đề xuất", "Ghi chú"));
        return List.copyOf(h);
    }

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param report the unit's results under a monthly scheme; one row per employee in their order
     * @throws IOException when the file cannot be written
     */
    @Override
    public void write(Path target, UnitReport report) throws IOException {
        try (ReportWorkbook wb = new ReportWorkbook()) {
            Sheet s = wb.sheet("Kết quả tháng", 6, 24, 26, 12, 11, 11, 11, 14, 14, 14, 14, 10, 18, 22, 50);
            List<String> headers = headers(report.scheme());
            int cols = headers.size();
            int r = wb.heading(s, new FormHeading("CƠ QUAN, ĐƠN VỊ: " + report.unitName(), false, List.of(
                    "DANH SÁCH TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
                    report.periodLabel().toUpperCase(Locale.forLanguageTag("vi")),
                    "(" + report.scheme().name() + ")")), cols);
            r = wb.header(s, r, headers);
            int stt = 1;
            for (EmployeeResult e : report.employees()) {
                wb.integer(s, r, 0, stt++, wb.st.integer);
                wb.text(s, r, 1, e.fullName(), wb.st.cell);
                wb.text(s, r, 2, e.position(), wb.st.cell);
                Evaluation ev = e.evaluation();
                if (ev == null) {
                    wb.blanks(s, r, 3, 11, wb.st.cell);
                    wb.text(s, r, 12, "", wb.st.cell);
                    wb.text(s, r, 13, e.eligibility().status().label(), wb.st.cell);
                } else {
                    wb.number(s, r, 3, Decimals.display(ev.generalPoints()), wb.st.decimal);
                    Map<Ratio, BigDecimal> ratios = ev.axes().isEmpty() ? Map.of() : ev.axes().get(0).ratios();
                    for (int i = 0; i < MONTHLY_RATIOS.size(); i++) {
                        BigDecimal v = ratios.get(MONTHLY_RATIOS.get(i));
                        wb.number(s, r, 4 + i, v == null ? null : Decimals.percent(v), wb.st.decimal);
                    }
                    for (LeaderTerm t : LeaderTerm.values()) {
                        BigDecimal v = e.leaderTerms().stream().filter(x -> x.term() == t).map(LeaderTermValue::value)
                                .findFirst().orElse(null);
                        wb.number(s, r, 7 + t.ordinal(), v == null ? null : Decimals.percent(v), wb.st.decimal);
                    }
                    wb.number(s, r, 10, Decimals.display(ev.taskPoints()), wb.st.decimal);
                    wb.number(s, r, 11, ev.displayedTotal(), wb.st.decimalBold);
                    wb.text(s, r, 12, ev.selfProposedRating() == null ? "" : ev.selfProposedRating().label(), wb.st.cell);
                    wb.text(s, r, 13, Grounds.graded(UnitReport.rating(e)), wb.st.cell);
                }
                wb.text(s, r, 14, Grounds.note(e), wb.st.cell);
                r++;
            }
            r++;
            wb.text(s, r++, 1, COUNTS + ":", wb.st.plainBold);
            Map<Rating, Integer> counts = report.countByRating();
            for (Rating x : Rating.values()) {
                wb.merged(s, r, 1, 2, Grounds.graded(x), wb.st.plain);
                wb.number(s, r++, 3, BigDecimal.valueOf(counts.get(x)), wb.st.plain);
            }
            wb.merged(s, r, 1, 2, "Không đánh giá, xếp loại", wb.st.plain);
            wb.number(s, r++, 3, BigDecimal.valueOf(report.unrated()), wb.st.plain);
            for (QuotaOutcome q : report.quotas()) {
                r++;
                wb.merged(s, r++, 1, cols - 1, Grounds.quotaLine(q), wb.st.plain);
            }
            wb.signature(s, r + 1, cols, List.of("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, ghi rõ họ tên)"), null);
            wb.save(target);
        }
    }
}
