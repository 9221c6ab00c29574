package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The seven-column table the summary forms of seed 001 share (Mẫu số 04, 05 and 06 differ only in
 * their titles, signer and note): heading, header row ({@link #HEADERS}), one row per employee
 * numbered from 1, one blank row, then the signature block.
 */
final class ProposalSummaryTable {
    /** Header row of Mẫu số 04, 05 and 06, in the forms' order. */
    static final List<String> HEADERS = List.of(
            "STT",
            "Họ và tên",
            "Chức vụ, đơn vị công tác",
            "Cá nhân tự đề xuất mức xếp loại",
            "Cấp có thẩm quyền đề xuất mức xếp loại",
            "Tóm tắt căn cứ, cơ sở lý do trong trường hợp đề xuất mức xếp loại hoàn thành xuất sắc hoặc mức xếp loại "
                    + "không hoàn thành nhiệm vụ hoặc các nội dung khác (nếu có)",
            "Đề xuất nội dung liên quan về công tác cán bộ (nếu có)");
    /** Signer of Mẫu số 04 and 05. */
    static final List<String> PARTY_STANDING_COMMITTEE = List.of(
            "T/M BAN THƯỜNG VỤ ĐẢNG ỦY TRỰC THUỘC TỈNH ỦY,", "ĐẢNG ỦY XÃ, PHƯỜNG, ĐẶC KHU",
            "HOẶC TẬP THỂ LÃNH ĐẠO CẤP TỈNH", "(Ký, ghi rõ họ tên và đóng dấu)");

    private ProposalSummaryTable() {
    }

    /** @return the period label in capitals, as the forms print "QUÝ II/2026". */
    static String upper(UnitReport report) {
        return report.periodLabel().toUpperCase(Locale.forLanguageTag("vi"));
    }

    /**
     * @param target file to write
     * @param sheetName e.g. "Mẫu 06"
     * @param report the unit's results
     * @param titles the form's title lines
     * @param signer the signer lines
     * @param note the form's note, or null
     * @throws IOException when the file cannot be written
     */
    static void write(Path target, String sheetName, UnitReport report, List<String> titles, List<String> signer,
            String note) throws IOException {
        try (ReportWorkbook wb = new ReportWorkbook()) {
            Sheet s = wb.sheet(sheetName, 6, 24, 30, 22, 22, 70, 28);
            int cols = HEADERS.size();
            int r = wb.heading(s, new FormHeading("CƠ QUAN, ĐƠN VỊ: " + report.unitName(), false, titles), cols);
            r = wb.header(s, r, HEADERS);
            int stt = 1;
            for (var e : report.employees()) {
                SummaryRow row = SummaryRow.of(e);
                wb.integer(s, r, 0, stt++, wb.st.integer);
                String[] values = {row.fullName(), row.position(), row.selfProposed(), row.authorityProposed(),
                        row.grounds(), row.staffProposal()};
                for (int c = 0; c < values.length; c++) {
                    wb.text(s, r, c + 1, values[c], wb.st.cell);
                }
                r++;
            }
            wb.signature(s, r + 1, cols, signer, note);
            wb.save(target);
        }
    }
}
