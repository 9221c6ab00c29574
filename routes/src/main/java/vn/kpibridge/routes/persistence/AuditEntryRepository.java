package vn.kpibridge.routes.persistence;

import java.util.List;
import org.springframework.data.repository.Repository;

/** The audit trail: insert and read only (no update or delete method is exposed). */
public interface AuditEntryRepository extends Repository<AuditEntryEntity, Long> {
    /** Appends an entry. */
    AuditEntryEntity save(AuditEntryEntity entry);

    /** @return the entries of an employee's evaluation for a period, oldest first. */
    List<AuditEntryEntity> findByEmployeeCodeAndPeriodOrderById(String employeeCode, String period);
}
