package vn.kpibridge.routes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A file received in the inbox, once per (source, content SHA-256); redeliveries are counted. */
@Entity
@Table(name = "source_file")
public class SourceFileEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sourceId;
    private String fileName;
    @Column(name = "content_sha256")
    private String contentSha256;
    private String status;
    private int recordCount;
    private String error;
    private OffsetDateTime firstSeenAt = OffsetDateTime.now();
    private int deliveries = 1;

    protected SourceFileEntity() {
    }

    /**
     * @param sourceId source id
     * @param fileName file name relative to the inbox
     * @param contentSha256 hex SHA-256 of the file's bytes
     * @param status PROCESSED or REJECTED
     * @param recordCount records in the file (0 when rejected)
     * @param error rejection reason naming file and line, or null
     */
    public SourceFileEntity(String sourceId, String fileName, String contentSha256, String status, int recordCount,
            String error) {
        this.sourceId = sourceId;
        this.fileName = fileName;
        this.contentSha256 = contentSha256;
        this.status = status;
        this.recordCount = recordCount;
        this.error = error;
    }

    public String getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    public String getFileName() {
        return fileName;
    }

    public int getDeliveries() {
        return deliveries;
    }

    /** Counts one more delivery of identical content. */
    public void redelivered() {
        deliveries++;
    }
}
