package vn.kpibridge.routes.persistence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Rejected, unmapped and quarantined records. */
public interface RecordIssueRepository extends JpaRepository<RecordIssueEntity, Long> {
    /** @return true when this record version already has an issue of this kind. */
    boolean existsBySourceIdAndKindAndRecordIdAndVersion(String sourceId, String kind, String recordId, Long version);

    /** @return true when the record at this position of this file already has an issue (records without id). */
    boolean existsBySourceIdAndKindAndFileNameAndRecordIndex(String sourceId, String kind, String fileName,
            Integer recordIndex);

    /** @return the issues of a kind, oldest first. */
    List<RecordIssueEntity> findByKindOrderById(String kind);
}
