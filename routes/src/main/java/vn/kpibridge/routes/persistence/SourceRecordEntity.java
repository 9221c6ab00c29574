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

/** A raw source record kept unchanged (JSONB) as evidence, once per (source, record id, version). */
@Entity
@Table(name = "source_record")
public class SourceRecordEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sourceId;
    private String recordId;
    private long version;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String payload;
    private String fileName;
    private Integer line;
    private OffsetDateTime receivedAt = OffsetDateTime.now();

    protected SourceRecordEntity() {
    }

    /**
     * @param sourceId source id
     * @param recordId the source's record id
     * @param version the source's record version
     * @param payload the record's JSON text as received
     * @param fileName file it came in
     * @param line 1-based line where it starts
     */
    public SourceRecordEntity(String sourceId, String recordId, long version, String payload, String fileName,
            Integer line) {
        this.sourceId = sourceId;
        this.recordId = recordId;
        this.version = version;
        this.payload = payload;
        this.fileName = fileName;
        this.line = line;
    }

    public Long getId() {
        return id;
    }

    public String getPayload() {
        return payload;
    }
}
