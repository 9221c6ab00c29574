package vn.kpibridge.connectors.edxml;

/**
 * Business information of the exchange ({@code edXML:TraceHeaderList/edXML:Bussiness}; the
 * standard spells it with double s, and {@code Business} is accepted too). Absent values are null.
 *
 * @param docType {@code BussinessDocType} code as sent: 0 new document, 1 revocation,
 *     2 update, 3 replacement (QCVN 102:2016/BTTTT)
 * @param docReason {@code BussinessDocReason}, free text, e.g. "Văn bản mới"
 * @param paper {@code Paper}: "1" when a paper copy is also sent, "0" otherwise
 * @param staff {@code StaffInfo}: the clerk or specialist handling the document, or null
 */
public record EdxmlBusiness(String docType, String docReason, String paper, StaffInfo staff) {

    /**
     * {@code edXML:StaffInfo}: who at the sender handles the document.
     *
     * @param department department, e.g. "Phòng Tổ chức cán bộ"
     * @param staff staff member's full name
     * @param mobile mobile number as written
     * @param email e-mail address
     */
    public record StaffInfo(String department, String staff, String mobile, String email) {
    }
}
