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
 * The direct leader's inputs for an employee's period, as the JSON of
 * {@code vn.kpibridge.routes.workflow.ReviewerInputs}; they feed every later scoring.
 */
@Entity
@Table(name = "reviewer_input")
public class ReviewerInputEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String employeeCode;
    public String period;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String inputs;
    public String comment;
    public String reviewedBy;
    public OffsetDateTime reviewedAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
