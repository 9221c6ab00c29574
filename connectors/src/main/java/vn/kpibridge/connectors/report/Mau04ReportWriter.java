package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes seed 001, Mẫu số 04 ("Báo cáo tổng hợp kết quả đánh giá, xếp loại quý, năm đối với cán bộ
 * lãnh đạo, quản lý thuộc diện cơ quan, đơn vị được phân cấp quản lý"; seed 001 Bước 5: the units
 * report their leaders' ratings to the provincial standing committee, through the Organisation
 * Board, before day 30 of the quarter's last month) as XLSX with Apache POI. Same seven columns as
 * Mẫu số 06 ({@link Mau06SummaryWriter#HEADERS}); the rating column holds the rating proposed to
 * the authority until the approval workflow records the decision.
 *
 * <p>Layout: row 1 "CƠ QUAN, ĐƠN VỊ: ..."; rows 2-5 "BÁO CÁO" and the titles; row 7 the header
 * ({@link #HEADER_ROW}); one row per employee; after one blank row the date line, the signer "T/M
 * BAN THƯỜNG VỤ ĐẢNG ỦY ..." and the form's note ({@link #NOTE}).
 */
public final class Mau04ReportWriter implements UnitFormWriter {
    /** 0-based index of the header row. */
    public static final int HEADER_ROW = 6;
    /** Note printed under the form (seed 001 Mẫu số 04). */
    public static final String NOTE = "Ghi chú: Biểu này gửi về Ban Tổ chức Tỉnh ủy trước ngày 30 tháng cuối của mỗi quý.";

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param report the unit's results; one row per employee in their order
     * @throws IOException when the file cannot be written
     */
    @Override
    public void write(Path target, UnitReport report) throws IOException {
        ProposalSummaryTable.write(target, "Mẫu 04", report, List.of(
                "BÁO CÁO",
                "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI " + ProposalSummaryTable.upper(report),
                "ĐỐI VỚI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ THUỘC DIỆN CƠ QUAN, ĐƠN VỊ ĐƯỢC PHÂN CẤP QUẢN LÝ",
                "(Mẫu số 04 kèm theo Hướng dẫn số 02-HD/TU, ngày 19/6/2026 của Ban Thường vụ Tỉnh ủy)"),
                ProposalSummaryTable.PARTY_STANDING_COMMITTEE, NOTE);
    }
}
