package vn.kpibridge.routes.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A mapped work item: the latest version of a TASK record with its product, coefficient, the rule
 * that matched and the catalog version in force. One row per (source, record id).
 */
@Entity
@Table(name = "work_item")
public class WorkItemEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    public Long sourceRecordId;
    public String sourceId;
    public String recordId;
    public long version;
    public String employeeCode;
    public String unitCode;
    public String period;
    public String title;
    public String productCode;
    public String catalogId;
    public String catalogVersion;
    public BigDecimal coefficient;
    public String ruleId;
    public String axis;
    public BigDecimal plannedQuantity;
    public BigDecimal doneQuantity;
    public BigDecimal share;
    public int qualityFailures;
    public int lateDeliveries;
    public int leadershipFailures;
    public String objectiveCause;
    public BigDecimal qualityFactor;
    public BigDecimal timelinessFactor;
    public BigDecimal leadershipFactor;
    public OffsetDateTime updatedAt = OffsetDateTime.now();

    public Long getId() {
        return id;
    }
}
