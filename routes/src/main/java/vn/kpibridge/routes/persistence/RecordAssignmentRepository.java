package vn.kpibridge.routes.persistence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Products assigned by hand to unmapped records. */
public interface RecordAssignmentRepository extends JpaRepository<RecordAssignmentEntity, Long> {
    /** @return the assignments of several record issues (one query), oldest first. */
    List<RecordAssignmentEntity> findByRecordIssueIdInOrderById(Collection<Long> recordIssueIds);
}
