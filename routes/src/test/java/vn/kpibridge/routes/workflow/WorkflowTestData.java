package vn.kpibridge.routes.workflow;

import java.nio.file.Path;
import vn.kpibridge.routes.FlowTestSupport;
import vn.kpibridge.routes.security.KpiRole;

/**
 * The test ward's month (source {@code eoffice-phuc-loi}, scheme ha-noi-phuc-loi-monthly, seed 002)
 * and the people who work on it. Unit tree: PL-UBND (ward) above PL-VP (office, head PL-001,
 * members PL-002..PL-006) and PL-KT (PL-102).
 *
 * <p>Scores from the records (one monthly report, 2 planned, coefficient 1; task = (a+b+c)/3 x 70):
 * PL-001 head 100.00; PL-002 100.00; PL-003 70 + 28 = 98.00; PL-004 70 + 25 = 95.00; PL-005 one
 * failed review, b = 75%: 91.67% x 70 = 64.17 + 30 = 94.17; PL-006 70 + 15 = 85.00 (GOOD); PL-102
 * 70 + 20 = 90.00.
 */
final class WorkflowTestData {
    static final String PERIOD = "2026-06";
    static final Path MONTH = Path.of("src/test/resources/workflow-phuc-loi-2026-06.json");

    private WorkflowTestData() {
    }

    /** The office head: reviews the office's members. */
    static FlowTestSupport.Credentials reviewer() {
        return bearerOf("le.thi.mot", "PL-VP", "PL-001", KpiRole.REVIEWER);
    }

    /** The ward chairman: approving authority of the ward and the units below. */
    static FlowTestSupport.Credentials approver() {
        return bearerOf("tran.van.chu", "PL-UBND", "PL-900", KpiRole.APPROVER, KpiRole.REVIEWER);
    }

    /** A reviewer of the other unit (PL-KT). */
    static FlowTestSupport.Credentials otherUnitReviewer() {
        return bearerOf("kt.truong.phong", "PL-KT", null, KpiRole.REVIEWER, KpiRole.APPROVER);
    }

    /** Employee PL-003. */
    static FlowTestSupport.Credentials employee3() {
        return bearerOf("ngo.thi.ba", "PL-VP", "PL-003", KpiRole.EMPLOYEE);
    }

    /** Employee PL-002. */
    static FlowTestSupport.Credentials employee2() {
        return bearerOf("pham.van.hai", "PL-VP", "PL-002", KpiRole.EMPLOYEE);
    }

    /** An auditor of the office. */
    static FlowTestSupport.Credentials auditor() {
        return bearerOf("thanh.tra", "PL-VP", null, KpiRole.AUDITOR);
    }

    static FlowTestSupport.Credentials bearerOf(String user, String unit, String employee, KpiRole... roles) {
        return new FlowTestSupport.Credentials("Authorization", "Bearer " + FlowTestSupport.jwt(user, unit, employee, roles));
    }
}
