package vn.kpibridge.connectors.mapping;

/**
 * An employee as the identity map knows them.
 *
 * @param code employee code in kpi-bridge
 * @param fullName "Họ và tên"
 * @param position "Chức vụ" (with unit), as printed in reports
 * @param unitCode kpi-bridge unit code
 * @param unitName unit name as printed in reports
 * @param leader true for leaders/managers ("cán bộ lãnh đạo, quản lý")
 */
public record Employee(String code, String fullName, String position, String unitCode, String unitName, boolean leader) {
}
