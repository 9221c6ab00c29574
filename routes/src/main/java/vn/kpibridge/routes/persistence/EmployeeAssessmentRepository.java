package vn.kpibridge.routes.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Employee assessments per period. */
public interface EmployeeAssessmentRepository extends JpaRepository<EmployeeAssessmentEntity, Long> {
    /** @return the assessment of an employee for a period, if any. */
    Optional<EmployeeAssessmentEntity> findByEmployeeCodeAndPeriod(String employeeCode, String period);
}
