package vn.kpibridge.routes.persistence;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Set-based writes of the ingest path (issue 8). The rows of a batch that are new go straight into
 * their table with one PostgreSQL {@code COPY ... from stdin with (format csv)} (pgjdbc's
 * {@link PGCopyOutputStream} on the transaction's own connection, in 64 KiB pieces, so that
 * PostgreSQL reads the first rows while the next are sent); which rows are new is read first with
 * one query on the table's unique key. Each row's CSV is written by Jackson's {@link CsvMapper}
 * ({@link #encode}), all its columns but the first: the caller may do that beforehand on any
 * thread ({@link Encoded}), so that the transaction only looks the keys up and sends bytes; the
 * first column, the evidence id (a number, never quoted), is put in front when the row is sent.
 * Work items that replace a stored one go through a staging table of the session ({@code create
 * temp table ... on commit delete rows}, one COPY) and one {@code insert ... select ... on conflict
 * do update}. The record issues of a batch are checked in one query and inserted
 * in one JDBC batch. Same rules as the record-by-record path: evidence is stored once per (source,
 * record id, version) and never changed; a work item is one row per (source, record id) holding the
 * highest version seen; an issue is kept once per (source, kind, record id, version), or per
 * (source, kind, file, position) for a record without id. Runs in the caller's transaction (the
 * {@link JdbcTemplate} shares the JPA transaction's connection).
 *
 * <p>CSV as PostgreSQL reads it (PostgreSQL "COPY", section "CSV Format"): every text is quoted
 * ({@link CsvGenerator.Feature#ALWAYS_QUOTE_STRINGS}) with quotes doubled inside, so an empty text
 * stays empty, commas, quotes, newlines and backslashes are data, and {@code \.} is never read as
 * the end of the data; a null is an unquoted empty field, which COPY reads as NULL.
 *
 * <p>Rows stored before never fail a batch: their evidence is found by the first query and not
 * written again, and a work item already stored is updated by the {@code on conflict} statement.
 * Two transactions writing the same new key at once (two instances taking in the same file in the
 * same instant) make the second COPY fail with a unique violation ({@code 23505}), which is
 * technical: the caller redelivers, and the retry finds the rows stored. Any other refusal is either
 * caused by a record's data ({@link #refusedData}; a COPY's refusal, e.g. {@code 22021} for a NUL
 * character or {@code 22P05} for <code>&#92;u0000</code> in jsonb, carries the same SQLState and
 * message as an insert's) or technical.
 */
@Repository
public class IngestBulkWriter {
    /** CSV of the records below, one column per component, named as the table's column (snake case). */
    private static final CsvMapper CSV = CsvMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    /** Bytes of CSV written before each send to PostgreSQL (it parses one while the next is written). */
    private static final int COPY_BUFFER = 64 * 1024;
    private static final Copy<EvidenceInsert> EVIDENCE = Copy.of("source_record", EvidenceInsert.class, "id");
    private static final Copy<WorkItemRow> NEW_WORK_ITEMS = Copy.of("work_item", WorkItemRow.class,
            "source_record_id");
    /** The staging table's COPY: the same columns and lines as {@link #NEW_WORK_ITEMS}. */
    private static final Copy<WorkItemRow> WORK_ITEMS = NEW_WORK_ITEMS.into("work_item_stage");

    /**
     * Ends the lateral subquery that looks a batch's keys up one by one: with {@code limit 1} the
     * subquery is not flattened into a join, so PostgreSQL probes the unique index once per key
     * whatever its statistics say. Flattened, a table that grew since it was last analysed (a
     * first pull of 200,000 records into a new database) is read whole into a hash for every
     * batch: 38 ms instead of 1 ms per 500 keys, measured with {@code benchmark --db-statements}.
     */
    private static final String PROBE = "limit 1";

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
     * @param payload the record's JSON text (as received, with the fields its source derives)
     * @param line line of the record in its file (0 when not from a file)
     */
    public record EvidenceRow(String recordId, long version, String payload, int line) {
    }

    /** Key of an evidence row: record id and version. */
    public record EvidenceKey(String recordId, long version) {
    }

    /**
     * A row with its CSV line for COPY written beforehand ({@link #encode}): every column of its
     * table's COPY but the first (the evidence id of an evidence row or of a work item), ending with
     * a newline.
     *
     * @param row the row
     * @param csv the CSV line's UTF-8 bytes after the first column and its comma
     */
    public record Encoded<T>(T row, byte[] csv) {
    }

    /**
     * Writes an evidence row's CSV line for {@link #storeEvidence}; pure, runs on any thread.
     *
     * @param sourceId source id
     * @param fileName file (or call) the row came from
     * @param row the row
     * @return the row with its line
     */
    public static Encoded<EvidenceRow> encode(String sourceId, String fileName, EvidenceRow row) {
        return new Encoded<>(row, EVIDENCE.line(new EvidenceInsert(0, sourceId, row.recordId(), row.version(),
                row.payload(), fileName, row.line())));
    }

    /**
     * Writes a work item's CSV line for {@link #upsertWorkItems}; pure, runs on any thread.
     * The line does not hold the evidence id: the row's own {@code sourceRecordId} is sent in front
     * of it, so an encoded row may get its id later ({@link WorkItemRow#withSourceRecordId}, same line).
     *
     * @param row the work item
     * @return the row with its line
     */
    public static Encoded<WorkItemRow> encode(WorkItemRow row) {
        return new Encoded<>(row, NEW_WORK_ITEMS.line(row));
    }

    /**
     * Result of {@link #storeEvidence}.
     *
     * @param ids evidence row id per key, for every row of the batch (new or already stored)
     * @param stored keys stored by this call (the others were there already)
     */
    public record StoredEvidence(Map<EvidenceKey, Long> ids, Set<EvidenceKey> stored) {
    }

    /**
     * Stores the batch's evidence rows not yet stored and returns the id of every row's evidence:
     * one query on the unique key finds the rows stored before (and their ids); the others get ids
     * from the table's sequence ({@code source_record_id_seq}, one query) and are loaded into
     * {@code source_record} with one COPY. COPY reads the payload as jsonb, so a payload jsonb
     * refuses fails there (e.g. {@code 22P05} for <code>&#92;u0000</code>), as does a record id with a
     * NUL character ({@code 22021}) or longer than its column ({@code 22001}).
     *
     * @param sourceId source id (the rows' lines were written with it, {@link #encode})
     * @param rows the rows with their CSV lines, any order; the same key twice is stored once
     * @return ids per key and the keys stored now
     * @throws org.springframework.dao.DataAccessException when PostgreSQL refuses the rows (see
     *     {@link #refusedData}) or fails; a unique violation when another transaction stored one of
     *     the new keys since the first query
     */
    public StoredEvidence storeEvidence(String sourceId, List<Encoded<EvidenceRow>> rows) {
        Map<EvidenceKey, Long> ids = new HashMap<>();
        Set<EvidenceKey> stored = new HashSet<>();
        if (rows.isEmpty()) {
            return new StoredEvidence(ids, stored);
        }
        // 1. the rows stored before: one query on the unique key
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select s.id, t.r, t.v from unnest(?::varchar[], ?::bigint[]) "
                    + "as t(r, v) cross join lateral (select s.id from source_record s where s.source_id = ? "
                    + "and s.record_id = t.r and s.version = t.v " + PROBE + ") s");
            ps.setArray(1, array(con, "varchar", rows, e -> e.row().recordId()));
            ps.setArray(2, array(con, "bigint", rows, e -> e.row().version()));
            ps.setString(3, sourceId);
            return ps;
        }, rs -> {
            ids.put(new EvidenceKey(rs.getString(2), rs.getLong(3)), rs.getLong(1));
        });
        // 2. the others, once per key: ids from the table's own sequence, then straight into the table
        Map<EvidenceKey, Encoded<EvidenceRow>> fresh = new LinkedHashMap<>();
        for (Encoded<EvidenceRow> e : rows) {
            EvidenceKey k = new EvidenceKey(e.row().recordId(), e.row().version());
            if (!ids.containsKey(k)) {
                fresh.putIfAbsent(k, e);
            }
        }
        if (fresh.isEmpty()) {
            return new StoredEvidence(ids, stored);
        }
        List<Long> newIds = jdbc.queryForList("select nextval('source_record_id_seq') from generate_series(1, ?)",
                Long.class, fresh.size());
        List<Encoded<EvidenceRow>> inserts = new ArrayList<>(fresh.size());
        int i = 0;
        for (Map.Entry<EvidenceKey, Encoded<EvidenceRow>> f : fresh.entrySet()) {
            ids.put(f.getKey(), newIds.get(i++));
            stored.add(f.getKey());
            inserts.add(f.getValue());
        }
        copy(EVIDENCE, inserts, k -> newIds.get(k));
        return new StoredEvidence(ids, stored);
    }

    /** A new evidence row as COPY loads it into {@code source_record} (column names in snake case). */
    record EvidenceInsert(long id, String sourceId, String recordId, long version, String payload, String fileName,
            int line) {
    }

    /**
     * One work item to insert or update (see {@link WorkItemEntity} for the fields).
     *
     * @param sourceId source id
     * @param sourceRecordId evidence row id (0 until the evidence is stored, see {@link #withSourceRecordId})
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
    public record WorkItemRow(String sourceId, long sourceRecordId, String recordId, long version, String employeeCode,
            String unitCode, String period, String title, String productCode, String catalogId, String catalogVersion,
            BigDecimal coefficient, String ruleId, String axis, BigDecimal plannedQuantity, BigDecimal doneQuantity,
            BigDecimal share, int qualityFailures, int lateDeliveries, int leadershipFailures, String objectiveCause,
            BigDecimal qualityFactor, BigDecimal timelinessFactor, BigDecimal leadershipFactor) {
        /**
         * @param id the id of the row's stored evidence
         * @return this row referencing that evidence
         */
        public WorkItemRow withSourceRecordId(long id) {
            return new WorkItemRow(sourceId, id, recordId, version, employeeCode, unitCode, period, title, productCode,
                    catalogId, catalogVersion, coefficient, ruleId, axis, plannedQuantity, doneQuantity, share,
                    qualityFailures, lateDeliveries, leadershipFailures, objectiveCause, qualityFactor,
                    timelinessFactor, leadershipFactor);
        }
    }

    /**
     * Inserts or updates the work items of a batch. One query finds which record ids have a stored
     * work item. The others are loaded into {@code work_item} with one COPY. The rest go to the
     * session's staging table {@code work_item_stage} with one COPY, then into {@code work_item}
     * with one {@code insert ... select ... on conflict (source_id, record_id) do update}: a row
     * replaces the stored one of the same (source, record id) unless the stored version is newer (an
     * older version arriving late does not win). A value beyond its column (a quantity beyond
     * {@code numeric(20,6)}, a text too long) is refused by COPY or by the insert with the column's
     * own message.
     *
     * Each row's {@code sourceRecordId} is sent in front of its CSV line ({@link #encode}).
     *
     * @param sourceId source id of every row
     * @param rows at most one row per record id (the caller keeps the highest version), with their lines
     * @return rows inserted or updated
     * @throws IllegalArgumentException when a record id appears twice or a row is of another source
     *     (through the bean: wrapped in Spring's
     *     {@link org.springframework.dao.InvalidDataAccessApiUsageException})
     * @throws org.springframework.dao.DataAccessException when PostgreSQL refuses the rows (see
     *     {@link #refusedData}) or fails; a unique violation when another transaction stored one of
     *     the new record ids since the first query
     */
    public int upsertWorkItems(String sourceId, List<Encoded<WorkItemRow>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (rows.stream().map(e -> e.row().recordId()).distinct().count() != rows.size()) {
            throw new IllegalArgumentException("a batch of work items names a record id twice");
        }
        if (rows.stream().anyMatch(e -> !sourceId.equals(e.row().sourceId()))) {
            throw new IllegalArgumentException("a batch of work items of source " + sourceId + " holds another source's");
        }
        Set<String> storedIds = new HashSet<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select t.r from unnest(?::varchar[]) as t(r) cross join lateral "
                    + "(select 1 from work_item w where w.source_id = ? and w.record_id = t.r " + PROBE + ") w");
            ps.setArray(1, array(con, "varchar", rows, e -> e.row().recordId()));
            ps.setString(2, sourceId);
            return ps;
        }, rs -> {
            storedIds.add(rs.getString(1));
        });
        List<Encoded<WorkItemRow>> fresh = rows.stream().filter(e -> !storedIds.contains(e.row().recordId())).toList();
        int written = fresh.isEmpty() ? 0 : (int) copy(NEW_WORK_ITEMS, fresh, k -> fresh.get(k).row().sourceRecordId());
        if (fresh.size() == rows.size()) {
            return written;
        }
        jdbc.execute("create temp table if not exists work_item_stage (source_id text, source_record_id bigint, "
                + "record_id text, version bigint, employee_code text, unit_code text, period text, title text, "
                + "product_code text, catalog_id text, catalog_version text, coefficient numeric, rule_id text, "
                + "axis text, planned_quantity numeric, done_quantity numeric, share numeric, quality_failures int, "
                + "late_deliveries int, leadership_failures int, objective_cause text, quality_factor numeric, "
                + "timeliness_factor numeric, leadership_factor numeric) on commit delete rows");
        List<Encoded<WorkItemRow>> replacing = rows.stream().filter(e -> storedIds.contains(e.row().recordId())).toList();
        copy(WORK_ITEMS, replacing, k -> replacing.get(k).row().sourceRecordId());
        // the stage is emptied by the statement that reads it: a second call in one transaction starts empty
        return written + jdbc.update("with s as (delete from work_item_stage returning *) "
                + "insert into work_item (" + String.join(", ", WORK_ITEMS.columns) + ", updated_at) "
                + "select s." + String.join(", s.", WORK_ITEMS.columns) + ", now() from s "
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

    /**
     * One record kept in {@code record_issue} (see {@link RecordIssueEntity} for the fields).
     *
     * @param fileName file (or call) of the batch
     * @param line line in the file (0 when not from a file)
     * @param recordIndex 0-based position of the record in its batch
     * @param recordId the record's id, or null (a record without id is known by its file and position)
     * @param version record version, or null
     * @param kind {@link RecordIssueEntity#REJECTED}, {@link RecordIssueEntity#UNMAPPED} or
     *     {@link RecordIssueEntity#QUARANTINED}
     * @param reason the reason, e.g. {@code GET /tasks page 3:2: record 90254: ...}; no NUL character
     * @param payload the record's JSON, which jsonb accepts (no <code>&#92;u0000</code>), or null
     */
    public record IssueRow(String fileName, int line, int recordIndex, String recordId, Long version, String kind,
            String reason, String payload) {
        /** @return what makes the issue the same one: (kind, record id, version), or (kind, file, position) */
        List<Object> key() {
            return recordId != null ? java.util.Arrays.asList(kind, recordId, version)
                    : java.util.Arrays.asList(kind, null, null, fileName, recordIndex);
        }
    }

    /**
     * Keeps the issues of a batch not kept before: which are already in {@code record_issue} is
     * read in one query per kind of key (record id and version; file and position for records
     * without id), the others are inserted in one JDBC batch. An issue named twice in
     * {@code rows} is kept once.
     *
     * @param sourceId source id
     * @param rows the batch's issues, in the order their log lines are to be written
     * @return the rows inserted by this call, in the given order
     * @throws org.springframework.dao.DataAccessException when PostgreSQL refuses the rows or fails
     */
    public List<IssueRow> keepIssues(String sourceId, List<IssueRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<List<Object>, IssueRow> fresh = new LinkedHashMap<>();
        rows.forEach(r -> fresh.putIfAbsent(r.key(), r));
        // an issue with a record id: one probe of uq_record_issue per issue
        alreadyKept(sourceId, fresh, r -> r.recordId() != null, "select t.n from unnest(?::varchar[], ?::varchar[], "
                + "?::bigint[]) with ordinality as t(a, b, c, n) cross join lateral (select 1 from record_issue i "
                + "where i.source_id = ? and i.kind = t.a and i.record_id = t.b and i.version is not distinct from t.c "
                + PROBE + ") i", "varchar", IssueRow::recordId, "bigint", IssueRow::version);
        // an issue without one (rare, no index on the file and position): one join
        alreadyKept(sourceId, fresh, r -> r.recordId() == null, "select t.n from unnest(?::varchar[], ?::varchar[], "
                + "?::int[]) with ordinality as t(a, b, c, n) join record_issue i on i.kind = t.a "
                + "and i.file_name is not distinct from t.b and i.record_index is not distinct from t.c "
                + "where i.source_id = ?", "varchar", IssueRow::fileName, "int", IssueRow::recordIndex);
        List<IssueRow> insert = new ArrayList<>(fresh.values());
        if (insert.isEmpty()) {
            return List.of();
        }
        jdbc.batchUpdate("insert into record_issue (source_id, file_name, line, record_index, record_id, version, kind, "
                + "reason, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)", new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        IssueRow r = insert.get(i);
                        ps.setString(1, sourceId);
                        ps.setString(2, r.fileName());
                        ps.setInt(3, r.line());
                        ps.setInt(4, r.recordIndex());
                        ps.setString(5, r.recordId());
                        if (r.version() == null) {
                            ps.setNull(6, Types.BIGINT);
                        } else {
                            ps.setLong(6, r.version());
                        }
                        ps.setString(7, r.kind());
                        ps.setString(8, r.reason());
                        ps.setString(9, r.payload());
                    }

                    @Override
                    public int getBatchSize() {
                        return insert.size();
                    }
                });
        return insert;
    }

    /**
     * Removes from {@code fresh} the issues (those {@code which} selects) that {@code record_issue}
     * already holds, with one query over arrays of their kind and two more fields.
     *
     * @param sql the query: parameters the three arrays (kind, {@code second}, {@code third}) then
     *     the source id; answers the 1-based positions ({@code with ordinality}) of the issues found
     */
    private void alreadyKept(String sourceId, Map<List<Object>, IssueRow> fresh,
            java.util.function.Predicate<IssueRow> which, String sql, String secondType,
            Function<IssueRow, Object> second, String thirdType, Function<IssueRow, Object> third) {
        List<IssueRow> rows = fresh.values().stream().filter(which).toList();
        if (rows.isEmpty()) {
            return;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement(sql);
            ps.setArray(1, array(con, "varchar", rows, IssueRow::kind));
            ps.setArray(2, array(con, secondType, rows, second));
            ps.setArray(3, array(con, thirdType, rows, third));
            ps.setString(4, sourceId);
            return ps;
        }, rs -> {
            fresh.remove(rows.get(rs.getInt(1) - 1).key());
        });
    }

    /**
     * A COPY of rows of one record type into a table: the CSV columns are the record's components
     * in snake case, the key column first (sent in front of each row's line) and then the others in
     * the order Jackson writes them ({@link #line}).
     */
    private static final class Copy<T> {
        final List<String> columns;
        final ObjectWriter writer;
        final String sql;

        static <T> Copy<T> of(String table, Class<T> type, String key) {
            CsvSchema all = CSV.schemaFor(type);
            CsvSchema.Builder rest = CsvSchema.builder();
            List<String> names = new ArrayList<>(List.of(key));
            all.forEach(c -> {
                if (!c.getName().equals(key)) {
                    rest.addColumn(c.getName(), c.getType());
                    names.add(c.getName());
                }
            });
            if (names.size() != all.size()) {
                throw new IllegalArgumentException(type.getSimpleName() + " has no component for column " + key);
            }
            // the key component is left out of the line (IGNORE_UNKNOWN: a property the schema lacks is skipped)
            return new Copy<>(table, List.copyOf(names), CSV.writerFor(type)
                    .with(rest.build().withoutHeader().withLineSeparator("\n").withNullValue(""))
                    .with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                    .with(com.fasterxml.jackson.core.JsonGenerator.Feature.IGNORE_UNKNOWN));
        }

        private Copy(String table, List<String> columns, ObjectWriter writer) {
            this.columns = columns;
            this.writer = writer;
            this.sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format csv)";
        }

        /** @return the same columns and lines, into another table */
        Copy<T> into(String table) {
            return new Copy<>(table, columns, writer);
        }

        /** @return the row's CSV line without the key column, UTF-8, ending with a newline */
        byte[] line(T row) {
            try {
                return writer.writeValueAsBytes(row);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write a " + row.getClass().getSimpleName() + " as CSV", e);
            }
        }
    }

    /**
     * Loads rows into a table with one COPY on the transaction's connection: for each row its key
     * (a number, which CSV never quotes), a comma and its line.
     *
     * @param key the key of the row at each position
     * @return rows loaded
     */
    private long copy(Copy<?> copy, List<? extends Encoded<?>> rows, java.util.function.IntToLongFunction key) {
        Long loaded = jdbc.execute((ConnectionCallback<Long>) con -> {
            PGCopyOutputStream out = new PGCopyOutputStream(con.unwrap(PGConnection.class), copy.sql, COPY_BUFFER);
            try {
                for (int k = 0; k < rows.size(); k++) {
                    out.write(Long.toString(key.applyAsLong(k)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(',');
                    out.write(rows.get(k).csv());
                }
                return out.endCopy();
            } catch (IOException e) {
                // a refusal of PostgreSQL's arrives as the cause (an SQLException, see refusedData)
                throw new UncheckedIOException("cannot send the rows of " + copy.sql + ": " + e.getMessage(), e);
            } finally {
                if (out.isActive()) {
                    out.cancelCopy(); // our own failure half-way: the connection leaves the COPY
                }
            }
        });
        return loaded == null ? 0 : loaded;
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
