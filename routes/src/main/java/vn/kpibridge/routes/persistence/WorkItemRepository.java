package vn.kpibridge.routes.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Mapped work items. */
public interface WorkItemRepository extends JpaRepository<WorkItemEntity, Long> {
    /** @return the item of a source record id, if mapped before. */
    Optional<WorkItemEntity> findBySourceIdAndRecordId(String sourceId, String recordId);

    /** @return an employee's items for a period, in record-id order. */
    List<WorkItemEntity> findByEmployeeCodeAndPeriodOrderByRecordId(String employeeCode, String period);
}
