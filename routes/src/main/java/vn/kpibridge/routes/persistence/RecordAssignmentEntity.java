package vn.kpibridge.routes.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A product assigned by an administrator to an UNMAPPED record, with the product rule it suggests. */
@Entity
@Table(name = "record_assignment")
public class RecordAssignmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public Long recordIssueId;
    public String sourceId;
    public String recordId;
    public String productCode;
    public String catalogId;
    public String catalogVersion;
    public String reason;
    public String proposedRule;
    public String assignedBy;
    public OffsetDateTime assignedAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
