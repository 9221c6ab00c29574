package vn.kpibridge.routes.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rejected, unmapped and quarantined records (the ingest path writes them with {@link IngestBulkWriter#keepIssues}). */
public interface RecordIssueRepository extends JpaRepository<RecordIssueEntity, Long> {
    /** @return the issues of a kind, oldest first. */
    List<RecordIssueEntity> findByKindOrderById(String kind);
}
