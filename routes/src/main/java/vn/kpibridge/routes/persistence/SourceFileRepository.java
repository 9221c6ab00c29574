package vn.kpibridge.routes.persistence;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Received files. */
public interface SourceFileRepository extends JpaRepository<SourceFileEntity, Long> {
    /** @return the file with this content for this source, if already received. */
    Optional<SourceFileEntity> findBySourceIdAndContentSha256(String sourceId, String contentSha256);
}
