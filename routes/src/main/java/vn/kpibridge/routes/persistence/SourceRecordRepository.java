package vn.kpibridge.routes.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Raw evidence records. */
public interface SourceRecordRepository extends JpaRepository<SourceRecordEntity, Long> {
    /** @return the stored record with this id and version, if any. */
    Optional<SourceRecordEntity> findBySourceIdAndRecordIdAndVersion(String sourceId, String recordId, long version);
}
