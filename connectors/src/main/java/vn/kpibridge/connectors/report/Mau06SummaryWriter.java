package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the unit summary table of seed 001, Mẫu số 06 ("Tổng hợp kết quả đánh giá và đề xuất
 * xếp loại quý, năm đối với cán bộ lãnh đạo, quản lý thuộc diện cơ quan, đơn vị được phân cấp
 * quản lý"; seed 001 Bước 5: the file of leaders managed by the unit itself) as XLSX with Apache
 * POI. Columns and labels are the form's own, in Vietnamese.
 *
 * <p>Layout: row 1 "CƠ QUAN, ĐƠN VỊ: ..."; rows 2-4 titles; row 6 the header ({@link #HEADERS}); one
 * row per employee from row 7, STT numbered from 1; after one blank row the date line, the signer
 * "LÃNH ĐẠO PHÒNG, BAN VÀ TƯƠNG ĐƯƠNG" and the form's note.
 */
public final class Mau06SummaryWriter implements UnitFormWriter {
    /** Header row of Mẫu số 06, in the form's order (shared with Mẫu số 04 and 05). */
    public static final List<String> HEADERS = ProposalSummaryTable.HEADERS;
    /** 0-based index of the header row. */
    public static final int HEADER_ROW = 5;
    /** Note printed under the form (seed 001 Mẫu số 06). */
    public static final String NOTE = "Ghi chú: Biểu này gửi về cơ quan, đơn vị, địa phương có thẩm quyền quyết định xếp "
            + "loại theo thời gian quy định của cơ quan, đơn vị, địa phương đó.";

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param report the unit's results; one row per employee in their order
     * @throws IOException when the file cannot be written
     */
    @Override
    public void write(Path target, UnitReport report) throws IOException {
        ProposalSummaryTable.write(target, "Mẫu 06", report, List.of(
                "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ VÀ ĐỀ XUẤT XẾP LOẠI " + ProposalSummaryTable.upper(report),
                "ĐỐI VỚI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN CƠ QUAN, ĐƠN VỊ ĐƯỢC PHÂN CẤP QUẢN LÝ",
                "(Mẫu số 06 kèm theo Hướng dẫn số 02-HD/TU ngày 19/6/2026 của Ban Thường vụ Tỉnh ủy)"),
                List.of("LÃNH ĐẠO PHÒNG, BAN VÀ TƯƠNG ĐƯƠNG", "(Ký, ghi rõ họ tên và đóng dấu)"), NOTE);
    }
}
