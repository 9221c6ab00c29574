package vn.kpibridge.connectors.edxml;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A sending or receiving organisation ({@code edXML:From} / {@code edXML:To} of the
 * MessageHeader, QCVN 102:2016/BTTTT). Absent elements are null.
 *
 * @param organId organisation code on the document axis (mã định danh, Quyết định 20/2020/QĐ-TTg), e.g. "000.00.31.H56"
 * @param organizationInCharge name of the superior organisation in charge (cơ quan chủ quản)
 * @param organName organisation name, e.g. "Ban Tổ chức Tỉnh ủy Thái Nguyên"
 * @param organAdd postal address
 * @param email e-mail address
 * @param telephone telephone number as written
 * @param fax fax number as written
 * @param website web site URL
 */
public record EdxmlOrganization(String organId, String organizationInCharge, String organName, String organAdd,
        String email, String telephone, String fax, String website) {

    /** @return this organisation as a JSON object with the field names above */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("organId", organId);
        n.put("organizationInCharge", organizationInCharge);
        n.put("organName", organName);
        n.put("organAdd", organAdd);
        n.put("email", email);
        n.put("telephone", telephone);
        n.put("fax", fax);
        n.put("website", website);
        return n;
    }
}
