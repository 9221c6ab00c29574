package vn.kpibridge.connectors.edxml;

/**
 * The signer of the document ({@code edXML:SignerInfo}, QCVN 102:2016/BTTTT): the "quyền hạn,
 * chức vụ, họ tên" block of Nghị định 30/2020/NĐ-CP. Absent elements are null.
 *
 * @param competence signing authority, e.g. "K/T TRƯỞNG BAN", "TM. BAN THƯỜNG VỤ"
 * @param position position of the signer, e.g. "PHÓ TRƯỞNG BAN"
 * @param fullName full name of the signer
 */
public record EdxmlSigner(String competence, String position, String fullName) {
}
