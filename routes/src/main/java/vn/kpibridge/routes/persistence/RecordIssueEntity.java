package vn.kpibridge.routes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A record that could not be used, kept with its reason: kind REJECTED (bad data) or UNMAPPED. */
@Entity
@Table(name = "record_issue")
public class RecordIssueEntity {
    /** Bad data: the record cannot be read as a work item or assessment. */
    public static final String REJECTED = "REJECTED";
    /** No product rule matched, or the employee is not in the identity map. */
    public static final String UNMAPPED = "UNMAPPED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String sourceId;
    public String fileName;
    public Integer line;
    public Integer recordIndex;
    public String recordId;
    public Long version;
    public String kind;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String payload;
    public OffsetDateTime createdAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
