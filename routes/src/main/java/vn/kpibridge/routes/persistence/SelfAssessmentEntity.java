package vn.kpibridge.routes.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The employee's self-assessment of a period ("tự đánh giá, tự đề xuất xếp loại"). */
@Entity
@Table(name = "self_assessment")
public class SelfAssessmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public String employeeCode;
    public String period;
    public BigDecimal generalCriteriaPoints;
    public String proposedRating;
    public String comment;
    public String submittedBy;
    public OffsetDateTime submittedAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
