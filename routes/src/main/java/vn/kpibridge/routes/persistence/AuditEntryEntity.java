package vn.kpibridge.routes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of the append-only audit trail (issue 6 point 4; seed 003 "lưu vết thao tác"): who,
 * when, from where, what, before and after, why. Immutable for Hibernate; the table refuses UPDATE
 * and DELETE by trigger (V7).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public OffsetDateTime occurredAt;
    public String actor;
    public String actorRoles;
    public String authMethod;
    public String remoteAddress;
    public String action;
    public String entityType;
    public String entityKey;
    public String employeeCode;
    public String unitCode;
    public String period;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_json", columnDefinition = "jsonb")
    public String beforeJson;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_json", columnDefinition = "jsonb")
    public String afterJson;
    public String reason;

    public Long getId() {
        return id;
    }
}
