package vn.kpibridge.routes.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Products assigned by hand to unmapped records. */
public interface RecordAssignmentRepository extends JpaRepository<RecordAssignmentEntity, Long> {
    /** @return the assignments of a record issue, oldest first. */
    List<RecordAssignmentEntity> findByRecordIssueIdOrderById(Long recordIssueId);
}
