package vn.kpibridge.routes.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Reviewer inputs. */
public interface ReviewerInputRepository extends JpaRepository<ReviewerInputEntity, Long> {
    /** @return the reviewer inputs of an employee for a period, if any. */
    Optional<ReviewerInputEntity> findByEmployeeCodeAndPeriod(String employeeCode, String period);
}
