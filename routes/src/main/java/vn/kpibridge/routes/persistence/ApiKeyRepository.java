package vn.kpibridge.routes.persistence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** API keys. */
public interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, Long> {
    /** @return the key with this SHA-256 (hex), revoked or not. */
    Optional<ApiKeyEntity> findByKeySha256(String keySha256);

    /** @return every key, oldest first. */
    List<ApiKeyEntity> findAllByOrderById();
}
