package vn.kpibridge.routes.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The latest ASSESSMENT of an employee for a period: general criteria, self-proposal, excuses. */
@Entity
@Table(name = "employee_assessment")
public class EmployeeAssessmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public Long sourceRecordId;
    public String sourceId;
    public String employeeCode;
    public String period;
    public BigDecimal generalCriteriaPoints;
    public String selfProposedRating;
    public String forceMajeure;
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
