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
 * @param parentUnitCode code of the unit above {@code unitCode} in the org tree (optional identity
 *     CSV column {@code parent_unit}), or null when the file does not say; gives the unit tree that
 *     scopes reviewers and approvers to their unit and the units below (issue 6 point 3)
 * @param role HEAD, DEPUTY or MEMBER in the unit (optional column {@code role}; seed 001 §6.1:
 *     the head is not counted in the EXCELLENT quota), or null: a leader is then a DEPUTY, others
 *     MEMBER
 */
public record Employee(String code, String fullName, String position, String unitCode, String unitName, boolean leader,
        String parentUnitCode, String role) {

    /** An employee of an identity file without the optional columns (no parent unit, default role). */
    public Employee(String code, String fullName, String position, String unitCode, String unitName, boolean leader) {
        this(code, fullName, position, unitCode, unitName, leader, null, null);
    }
}
