package vn.kpibridge.routes.run;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.kpibridge.routes.flow.EmployeePeriod;
import vn.kpibridge.routes.flow.IngestResult;

/**
 * The partitions of sync runs (table {@code sync_partition}, see {@link SyncPartition}).
 *
 * <p>Life of a stored partition: PENDING (recorded by a pull or a file of the run) -> QUEUED (its
 * message sent) -> RUNNING (claimed by the instance that received the message) -> DONE or FAILED
 * (with the reason). The claim is one conditional UPDATE, so a message delivered twice is processed
 * once; a message redelivered by the broker after its consumer died (JMSRedelivered) may claim a
 * RUNNING row again, which is safe because re-scoring is idempotent (an unchanged result stores
 * nothing). MOVED: the open partition of a run that ended without processing it (its instance was
 * killed), taken over by the next run.
 *
 * <p>The report stage (issue 8): a DONE partition owes its unit's reports. Once every partition of
 * the run is DONE or FAILED the run sends one report message per DONE partition
 * ({@link #dispatchReports}: {@code reports_queued_at}); the consumer that writes them stamps
 * {@code reports_written_at} ({@link #reportsWritten}), or {@code reports_error} when they keep
 * failing ({@link #reportsFailed}). A DONE partition whose reports were neither written nor failed
 * when its run ended (killed, timed out) is taken over by the next run like an open one.
 */
@Service("syncPartitionService")
public class SyncPartitionService {
    private static final Logger log = LoggerFactory.getLogger(SyncPartitionService.class);
    private static final String COLUMNS = "id, run_id, source_id, unit_code, unit_name, period, employee_codes";

    private final JdbcTemplate jdbc;
    private final SyncRunService runs;
    private final SyncRunProperties props;

