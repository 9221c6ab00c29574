package vn.kpibridge.connectors.report;

/**
 * One line of the unit summary table (seed 001 Mẫu số 06).
 *
 * @param fullName "Họ và tên"
 * @param position "Chức vụ, đơn vị công tác"
 * @param selfProposed "Cá nhân tự đề xuất mức xếp loại" (Vietnamese label), may be empty
 * @param authorityProposed "Cấp có thẩm quyền đề xuất mức xếp loại" (Vietnamese label)
 * @param grounds "Tóm tắt căn cứ, cơ sở lý do..." (points, band, rules that fired)
 * @param staffProposal "Đề xuất nội dung liên quan về công tác cán bộ (nếu có)", may be empty
 */
public record SummaryRow(String fullName, String position, String selfProposed, String authorityProposed,
        String grounds, String staffProposal) {
}
