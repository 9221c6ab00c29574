package vn.kpibridge.routes.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One attempt at delivering an outbox message to a remote target (table
 * {@code outbox_delivery_attempt}, Flyway V4): written {@link #SENDING} when the message is
 * claimed, completed with the outcome when the call ends. An attempt left {@code SENDING} belongs
 * to a process that stopped during the call.
 */
@Entity
@Table(name = "outbox_delivery_attempt")
public class OutboxDeliveryAttemptEntity {
    /** The call is running (or its process stopped during it). */
    public static final String SENDING = "SENDING";
    /** Cut off: its process stopped during the call; a later attempt took the message over. */
    public static final String ABANDONED = "ABANDONED";
    /** Failed in a way worth retrying; another attempt follows after the back-off. */
    public static final String RETRY = "RETRY";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public long messageId;
    /** Re-drives of the message before this attempt (0 = first round). */
    public int round;
    /** Attempt number within the round, from 1. */
    public int attempt;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
    /** SENDING, DELIVERED, RETRY, PARKED, DEAD or ABANDONED. */
    public String outcome = SENDING;
    public Integer httpStatus;
    /** Status line and the start of the body, or the error. */
    public String answer;

    public Long getId() {
        return id;
    }
}