    /**
     * @param jdbc the application's database
     * @param runs the run under way on this instance, if any
     * @param props this instance's name
     */
    public SyncPartitionService(JdbcTemplate jdbc, SyncRunService runs, SyncRunProperties props) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.props = props;
    }

    /**
     * What an ingest touched, as partitions: stored for the run under way on this instance (and an
     * empty list returned: the run sends them to the queue once its pulls are done), or returned to
     * be re-scored at once when no run is under way here. A (source, unit, period) of the run that
     * was already sent is returned too: it arrived late and is re-scored at once.
     *
     * @param result what a page, a batch of rows or a file touched
     * @return the partitions to re-score now, in first-touched order
     */
    public List<SyncPartition> deferOrInline(IngestResult result) {
        List<SyncPartition> touched = partitions(result.touched());
        Optional<LiveRun> live = runs.active();
        if (live.isEmpty() || touched.isEmpty()) {
            return touched;
        }
        long runId = live.get().id();
        List<SyncPartition> late = new ArrayList<>();
        for (SyncPartition p : touched) {
            List<Long> ids = jdbc.queryForList("insert into sync_partition (run_id, source_id, unit_code, unit_name, "
                    + "period, employee_codes) values (?, ?, ?, ?, ?, ?) on conflict (run_id, source_id, unit_code, period) "
                    + "do update set employee_codes = (select array_agg(distinct e order by e) from "
                    + "unnest(sync_partition.employee_codes || excluded.employee_codes) e) "
                    + "where sync_partition.status = 'PENDING' returning id", Long.class, runId, p.sourceId(),
                    p.unitCode(), p.unitName(), p.period(), p.employeeCodes().toArray(String[]::new));
            if (ids.isEmpty()) {
                late.add(p);
            }
        }
        return late;
    }

    /**
     * @param touched (employee, period) pairs
     * @return grouped by (source, unit, period), employees distinct and sorted, in first-touched order
     */
    static List<SyncPartition> partitions(List<EmployeePeriod> touched) {
        Map<String, EmployeePeriod> first = new LinkedHashMap<>();
        Map<String, TreeSet<String>> employees = new HashMap<>();
        for (EmployeePeriod t : touched) {
            String key = t.sourceId() + "|" + t.unitCode() + "|" + t.period();
            first.putIfAbsent(key, t);
            employees.computeIfAbsent(key, k -> new TreeSet<>()).add(t.employeeCode());
        }
        return first.entrySet().stream().map(e -> new SyncPartition(0, 0, e.getValue().sourceId(),
                e.getValue().unitCode(), e.getValue().unitName(), e.getValue().period(),
                List.copyOf(employees.get(e.getKey())))).toList();
    }

    /**
     * Sends the run's PENDING partitions and marks them QUEUED. A partition is sent before it is
     * marked: a crash in between leaves it PENDING and it is sent again; the copy is absorbed by
     * the claim.
     *
     * @param runId the run
     * @param send sends one partition's message
     * @return how many were sent
     */
    public int dispatchPending(long runId, Consumer<SyncPartition> send) {
        List<SyncPartition> pending = jdbc.query("select " + COLUMNS + " from sync_partition where run_id = ? and "
                + "status = 'PENDING' order by id", SyncPartitionService::row, runId);
        for (SyncPartition p : pending) {
            send.accept(p);
            jdbc.update("update sync_partition set status = 'QUEUED', queued_at = now() where id = ? and status = 'PENDING'",
                    p.id());
        }
        return pending.size();
    }

    /**
     * Claims a partition for this instance.
     *
     * @param id partition id (the message body)
     * @param redelivered whether the broker redelivers the message (its first consumer failed or died)
     * @return the partition when this instance is to process it; empty when it was processed or
     *     claimed already (a copy of its message), was MOVED to a later run, or does not exist
     */
    public Optional<SyncPartition> claim(long id, boolean redelivered) {
        List<SyncPartition> claimed = jdbc.query("update sync_partition set status = 'RUNNING', instance_id = ?, "
                + "attempts = attempts + 1, started_at = now(), error_text = null where id = ? and (status in "
                + "('PENDING', 'QUEUED') or (? and status = 'RUNNING')) returning " + COLUMNS,
                SyncPartitionService::row, props.instance(), id, redelivered);
        if (claimed.isEmpty()) {
            log.info("Partition {}: already processed or taken over, message dropped", id);
            return Optional.empty();
        }
        return Optional.of(claimed.get(0));
    }

    /**
     * @param id a claimed partition
     * @param newVersions evaluation versions its re-scoring stored
     */
    public void done(long id, int newVersions) {
        jdbc.update("update sync_partition set status = 'DONE', new_versions = ?, finished_at = now() where id = ?",
                newVersions, id);
    }

    /**
     * @param id a partition whose processing failed after its redeliveries (its message goes to the
     *     dead-letter queue)
     * @param reason why
     */
    public void failed(long id, String reason) {
        jdbc.update("update sync_partition set status = 'FAILED', finished_at = now(), error_text = ? where id = ?",
                reason, id);
    }

    /**
     * Sends a report message for each DONE partition of the run not yet sent, and marks it
     * ({@code reports_queued_at}). Sent before marked, as {@link #dispatchPending}: a copy is
     * absorbed by {@link #forReports}.
     *
     * @param runId the run
     * @param send sends one partition's report message
     * @return how many were sent
     */
    public int dispatchReports(long runId, Consumer<SyncPartition> send) {
        List<SyncPartition> owed = jdbc.query("select " + COLUMNS + " from sync_partition where run_id = ? and "
                + "status = 'DONE' and reports_queued_at is null order by id", SyncPartitionService::row, runId);
        for (SyncPartition p : owed) {
            send.accept(p);
            jdbc.update("update sync_partition set reports_queued_at = now() where id = ?", p.id());
        }
        return owed.size();
    }

    /**
     * @param id partition id (the report message's body)
     * @return the partition when its reports are still owed (DONE, neither written nor failed);
     *     empty for a copy of a message already processed, a partition MOVED to a later run, or none
     */
    public Optional<SyncPartition> forReports(long id) {
        List<SyncPartition> owed = jdbc.query("select " + COLUMNS + " from sync_partition where id = ? and "
                + "status = 'DONE' and reports_written_at is null and reports_error is null",
                SyncPartitionService::row, id);
        if (owed.isEmpty()) {
            log.info("Partition {}: reports already written, failed or taken over, message dropped", id);
            return Optional.empty();
        }
        return Optional.of(owed.get(0));
    }

    /** @param id a DONE partition whose unit's reports were written */
    public void reportsWritten(long id) {
        jdbc.update("update sync_partition set reports_written_at = now(), reports_error = null where id = ?", id);
    }

    /**
     * @param id a DONE partition whose unit's reports failed after their redeliveries (the message
     *     goes to the dead-letter queue); its scores stay stored
     * @param reason why
     */
    public void reportsFailed(long id, String reason) {
        jdbc.update("update sync_partition set reports_error = ? where id = ?", reason, id);
    }

    /**
     * Takes over what runs that ended without finishing it (their instance was killed, a stage timed
     * out) left: their open partitions (PENDING, QUEUED, RUNNING) and their DONE partitions whose
     * reports are still owed. They become the new run's PENDING partitions, merged per (source, unit,
     * period) (re-scoring is idempotent: an unchanged result stores nothing; the reports follow in
     * the new run's report stage), and the old rows are MOVED (a message of theirs still in a queue
     * is dropped by the claim or {@link #forReports}).
     *
     * @param runId the run starting
     * @return how many partitions were taken over
     */
    public int adoptOrphans(long runId) {
        Integer n = jdbc.queryForObject("with moved as (update sync_partition p set status = 'MOVED', "
                + "error_text = case when p.status = 'DONE' then 're-scored, reports not written: ' else '' end "
                + "|| 'taken over by run ' || ?::text, finished_at = case when p.status = 'DONE' then p.finished_at "
                + "else now() end from sync_run r where p.run_id = r.id "
                + "and r.status <> 'RUNNING' and (p.status in ('PENDING', 'QUEUED', 'RUNNING') or (p.status = 'DONE' "
                + "and p.reports_written_at is null and p.reports_error is null)) returning p.*), "
                + "ins as (insert into sync_partition (run_id, source_id, unit_code, unit_name, period, employee_codes) "
                + "select ?, source_id, unit_code, max(unit_name), period, array_agg(distinct e order by e) "
                + "from moved, unnest(employee_codes) e group by source_id, unit_code, period returning 1) "
                + "select count(*) from ins", Integer.class, runId, runId);
        if (n != null && n > 0) {
            log.warn("Sync run {}: took over {} partition(s) left open (or their reports owed) by "
                    + "interrupted runs", runId, n);
        }
        return n == null ? 0 : n;
    }

    private static SyncPartition row(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray("employee_codes");
        List<String> employees = Arrays.asList((String[]) a.getArray());
        return new SyncPartition(rs.getLong("id"), rs.getLong("run_id"), rs.getString("source_id"),
                rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("period"), List.copyOf(employees));
    }
}
