package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.QuotaOutcome;
import vn.kpibridge.scoring.Rating;

/**
 * Writes the reward proposal list of seed 002 V.2 ("Danh sách đề nghị khen thưởng", item 3 of the
 * monthly file) as XLSX with Apache POI: the employees proposed "Hoàn thành xuất sắc nhiệm vụ"
 * (Loại A) after the rules and the EXCELLENT quota, whom the seed rewards (seed 002 I "biểu dương,
 * khen thưởng CBCCVC hoàn thành xuất sắc nhiệm vụ"; V.1 reward from the monthly results).
 *
 * <p>The seed names the list but prints no layout; its columns ({@link #HEADERS}): STT, Họ và tên,
 * Chức vụ, Tổng điểm, Xếp loại ("Loại A - ..."), Căn cứ đề nghị ({@link Grounds#of(vn.kpibridge.scoring.Evaluation)}),
 * Ghi chú (the quota mark's reason: the head is not counted; candidates tied at the cap stay listed
 * and the note says how many of them the authority must move to GOOD). With nobody proposed, one line
 * says so. Under the table, each group's quota with its figures, then the signer.
 */
public final class RewardProposalListWriter implements UnitFormWriter {
    /** Column labels. */
    public static final List<String> HEADERS = List.of("STT", "Họ và tên", "Chức vụ", "Tổng điểm", "Xếp loại",
            "Căn cứ đề nghị", "Ghi chú");
    /** 0-based index of the header row. */
    public static final int HEADER_ROW = 5;
    /** Printed instead of rows when nobody is proposed. */
    public static final String NOBODY = "Không có cá nhân được đề xuất xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" trong kỳ.";

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param report the unit's results; the EXCELLENT ones are listed in their order
     * @throws IOException when the file cannot be written
     */
    @Override
    public void write(Path target, UnitReport report) throws IOException {
        try (ReportWorkbook wb = new ReportWorkbook()) {
            Sheet s = wb.sheet("Đề nghị khen thưởng", 6, 24, 28, 10, 24, 70, 60);
            int cols = HEADERS.size();
            int r = wb.heading(s, new FormHeading("CƠ QUAN, ĐƠN VỊ: " + report.unitName(), false, List.of(
                    "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
                    report.periodLabel().toUpperCase(Locale.forLanguageTag("vi")),
                    "(Cá nhân được đề xuất xếp loại \"Hoàn thành xuất sắc nhiệm vụ\" theo kết quả đánh giá, xếp loại; "
                            + report.scheme().name() + ")")), cols);
            r = wb.header(s, r, HEADERS);
            int stt = 1;
            for (EmployeeResult e : report.employees()) {
                if (UnitReport.rating(e) != Rating.EXCELLENT) {
                    continue;
                }
                wb.integer(s, r, 0, stt++, wb.st.integer);
                wb.text(s, r, 1, e.fullName(), wb.st.cell);
                wb.text(s, r, 2, e.position(), wb.st.cell);
                wb.number(s, r, 3, e.evaluation().displayedTotal(), wb.st.decimal);
                wb.text(s, r, 4, Grounds.graded(Rating.EXCELLENT), wb.st.cell);
                wb.text(s, r, 5, Grounds.of(e.evaluation()), wb.st.cell);
                wb.text(s, r, 6, e.quota() == null ? "" : e.quota().reason(), wb.st.cell);
                r++;
            }
            if (stt == 1) {
                wb.merged(s, r++, 0, cols - 1, NOBODY, wb.st.cell);
            }
            for (QuotaOutcome q : report.quotas()) {
                r++;
                wb.merged(s, r++, 0, cols - 1, Grounds.quotaLine(q), wb.st.plain);
            }
            wb.signature(s, r + 1, cols, List.of("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", "(Ký, ghi rõ họ tên)"), null);
            wb.save(target);
        }
    }
}
