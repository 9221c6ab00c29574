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

/**
 * A record that could not be used, kept with its reason: kind REJECTED (bad data), UNMAPPED (no
 * product or employee) or QUARANTINED (a poison record the database refused). Column {@code kind}
 * is a {@code varchar(20)} without a check constraint (migration V1), so a new kind needs no migration.
 */
@Entity
@Table(name = "record_issue")
public class RecordIssueEntity {
    /** Bad data: the record cannot be read as a work item or assessment. */
    public static final String REJECTED = "REJECTED";
    /** No product rule matched, or the employee is not in the identity map. */
    public static final String UNMAPPED = "UNMAPPED";
    /**
     * A poison record: it passed normalisation but the database refused it for its data (SQLState
     * class 22 or 23: a NUL character, a number beyond its column's precision, a text longer than
     * its column); the reason holds the database's message and the payload is kept with NUL
     * characters as the text <code>&#92;u0000</code>. The rest of its batch was stored.
     */
    public static final String QUARANTINED = "QUARANTINED";

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
