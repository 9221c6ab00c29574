package vn.kpibridge.routes.run;

import java.util.List;
import vn.kpibridge.routes.flow.EmployeePeriod;

/**
 * One partition of re-scoring work: the employees of one unit whose records of one source changed
 * in one period. A sync run stores its partitions (table {@code sync_partition}) and sends one
 * message per partition to the queue {@code kpi.queues.partitions}, consumed by every instance;
 * outside a run (a file arriving while the service runs, a pull asked for directly) a partition is
 * re-scored at once on the instance that took the records in.
 *
 * @param id row id in {@code sync_partition}; 0 for a partition re-scored at once (not stored)
 * @param runId the run it belongs to; 0 when not stored
 * @param sourceId the source whose records changed (its scheme applies)
 * @param unitCode the unit
 * @param unitName the unit's name, for its reports
 * @param period period code ("2026-06", "2026-Q2")
 * @param employeeCodes the employees to re-score, distinct, sorted
 */
public record SyncPartition(long id, long runId, String sourceId, String unitCode, String unitName, String period,
        List<String> employeeCodes) {

    /** @return the message group of the partition: partitions of one (unit, period) go to one consumer, in order */
    public String group() {
        return unitCode + "|" + period;
    }

    /** @return the (unit, period) as {@code direct:writeUnitSummary} takes it */
    public EmployeePeriod unit() {
        return new EmployeePeriod(employeeCodes.isEmpty() ? null : employeeCodes.get(0), unitCode, unitName, period,
                sourceId);
    }

    @Override
    public String toString() {
        return "partition " + (id == 0 ? "" : id + " ") + "(" + sourceId + ", " + unitCode + ", " + period + ": "
                + employeeCodes.size() + " employees)";
    }
}
