package vn.kpibridge.routes.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Workflow rows of evaluations. */
public interface EvaluationWorkflowRepository extends JpaRepository<EvaluationWorkflowEntity, Long> {
    /** @return the workflow of an employee's evaluation for a period, if the evaluation exists. */
    Optional<EvaluationWorkflowEntity> findByEmployeeCodeAndPeriod(String employeeCode, String period);

    /** @return the workflows of a unit's evaluations for a period, by employee code. */
    List<EvaluationWorkflowEntity> findByUnitCodeAndPeriodOrderByEmployeeCode(String unitCode, String period);

    /** @return the workflows of several units for a period, by unit and employee code. */
    List<EvaluationWorkflowEntity> findByUnitCodeInAndPeriodOrderByUnitCodeAscEmployeeCodeAsc(java.util.Collection<String> units,
            String period);
}
