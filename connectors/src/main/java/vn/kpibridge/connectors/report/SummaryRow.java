package vn.kpibridge.connectors.report;

import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.Rating;

/**
 * One line of the rating-proposal summary tables of seed 001 (Mẫu số 04, 05 and 06 share these
 * seven columns).
 *
 * @param fullName "Họ và tên"
 * @param position "Chức vụ, đơn vị công tác"
 * @param selfProposed "Cá nhân tự đề xuất mức xếp loại" (Vietnamese label), may be empty
 * @param authorityProposed "Cấp có thẩm quyền đề xuất mức xếp loại" (Vietnamese label; the
 *     eligibility label for an employee not rated)
 * @param grounds "Tóm tắt căn cứ, cơ sở lý do..." (points, band, rules that fired, quota)
 * @param staffProposal "Đề xuất nội dung liên quan về công tác cán bộ (nếu có)", may be empty
 */
public record SummaryRow(String fullName, String position, String selfProposed, String authorityProposed,
        String grounds, String staffProposal) {

    /**
     * @param r an employee's result
     * @return its line: the final proposed rating (after rules and quota) as the authority's proposal,
     *     {@link Grounds#of(EmployeeResult)} as grounds, no staff proposal
     */
    public static SummaryRow of(EmployeeResult r) {
        Rating self = r.evaluation() == null ? null : r.evaluation().selfProposedRating();
        Rating proposed = UnitReport.rating(r);
        return new SummaryRow(r.fullName(), r.position(), self == null ? "" : self.label(),
                proposed == null ? r.eligibility().status().label() : proposed.label(), Grounds.of(r), "");
    }
}
