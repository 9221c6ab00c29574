package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes seed 001, Mẫu số 05 ("Tổng hợp kết quả đánh giá và đề xuất xếp loại quý, năm đối với cán
 * bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý (hoặc Thường trực Tỉnh ủy được ủy quyền quản lý)";
 * seed 001 Bước 5: the file of leaders managed by the provincial standing committee) as XLSX with
 * Apache POI. Same seven columns as Mẫu số 06 ({@link Mau06SummaryWriter#HEADERS}).
 *
 * <p>Which leaders the province manages is not in kpi-bridge's data: the form lists every employee
 * of the unit, and the unit files the form (05 or 06) that applies to them.
 *
 * <p>Layout: row 1 "CƠ QUAN, ĐƠN VỊ: ..."; rows 2-5 titles; row 7 the header
 * ({@link #HEADER_ROW}); one row per employee; after one blank row the date line and the signer
 * "T/M BAN THƯỜNG VỤ ĐẢNG ỦY ...". The seed prints no note under this form.
 */
public final class Mau05SummaryWriter implements UnitFormWriter {
    /** 0-based index of the header row. */
    public static final int HEADER_ROW = 6;

    /**
     * @param target the .xlsx file to write (parent folders are created)
     * @param report the unit's results; one row per employee in their order
     * @throws IOException when the file cannot be written
     */
    @Override
    public void write(Path target, UnitReport report) throws IOException {
        ProposalSummaryTable.write(target, "Mẫu 05", report, List.of(
                "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ VÀ ĐỀ XUẤT XẾP LOẠI " + ProposalSummaryTable.upper(report),
                "ĐỐI VỚI CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ TỈNH ỦY QUẢN LÝ",
                "(HOẶC THƯỜNG TRỰC TỈNH ỦY ĐƯỢC ỦY QUYỀN QUẢN LÝ)",
                "(Mẫu số 05 kèm theo Hướng dẫn số 02-HD/TU ngày 19/6/2026 của Ban Thường vụ Tỉnh ủy)"),
                ProposalSummaryTable.PARTY_STANDING_COMMITTEE, null);
    }
}
