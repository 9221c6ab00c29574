package vn.kpibridge.routes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A message waiting in (or delivered from) the transactional outbox (tables of Flyway V3 and V4).
 *
 * <p>Life of a message: {@link #PENDING} until delivered ({@link #DELIVERED}); a remote target's
 * refusal that retrying cannot cure (4xx other than 408/429) makes it {@link #PARKED}; running
 * out of attempts makes it {@link #DEAD}. A re-drive puts a parked or dead message back to
 * pending with its attempts reset.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessageEntity {
    /** Waiting for delivery (possibly until {@code nextAttemptAt}). */
    public static final String PENDING = "PENDING";
    /** Delivered; {@code lastAnswer} holds the target's answer. */
    public static final String DELIVERED = "DELIVERED";
    /** Refused by the target in a way retrying cannot cure; kept with the target's status and body. */
    public static final String PARKED = "PARKED";
    /** Not delivered within the allowed attempts; {@code lastAnswer} holds the reason. */
    public static final String DEAD = "DEAD";
    /** All statuses. */
    public static final Set<String> STATUSES = Set.of(PENDING, DELIVERED, PARKED, DEAD);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String target;
    public String kind;
    public String idempotencyKey;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String payload;
    /**
     * The evaluation version whose message this is, when the payload is not stored (claim check,
     * migration V11): {@link vn.kpibridge.routes.flow.OutboxService#payload} builds it from the
     * stored result. Null for a message with its own payload.
     */
    public Long evaluationId;
    public String status = PENDING;
    /** Attempts in the current round (since creation or the last re-drive). */
    public int attempts;
    /** Last answer of the target (status line and body start) or the reason of the last failure. */
    public String lastAnswer;
    /** HTTP status of the last answer, null for a local target or a failure without an answer. */
    public Integer lastStatus;
    public OffsetDateTime createdAt = OffsetDateTime.now();
    public OffsetDateTime updatedAt = OffsetDateTime.now();
    public OffsetDateTime deliveredAt;
    /** A pending message is not tried before this time (back-off, or the lease of a running call). */
    public OffsetDateTime nextAttemptAt = OffsetDateTime.now();
    public OffsetDateTime lastAttemptAt;
    /** Times the message was put back to pending by a re-drive. */
    public int redrives;
    /** Employee of the message, null for a unit's message. */
    public String employeeCode;
    public String unitCode;
    public String period;

    public Long getId() {
        return id;
    }
}
