package vn.kpibridge.routes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An API key of a machine client: its SHA-256 (never the key), roles, scope and revocation. */
@Entity
@Table(name = "api_key")
public class ApiKeyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String name;
    public String keyPrefix;
    @Column(name = "key_sha256")
    public String keySha256;
    /** Comma-separated role names. */
    public String roles;
    public String unitCode;
    public String employeeCode;
    public String createdBy;
    public OffsetDateTime createdAt = OffsetDateTime.now();
    public OffsetDateTime revokedAt;
    public String revokedBy;
    public String revokeReason;

    public Long getId() {
        return id;
    }
}
