package vn.kpibridge.routes.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A version of an employee's evaluation for a period. A new version is stored only when the result
 * differs from the latest one (compared by the SHA-256 of its JSON), so re-running a sync on the
 * same records adds nothing.
 */
@Entity
@Table(name = "evaluation")
public class EvaluationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String employeeCode;
    public String unitCode;
    public String period;
    public String schemeId;
    public int version;
    @Column(name = "result_sha256")
    public String resultSha256;
    public BigDecimal totalPoints;
    public String pointsBand;
    public String proposedRating;
    /** The result JSON exactly as hashed into {@link #resultSha256} (column type json, V12). */
    @ColumnTransformer(write = "?::json")
    @Column(columnDefinition = "json")
    public String result;
    public OffsetDateTime createdAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }

    /** @return the idempotency key of this version's messages: {@code employee:period:vN} */
    public String idempotencyKey() {
        return idempotencyKey(employeeCode, period, version);
    }

    /**
     * @param employeeCode employee code, e.g. "BTC-CB-0001"
     * @param period period code, e.g. "2026-Q2"
     * @param version evaluation version, from 1
     * @return the idempotency key of an evaluation version's messages, e.g. "BTC-CB-0001:2026-Q2:v1";
     *     a receiver drops a message whose key it has seen
     */
    public static String idempotencyKey(String employeeCode, String period, int version) {
        return employeeCode + ":" + period + ":v" + version;
    }
}
