package vn.kpibridge.routes.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * The workflow state of an employee's evaluation for a period (issue 6 point 2): one row per
 * (employee, period), pointing at the evaluation version it refers to. States are the names of
 * {@code vn.kpibridge.routes.workflow.WorkflowState}. Optimistic locking ({@code row_version})
 * makes two concurrent decisions on the same evaluation fail instead of overwriting each other.
 */
@Entity
@Table(name = "evaluation_workflow")
public class EvaluationWorkflowEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String employeeCode;
    public String unitCode;
    public String period;
    public String sourceId;
    public String schemeId;
    public String state;
    public int evaluationVersion;
    public String proposedRating;
    public String approvedRating;
    public Integer approvedVersion;
    public String approvalReason;
    public String approvedBy;
    public OffsetDateTime approvedAt;
    public Integer publishedVersion;
    public int publications;
    public OffsetDateTime publishedAt;
    public String reopenReason;
    @Version
    public long rowVersion;
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
