package vn.kpibridge.routes.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Set-based writes of the ingest path (issue 8 point 3): a batch of evidence rows and a batch of
 * work items each go to PostgreSQL in one statement ({@code insert ... select from unnest(arrays)}),
 * instead of one round trip (or three) per record. Same rules as the record-by-record path:
 * evidence is stored once per (source, record id, version) and never changed; a work item is one
 * row per (source, record id) holding the highest version seen. Runs in the caller's transaction
 * (the {@link JdbcTemplate} shares the JPA transaction's connection).
 *
 * <p>Conflicts on the unique keys are handled by design and never fail a batch: evidence
 * {@code on conflict (source_id, record_id, version) do nothing}, work items {@code on conflict
 * (source_id, record_id) do update} (one row per record id and statement, checked before). Any
 * other refusal of a statement is either caused by a record's data ({@link #refusedData}) or
 * technical.
 */
@Repository
public class IngestBulkWriter {
    private final JdbcTemplate jdbc;

    /** @param jdbc JDBC access on the application's data source */
    public IngestBulkWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One raw record to keep as evidence.
     *
     * @param recordId the source's record id
     * @param version record version
     * @param payload the record's JSON text as received
     * @param line line of the record in its file (0 when not from a file)
     */
    public record EvidenceRow(String recordId, long version, String payload, int line) {
    }

    /** Key of an evidence row: record id and version. */
    public record EvidenceKey(String recordId, long version) {
    }

    /**
     * Result of {@link #storeEvidence}.
     *
     * @param ids evidence row id per key, for every row of the batch (new or already stored)
     * @param stored keys stored by this call (the others were there already)
     */
    public record StoredEvidence(Map<EvidenceKey, Long> ids, java.util.Set<EvidenceKey> stored) {
    }

    /**
     * Stores the batch's evidence rows not yet stored, in one statement, and returns the id of
     * every row's evidence.
     *
     * @param sourceId source id
     * @param fileName file (or call) the batch came from
     * @param rows the rows, any order; the same key twice is stored once
     * @return ids per key and the keys stored now
     */
    public StoredEvidence storeEvidence(String sourceId, String fileName, List<EvidenceRow> rows) {
        Map<EvidenceKey, Long> ids = new HashMap<>();
        java.util.Set<EvidenceKey> stored = new java.util.HashSet<>();
        if (rows.isEmpty()) {
            return new StoredEvidence(ids, stored);
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("insert into source_record (source_id, record_id, version, payload, "
                    + "file_name, line) select ?, t.r, t.v, t.p::jsonb, ?, t.l from unnest(?::varchar[], ?::bigint[], "
                    + "?::text[], ?::int[]) as t(r, v, p, l) on conflict (source_id, record_id, version) do nothing "
                    + "returning id, record_id, version");
            ps.setString(1, sourceId);
            ps.setString(2, fileName);
            ps.setArray(3, array(con, "varchar", rows, EvidenceRow::recordId));
            ps.setArray(4, array(con, "bigint", rows, EvidenceRow::version));
            ps.setArray(5, array(con, "text", rows, EvidenceRow::payload));
            ps.setArray(6, array(con, "int", rows, EvidenceRow::line));
            return ps;
        }, rs -> {
            EvidenceKey k = new EvidenceKey(rs.getString(2), rs.getLong(3));
            ids.put(k, rs.getLong(1));
            stored.add(k);
        });
        List<EvidenceRow> known = rows.stream().filter(r -> !ids.containsKey(new EvidenceKey(r.recordId(), r.version())))
                .toList();
        if (!known.isEmpty()) {
            jdbc.query(con -> {
                PreparedStatement ps = con.prepareStatement("select s.id, s.record_id, s.version from source_record s "
                        + "join unnest(?::varchar[], ?::bigint[]) as t(r, v) on s.record_id = t.r and s.version = t.v "
                        + "where s.source_id = ?");
                ps.setArray(1, array(con, "varchar", known, EvidenceRow::recordId));
                ps.setArray(2, array(con, "bigint", known, EvidenceRow::version));
                ps.setString(3, sourceId);
                return ps;
            }, rs -> {
                ids.put(new EvidenceKey(rs.getString(2), rs.getLong(3)), rs.getLong(1));
            });
        }
        return new StoredEvidence(ids, stored);
    }

    /**
     * One work item to insert or update (see {@link WorkItemEntity} for the fields).
     *
     * @param sourceRecordId evidence row id
     * @param recordId source record id
     * @param version record version
     * @param employeeCode employee
     * @param unitCode unit
     * @param period period code
     * @param title task title
     * @param productCode catalog product
     * @param catalogId catalog id
     * @param catalogVersion catalog version
     * @param coefficient conversion coefficient
     * @param ruleId product rule that decided
     * @param axis axis code or null
     * @param plannedQuantity planned quantity, product units
     * @param doneQuantity delivered quantity, product units
     * @param share share of the product (1 = whole)
     * @param qualityFailures failed quality reviews
     * @param lateDeliveries late deliveries
     * @param leadershipFailures leadership shortfalls
     * @param objectiveCause confirmed objective cause or null
     * @param qualityFactor reviewer-set factor or null
     * @param timelinessFactor reviewer-set factor or null
     * @param leadershipFactor reviewer-set factor or null
     */
    public record WorkItemRow(long sourceRecordId, String recordId, long version, String employeeCode,
            String unitCode, String period, String title, String productCode, String catalogId, String catalogVersion,
            BigDecimal coefficient, String ruleId, String axis, BigDecimal plannedQuantity, BigDecimal doneQuantity,
            BigDecimal share, int qualityFailures, int lateDeliveries, int leadershipFailures, String objectiveCause,
            BigDecimal qualityFactor, BigDecimal timelinessFactor, BigDecimal leadershipFactor) {
    }

    /**
     * Inserts or updates the work items of a batch in one statement: a row replaces the stored one
     * of the same (source, record id) unless the stored version is newer (an older version arriving
     * late does not win).
     *
     * @param sourceId source id
     * @param rows at most one row per record id (the caller keeps the highest version)
     * @return rows inserted or updated
     * @throws IllegalArgumentException when a record id appears twice
     */
    public int upsertWorkItems(String sourceId, List<WorkItemRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (rows.stream().map(WorkItemRow::recordId).distinct().count() != rows.size()) {
            throw new IllegalArgumentException("a batch of work items names a record id twice");
        }
        return jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into work_item (source_record_id, source_id, record_id, "
                    + "version, employee_code, unit_code, period, title, product_code, catalog_id, catalog_version, "
                    + "coefficient, rule_id, axis, planned_quantity, done_quantity, share, quality_failures, "
                    + "late_deliveries, leadership_failures, objective_cause, quality_factor, timeliness_factor, "
                    + "leadership_factor, updated_at) "
                    + "select t.sr, ?, t.r, t.v, t.e, t.u, t.p, t.ti, t.pc, t.ci, t.cv, t.co, t.ru, t.ax, t.pq, t.dq, "
                    + "t.sh, t.qf, t.ld, t.lf, t.oc, t.qx, t.tx, t.lx, now() from unnest(?::bigint[], ?::varchar[], "
                    + "?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], "
                    + "?::varchar[], ?::numeric[], ?::varchar[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[], "
                    + "?::int[], ?::int[], ?::int[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[]) "
                    + "as t(sr, r, v, e, u, p, ti, pc, ci, cv, co, ru, ax, pq, dq, sh, qf, ld, lf, oc, qx, tx, lx) "
                    + "on conflict (source_id, record_id) do update set source_record_id = excluded.source_record_id, "
                    + "version = excluded.version, employee_code = excluded.employee_code, unit_code = excluded.unit_code, "
                    + "period = excluded.period, title = excluded.title, product_code = excluded.product_code, "
                    + "catalog_id = excluded.catalog_id, catalog_version = excluded.catalog_version, "
                    + "coefficient = excluded.coefficient, rule_id = excluded.rule_id, axis = excluded.axis, "
                    + "planned_quantity = excluded.planned_quantity, done_quantity = excluded.done_quantity, "
                    + "share = excluded.share, quality_failures = excluded.quality_failures, "
                    + "late_deliveries = excluded.late_deliveries, leadership_failures = excluded.leadership_failures, "
                    + "objective_cause = excluded.objective_cause, quality_factor = excluded.quality_factor, "
                    + "timeliness_factor = excluded.timeliness_factor, leadership_factor = excluded.leadership_factor, "
                    + "updated_at = now() where work_item.version <= excluded.version");
            int i = 1;
            ps.setString(i++, sourceId);
            ps.setArray(i++, array(con, "bigint", rows, WorkItemRow::sourceRecordId));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::recordId));
            ps.setArray(i++, array(con, "bigint", rows, WorkItemRow::version));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::employeeCode));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::unitCode));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::period));
            ps.setArray(i++, array(con, "text", rows, WorkItemRow::title));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::productCode));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::catalogId));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::catalogVersion));
            ps.setArray(i++, array(con, "numeric", rows, WorkItemRow::coefficient));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::ruleId));
            ps.setArray(i++, array(con, "varchar", rows, WorkItemRow::axis));
            ps.setArray(i++, array(con, "numeric", rows, WorkItemRow::plannedQuantity));
            ps.setArray(i++, array(con, "numeric", rows, WorkItemRow::doneQuantity));
            ps.setArray(i++, array(con, "numeric", rows, WorkItemRow::share));
            ps.setArray(i++, array(con, "int", rows, WorkItemRow::qualityFailures));
            ps.setArray(i++, array(con, "int", rows, WorkItemRow::lateDeliveries));
            ps.setArray(i++, array(con, "int", rows, WorkItemRow::leadershipFailures));
            ps.setArray(i++, array(con, "text", rows, WorkItemRow::objectiveCause));
            ps.setArray(i++, array(con, "numeric", rows, WorkItemRow::qualityFactor));
            ps.setArray(i++, array(con, "numeric", rows, WorkItemRow::timelinessFactor));
            ps.setArray(i, array(con, "numeric", rows, WorkItemRow::leadershipFactor));
            return ps;
        });
    }

    /**
     * What the database said when it refused a statement because of the data it was given.
     *
     * @param sqlState the five-character SQLState, class 22 or 23 (e.g. {@code 22P05}, {@code 22003})
     * @param message the server's primary message, e.g. {@code numeric field overflow}
     * @param detail the server's detail, e.g. {@code A field with precision 20, scale 6 must round to an
     *     absolute value less than 10^14.}, or null
     */
    public record RefusedData(String sqlState, String message, String detail) {
        /** @return the message with its detail in parentheses, for a record's reason */
        public String describe() {
            return detail == null || detail.isBlank() ? message : message + " (" + detail + ")";
        }
    }

    /**
     * Tells a refusal caused by the data (a "poison record") from a technical failure, by the
     * SQLState of the first {@link SQLException} in the cause chain (PostgreSQL, Appendix A "Error
     * Codes"): class 22 "data exception" (e.g. {@code 22021} a NUL byte in text, {@code 22P05}
     * <code>&#92;u0000</code> in jsonb, {@code 22003} numeric field overflow, {@code 22001} value too long) and
     * class 23 "integrity constraint violation" except {@code 23505} unique violation (the unique
     * keys are handled by {@code on conflict}; a unique violation is a concurrency matter that a
     * redelivery settles). Everything else (08 connection, 40 serialization, 53 resources, 57
     * operator intervention, no SQLState at all) is technical.
     *
     * @param failure an exception thrown by a write or a commit (any wrapper)
     * @return the refusal when the data caused it; empty for a technical failure
     */
    public static Optional<RefusedData> refusedData(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.length() != 5 || "23505".equals(state)
                        || !(state.startsWith("22") || state.startsWith("23"))) {
                    return Optional.empty();
                }
                ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
                if (server != null && server.getMessage() != null) {
                    return Optional.of(new RefusedData(state, server.getMessage(), server.getDetail()));
                }
                String text = String.valueOf(sql.getMessage());
                int eol = text.indexOf('\n');
                return Optional.of(new RefusedData(state, eol < 0 ? text : text.substring(0, eol), null));
            }
        }
        return Optional.empty();
    }

    private static <T> Array array(Connection con, String type, List<T> rows, Function<T, Object> field)
            throws SQLException {
        List<Object> values = new ArrayList<>(rows.size());
        for (T r : rows) {
            values.add(field.apply(r));
        }
        return con.createArrayOf(type, values.toArray());
    }
}
