package vn.kpibridge.routes.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Evaluation versions. */
public interface EvaluationRepository extends JpaRepository<EvaluationEntity, Long> {
    /** @return the latest version of an employee's evaluation for a period. */
    Optional<EvaluationEntity> findFirstByEmployeeCodeAndPeriodOrderByVersionDesc(String employeeCode, String period);

    /** @return the latest version per employee of a unit's evaluations for a period, by employee code. */
    @Query("select e from EvaluationEntity e where e.unitCode = ?1 and e.period = ?2 and e.version = "
            + "(select max(x.version) from EvaluationEntity x where x.employeeCode = e.employeeCode and x.period = e.period)"
            + " order by e.employeeCode")
    List<EvaluationEntity> findLatestByUnitAndPeriod(String unitCode, String period);
}
