package vn.kpibridge.routes.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Self-assessments. */
public interface SelfAssessmentRepository extends JpaRepository<SelfAssessmentEntity, Long> {
    /** @return the self-assessment of an employee for a period, if any. */
    Optional<SelfAssessmentEntity> findByEmployeeCodeAndPeriod(String employeeCode, String period);
}
