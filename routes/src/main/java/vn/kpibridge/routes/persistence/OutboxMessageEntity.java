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

/** A message waiting in (or delivered from) the transactional outbox. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessageEntity {
    /** Waiting for delivery. */
    public static final String PENDING = "PENDING";
    /** Delivered; {@code lastAnswer} holds the target's answer. */
    public static final String DELIVERED = "DELIVERED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String target;
    public String kind;
    public String idempotencyKey;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String payload;
    public String status = PENDING;
    public int attempts;
    public String lastAnswer;
    public OffsetDateTime createdAt = OffsetDateTime.now();
    public OffsetDateTime updatedAt = OffsetDateTime.now();
    public OffsetDateTime deliveredAt;

    public Long getId() {
        return id;
    }
}
