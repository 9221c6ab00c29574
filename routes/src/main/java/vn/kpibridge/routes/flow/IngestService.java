package vn.kpibridge.routes.flow;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.commons.io.input.CloseShieldInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.connectors.mapping.MappingDecision;
import vn.kpibridge.connectors.source.ExportFile;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.source.RejectedRecord;
import vn.kpibridge.connectors.source.SourceFileReader;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordRejectedException;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.connectors.source.SourceFormatException;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.persistence.EmployeeAssessmentEntity;
import vn.kpibridge.routes.persistence.IngestBulkWriter;
import vn.kpibridge.routes.persistence.EmployeeAssessmentRepository;
import vn.kpibridge.routes.persistence.RecordIssueEntity;
import vn.kpibridge.routes.persistence.RecordIssueRepository;
import vn.kpibridge.routes.persistence.SourceFileEntity;
import vn.kpibridge.routes.persistence.SourceFileRepository;
import vn.kpibridge.scoring.Catalog;
import vn.kpibridge.scoring.Period;

/**
 * Takes in one export file of one source: keeps every raw record as evidence, normalises it,
 * resolves the employee, maps tasks to catalog products and stores work items and assessments.
 * A file is read by {@link SourceFileReader} according to its source's type (JSON export, CSV,
 * XLSX, edXML package), so every file type takes this same path; rows a reader rejects (a CSV row
 * with values beyond the header, an Excel error cell) are kept as REJECTED with file, line and
 * reason.
 *
 * <p>Idempotent: a record is stored once per (source, id, version); a work item is one row per
 * (source, record id) holding its latest version; re-taking the same file adds no row. A bad
 * record is kept as REJECTED or UNMAPPED with its reason (file, line, record, field) and the rest
 * of the file goes on. A file that is not readable JSON is recorded as REJECTED and the
 * {@link SourceFormatException} is rethrown, so the route moves the file to the error folder.
 *
 * <p>Poison records (issue 7 point 3): a batch (a file, a page, a row batch) is written set-based in
 * one transaction. When the database refuses it because of a record's data (SQLState class 22 or
 * 23, see {@link IngestBulkWriter#refusedData}: a NUL character, which PostgreSQL takes in neither
 * text nor jsonb; a number beyond its numeric column; a text longer than its column) the
 * transaction is rolled back, the records are bisected in trial transactions that are always
 * rolled back until each refused record stands alone, and the batch is written again without them:
 * every good record is stored as usual, each poison record is kept in {@code record_issue} as
 * QUARANTINED with the batch, line (or position in a page), record id and the database's message,
 * e.g. {@code eoffice-btc/q3.json:12: record CV-Q3-9: numeric field overflow (A field with precision
 * 20, scale 6 must round to an absolute value less than 10^14.)}, and its payload as JSON the
 * database accepts (a NUL character kept as the six characters <code>&#92;u0000</code>). A quarantined
 * record has no evidence row; re-taking the batch quarantines it again without a second issue row.
 * A technical failure (connection, resources, shutdown: any other SQLState) is not quarantined: it
 * propagates, so the route redelivers the message and finally dead-letters it.
 */
@Service
public class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final MappingRegistry registry;
    private final SourceFileRepository files;
    private final EmployeeAssessmentRepository assessments;
    private final RecordIssueRepository issues;
    private final TransactionTemplate tx;
    private final IngestBulkWriter bulk;
    private final ObjectMapper mapper;

    /**
     * @param registry the configured sources
     * @param files source files taken in
     * @param assessments assessment records
     * @param issues kept bad or unmapped records
     * @param tx transactions of a batch
     * @param bulk set-based writes of evidence and work items
     */
    public IngestService(MappingRegistry registry, SourceFileRepository files,
            EmployeeAssessmentRepository assessments, RecordIssueRepository issues, TransactionTemplate tx,
            IngestBulkWriter bulk) {
        this.bulk = bulk;
        this.registry = registry;
        this.files = files;
        this.assessments = assessments;
        this.issues = issues;
        this.tx = tx;
        // exact numbers: 1.2 stays 1.2, never 1.19999...
        this.mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * Takes in a file of the inbox without loading it whole: JSON, CSV and edXML stream from disk
     * (edXML attachments are measured, never held), an XLSX workbook is read in place.
     *
     * @param sourceId source id (the inbox sub-folder)
     * @param fileName file name relative to the inbox, for messages and evidence
     * @param file the file
     * @return counts and the (employee, period) pairs to re-score
     * @throws SourceFormatException when the source is unknown, is not a file source, the file's
     *     extension does not fit its type, or the file is unreadable as a whole; recorded as
     *     REJECTED (table source_file) first
     * @throws UncheckedIOException when the file cannot be read (a technical error, redelivered)
     */
    public IngestResult ingest(String sourceId, String fileName, Path file) {
        SourceSetup setup = registry.source(sourceId).orElse(null);
        if (setup != null && SourceMapping.TYPE_XLSX.equals(setup.mapping().type())) {
            return ingest(sourceId, fileName, s -> new SourceFileReader(s.mapping(), mapper).read(fileName, file),
                    () -> sha256(file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return ingest(sourceId, fileName, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /**
     * Takes in a file arriving as a stream (an upload), read as it arrives; its SHA-256 is computed
     * on the way (the rest of the stream is drained when the file is rejected half-way).
     *
     * @param sourceId configured file source id
     * @param fileName name for messages and evidence, with the extension of the source's type
     * @param in the file's bytes; not closed
     * @return counts and the (employee, period) pairs to re-score
     * @throws SourceFormatException as {@link #ingest(String, String, Path)}
     * @throws UncheckedIOException when the stream cannot be read
     */
    public IngestResult ingest(String sourceId, String fileName, InputStream in) {
        MessageDigest digest = sha256Digest();
        DigestInputStream digesting = new DigestInputStream(in, digest);
        // readers close what they read (Jackson's AUTO_CLOSE_SOURCE): shield the stream, drained afterwards
        return ingest(sourceId, fileName, s -> new SourceFileReader(s.mapping(), mapper).read(fileName,
                        CloseShieldInputStream.wrap(digesting)),
                () -> {
                    digesting.transferTo(OutputStream.nullOutputStream());
                    return HexFormat.of().formatHex(digest.digest());
                });
    }

    /** Reads a file of a configured source. */
    private interface ExportRead {
        ExportFile read(SourceSetup setup) throws IOException;
    }

    /** Gives the file's SHA-256 once it has been read (or rejected). */
    private interface Sha {
        String get() throws IOException;
    }

    private IngestResult ingest(String sourceId, String fileName, ExportRead read, Sha sha) {
        SourceSetup setup = registry.source(sourceId).orElse(null);
        ExportFile export;
        try {
            if (setup == null) {
                throw new SourceFormatException(fileName, 0, "no source mapping with id \"" + sourceId
                        + "\" (inbox sub-folder); configured: " + registry.sources().keySet(), null);
            }
            if (!setup.mapping().isFileSource()) {
                throw new SourceFormatException(fileName, 0, "source " + sourceId + " is of type "
                        + setup.mapping().type() + "; it takes no files", null);
            }
            export = read.read(setup);
        } catch (SourceFormatException e) {
            String digest = digest(sha, fileName);
            tx.executeWithoutResult(s -> files.findBySourceIdAndContentSha256(sourceId, digest).ifPresentOrElse(
                    SourceFileEntity::redelivered,
                    () -> files.save(new SourceFileEntity(sourceId, fileName, digest, "REJECTED", 0, e.getMessage()))));
            log.warn("File rejected: {}", e.getMessage());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
        String digest = digest(sha, fileName);
        IngestResult result = write(setup, export);
        tx.executeWithoutResult(s -> files.findBySourceIdAndContentSha256(sourceId, digest).ifPresentOrElse(
                SourceFileEntity::redelivered,
                () -> files.save(new SourceFileEntity(sourceId, fileName, digest, "PROCESSED", export.size(), null))));
        log.info("File {} of source {}: {} records, {} new, {} already stored, {} mapped, {} unmapped, {} rejected, "
                + "{} quarantined", fileName, sourceId, result.records(), result.stored(), result.duplicates(),
                result.mapped(), result.unmapped(), result.rejected(), result.quarantined());
        return result;
    }

    private static String digest(Sha sha, String fileName) {
        try {
            return sha.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fileName, e);
        }
    }

    /**
     * Takes in one batch of records that did not come as a file (a page of an API, rows of a
     * database view): the same evidence, normalisation, mapping and issue keeping as for files,
     * in one transaction, with the same setting apart of poison records (see the class comment).
     * Called outside a transaction: each write and trial runs in its own. The same as
     * {@link #storeBatch}({@link #prepareBatch}).
     *
     * @param sourceId configured source id
     * @param batch the batch; its {@code fileName} names it in messages (e.g. "GET /tasks page 3")
     *     and its {@code header} gives defaults such as the period
     * @return counts and the (employee, period) pairs to re-score
     * @throws IllegalArgumentException when the source is not configured
     * @throws org.springframework.dao.DataAccessException on a technical failure of the database
     *     (nothing of the batch is stored; the caller redelivers)
     */
    public IngestResult ingestBatch(String sourceId, ExportFile batch) {
        return storeBatch(prepareBatch(sourceId, batch));
    }

    /**
     * The first half of {@link #ingestBatch}, without the database: normalises each record,
     * resolves its employee in the identity map and maps it to a catalog product, so that a pull
     * can prepare its next page while the previous one is being stored ({@link #storeBatch}, on
     * another thread). A record that cannot be normalised or mapped becomes an issue of the batch
     * (REJECTED or UNMAPPED with file, line and reason), kept when the batch is stored.
     *
     * @param sourceId configured source id
     * @param batch the batch, as for {@link #ingestBatch}
     * @return the batch ready to store; holds no connection nor transaction
     * @throws IllegalArgumentException when the source is not configured
     */
    public PreparedBatch prepareBatch(String sourceId, ExportFile batch) {
        SourceSetup setup = registry.source(sourceId).orElseThrow(() -> new IllegalArgumentException(
                "no source mapping with id \"" + sourceId + "\"; configured: " + registry.sources().keySet()));
        return prepare(setup, batch, Map.of());
    }

    /**
     * The second half of {@link #ingestBatch}: writes a prepared batch in one transaction (evidence,
     * work items, assessments, issues); when the database refuses it for a record's data, sets the
     * poison records apart as described in the class comment. Called outside a transaction, from any
     * thread.
     *
     * @param prepared a batch from {@link #prepareBatch}
     * @return counts and the (employee, period) pairs to re-score
     * @throws org.springframework.dao.DataAccessException on a technical failure of the database
     *     (nothing of the batch is stored; the caller stores it again)
     */
    public IngestResult storeBatch(PreparedBatch prepared) {
        SourceSetup setup = prepared.setup;
        ExportFile export = prepared.export;
        try {
            List<String> kept = new ArrayList<>();
            IngestResult result = tx.execute(s -> store(prepared, kept));
            kept.forEach(log::warn); // once stored: a batch rolled back and written again warns once
            return result;
        } catch (RuntimeException e) {
            IngestBulkWriter.RefusedData refused = IngestBulkWriter.refusedData(e).orElseThrow(() -> e);
            log.info("Batch {} of source {} ({} records) refused by the database ({}, SQLState {}): rolled back; "
                    + "setting the poison records apart", export.fileName(), setup.mapping().id(),
                    export.records().size(), refused.message(), refused.sqlState());
            Map<Integer, IngestBulkWriter.RefusedData> poison = new TreeMap<>();
            List<Integer> all = java.util.stream.IntStream.range(0, export.records().size()).boxed().toList();
            if (all.size() == 1) {
                poison.put(0, refused);
            } else {
                bisect(setup, export, all.subList(0, all.size() / 2), poison);
                bisect(setup, export, all.subList(all.size() / 2, all.size()), poison);
            }
            List<String> kept = new ArrayList<>();
            PreparedBatch without = prepare(setup, export, poison);
            IngestResult result = tx.execute(s -> store(without, kept));
            kept.forEach(log::warn);
            return result;
        }
    }

    /** Writes a file's records as {@link #storeBatch} writes a batch. */
    private IngestResult write(SourceSetup setup, ExportFile export) {
        return storeBatch(prepare(setup, export, Map.of()));
    }


    /**
     * Tries the records at {@code positions} (of {@code export.records()}) in a transaction that is
     * always rolled back; when the database refuses them for their data, halves them until each
     * refused record stands alone, and notes it in {@code poison}.
     *
     * @throws RuntimeException a technical failure of a trial, as thrown
     */
    private void bisect(SourceSetup setup, ExportFile export, List<Integer> positions,
            Map<Integer, IngestBulkWriter.RefusedData> poison) {
        ExportFile trial = new ExportFile(export.fileName(), export.header(),
                positions.stream().map(export.records()::get).toList());
        try {
            PreparedBatch prepared = prepare(setup, trial, Map.of());
            tx.executeWithoutResult(s -> {
                store(prepared, null);
                issues.flush(); // the pending JPA writes (assessments) meet the database inside the trial
                s.setRollbackOnly();
            });
        } catch (RuntimeException e) {
            IngestBulkWriter.RefusedData refused = IngestBulkWriter.refusedData(e).orElseThrow(() -> e);
            if (positions.size() == 1) {
                poison.put(positions.get(0), refused);
                return;
            }
            int half = positions.size() / 2;
            bisect(setup, export, positions.subList(0, half), poison);
            bisect(setup, export, positions.subList(half, positions.size()), poison);
        }
    }

    /**
     * A batch normalised, resolved and mapped in memory ({@link #prepareBatch}), ready to store
     * ({@link #storeBatch}): its evidence rows, its work items (the highest version per record id,
     * without their evidence id yet), its assessment records, its issues and counts. Holds no
     * connection; stored once.
     */
    public static final class PreparedBatch {
        private final SourceSetup setup;
        private final ExportFile export;
        private final List<IngestBulkWriter.Encoded<IngestBulkWriter.EvidenceRow>> evidence = new ArrayList<>();
        private final Map<String, IngestBulkWriter.Encoded<IngestBulkWriter.WorkItemRow>> items = new LinkedHashMap<>();
        private final List<Assessment> assessments = new ArrayList<>();
        private final List<IngestBulkWriter.IssueRow> issues = new ArrayList<>();
        private final Set<EmployeePeriod> touched = new LinkedHashSet<>();
        private int mapped;
        private int unmapped;
        private int rejected;
        private int quarantined;

        private PreparedBatch(SourceSetup setup, ExportFile export) {
            this.setup = setup;
            this.export = export;
        }

    }

    /** An assessment record of a batch, written with the evidence it came from. */
    private record Assessment(IngestBulkWriter.EvidenceKey evidence, Employee employee, NormalizedRecord record) {
    }

    /**
     * Normalises, resolves and maps the records of a batch, in memory. Each record's own work (its
     * id, JSON text, normalisation, employee and product) is done for all records at once on the
     * common fork-join pool ({@link #outcome}); the batch is then put together record by record in
     * the batch's order, as a sequential pass would: the same issues in the same order and the same
     * highest version per record id.
     *
     * @param poison records of the batch refused by the database, by position in
     *     {@code export.records()}: kept as QUARANTINED, not written
     */
    private PreparedBatch prepare(SourceSetup setup, ExportFile export, Map<Integer, IngestBulkWriter.RefusedData> poison) {
        PreparedBatch b = new PreparedBatch(setup, export);
        String sourceId = setup.mapping().id();
        for (RejectedRecord bad : export.rejected()) {
            issue(export.fileName(), bad.index(), bad.line(), null, null, RecordIssueEntity.REJECTED,
                    export.fileName() + ":" + bad.line() + ": " + bad.reason(), json(bad.evidence()), b.issues);
            b.rejected++;
        }
        List<RawRecord> records = export.records();
        Outcome[] outcomes = new Outcome[records.size()];
        java.util.stream.IntStream.range(0, records.size()).parallel().forEach(i ->
                outcomes[i] = outcome(setup, export, records.get(i), poison.containsKey(i)));
        // 1. evidence rows, unchanged
        List<Integer> withId = new ArrayList<>();
        for (int position = 0; position < records.size(); position++) {
            RawRecord raw = records.get(position);
            Outcome o = outcomes[position];
            IngestBulkWriter.RefusedData refused = poison.get(position);
            if (refused != null) {
                quarantine(setup, export, raw, o.recordId(), refused, b.issues);
                b.quarantined++;
                continue;
            }
            if (o.recordId() == null || o.recordId().isBlank()) {
                issue(export.fileName(), raw, null, null, RecordIssueEntity.REJECTED,
                        export.fileName() + ":" + raw.line() + ": record #" + (raw.index() + 1) + " has no id", json(raw),
                        b.issues);
                b.rejected++;
                continue;
            }
            withId.add(position);
            b.evidence.add(o.evidence());
        }
        // 2. normalised, resolved, mapped; the work items of the batch, the highest version per record id
        for (int position : withId) {
            RawRecord raw = records.get(position);
            Outcome o = outcomes[position];
            String recordId = o.recordId();
            long version = o.version();
            String where = export.fileName() + ":" + raw.line() + ": ";
            if (o.rejected() != null) {
                issue(export.fileName(), raw, recordId, version, RecordIssueEntity.REJECTED,
                        where + o.rejected().getMessage(), o.payload(), b.issues);
                b.rejected++;
                continue;
            }
            NormalizedRecord r = o.record();
            Employee employee = o.employee();
            if (employee == null) {
                issue(export.fileName(), raw, recordId, version, RecordIssueEntity.UNMAPPED,
                        where + "record " + recordId + ": assignee \"" + r.assigneeId() + "\" is not in identity map "
                                + setup.identities().file(), o.payload(), b.issues);
                b.unmapped++;
                continue;
            }
            if (r.type() == RecordType.ASSESSMENT) {
                b.assessments.add(new Assessment(new IngestBulkWriter.EvidenceKey(recordId, version), employee, r));
            } else if (!o.decision().mapped()) {
                issue(export.fileName(), raw, recordId, version, RecordIssueEntity.UNMAPPED,
                        where + "record " + recordId + ": " + o.decision().unmappedReason(), o.payload(), b.issues);
                b.unmapped++;
                continue;
            } else {
                b.items.merge(recordId, o.item(), (x, y) -> y.row().version() >= x.row().version() ? y : x);
            }
            b.mapped++;
            b.touched.add(new EmployeePeriod(employee.code(), employee.unitCode(), employee.unitName(),
                    o.period().code(), sourceId));
        }
        return b;
    }

    /**
     * What one record of a batch becomes on its own, apart from the others: its id, its evidence row
     * (version and JSON text, with its CSV line for COPY; null for a record without id or set apart
     * as poison), and either the failure that rejects it or its normalised form, employee (null when
     * the identity map lacks the assignee), period, and for a task the mapping decision and work item
     * with its CSV line (null when unmapped). Nothing is computed past the first thing that sets the
     * record apart.
     */
    private record Outcome(String recordId, IngestBulkWriter.Encoded<IngestBulkWriter.EvidenceRow> evidence,
            NormalizedRecord record, Period period, Employee employee, MappingDecision decision,
            IngestBulkWriter.Encoded<IngestBulkWriter.WorkItemRow> item, RuntimeException rejected) {
        /** @return the record's version (a record with evidence) */
        long version() {
            return evidence.row().version();
        }

        /** @return the record's JSON text (a record with evidence) */
        String payload() {
            return evidence.row().payload();
        }
    }

    /**
     * One record's own work for {@link #prepare}; runs on any thread (the normaliser, identity map,
     * catalogs and rules are immutable, the mapper thread-safe). A normalisation, period or mapping
     * failure of the record's data ({@link RecordRejectedException}, {@link IllegalArgumentException},
     * {@link IllegalStateException}) becomes {@code rejected} (reading the id and the version
     * cannot fail: a missing or unreadable one reads as null and 1).
     */
    private Outcome outcome(SourceSetup setup, ExportFile export, RawRecord raw, boolean poisoned) {
        String recordId = setup.normalizer().recordId(raw);
        if (poisoned || recordId == null || recordId.isBlank()) {
            return new Outcome(recordId, null, null, null, null, null, null, null);
        }
        var evidence = IngestBulkWriter.encode(setup.mapping().id(), export.fileName(), new IngestBulkWriter.EvidenceRow(
                recordId, setup.normalizer().recordVersion(raw), json(raw), raw.line()));
        NormalizedRecord r;
        Period period;
        Employee employee;
        MappingDecision d = null;
        IngestBulkWriter.WorkItemRow item = null;
        try {
            r = setup.normalizer().normalize(export.header(), raw);
            period = Period.parse(r.period());
            employee = setup.identities().employee(r.assigneeId()).orElse(null);
            if (employee != null && r.type() != RecordType.ASSESSMENT) {
                Catalog catalog = setup.catalog().forPeriod(period);
                d = setup.rules().map(r, catalog);
                item = d.mapped() ? workItem(setup.mapping().id(), employee, r, d) : null;
            }
        } catch (RecordRejectedException | IllegalArgumentException | IllegalStateException e) {
            return new Outcome(recordId, evidence, null, null, null, null, null, e);
        }
        return new Outcome(recordId, evidence, r, period, employee, d,
                item == null ? null : IngestBulkWriter.encode(item), null);
    }

    /**
     * Writes a prepared batch within the caller's transaction.
     *
     * @param kept collects a log line per issue row added ("UNMAPPED record kept: ..."), for the
     *     caller to log once the transaction is committed; null for a trial write (rolled back)
     */
    private IngestResult store(PreparedBatch b, List<String> kept) {
        String sourceId = b.setup.mapping().id();
        ExportFile export = b.export;
        // 1. evidence first: the whole batch in one query and one COPY
        IngestBulkWriter.StoredEvidence evidence = bulk.storeEvidence(sourceId, b.evidence);
        int stored = 0;
        int duplicates = 0;
        Set<IngestBulkWriter.EvidenceKey> counted = new java.util.HashSet<>();
        for (IngestBulkWriter.Encoded<IngestBulkWriter.EvidenceRow> e : b.evidence) {
            IngestBulkWriter.EvidenceKey key = new IngestBulkWriter.EvidenceKey(e.row().recordId(), e.row().version());
            if (evidence.stored().contains(key) && counted.add(key)) {
                stored++;
            } else {
                duplicates++;
            }
        }
        for (Assessment a : b.assessments) {
            upsertAssessment(sourceId, evidence.ids().get(a.evidence()), a.employee(), a.record());
        }
        // 2. the work plan: an older version arriving late does not win
        List<IngestBulkWriter.Encoded<IngestBulkWriter.WorkItemRow>> items = new ArrayList<>(b.items.size());
        for (IngestBulkWriter.Encoded<IngestBulkWriter.WorkItemRow> item : b.items.values()) {
            IngestBulkWriter.WorkItemRow row = item.row();
            // the same line: the evidence id is sent in front of it
            items.add(new IngestBulkWriter.Encoded<>(row.withSourceRecordId(
                    evidence.ids().get(new IngestBulkWriter.EvidenceKey(row.recordId(), row.version()))), item.csv()));
        }
        bulk.upsertWorkItems(sourceId, items);
        // 3. the issues not kept before
        for (IngestBulkWriter.IssueRow i : bulk.keepIssues(sourceId, b.issues)) {
            if (kept != null) {
                kept.add(i.kind() + " record kept: " + i.reason());
            }
        }
        return new IngestResult(sourceId, export.fileName(), export.size(), stored, duplicates, b.mapped,
                b.unmapped, b.rejected, b.quarantined, new ArrayList<>(b.touched));
    }

    /**
     * Keeps a record the database refused as QUARANTINED: the reason names the batch, the line in the
     * file (or the 1-based position in a page or batch, which have no lines), the record and the
     * database's message; the payload is the record's JSON with every NUL character turned into the
     * six characters <code>&#92;u0000</code>, which jsonb accepts.
     */
    private void quarantine(SourceSetup setup, ExportFile export, RawRecord raw, String recordId,
            IngestBulkWriter.RefusedData refused, List<IngestBulkWriter.IssueRow> issueRows) {
        int at = raw.line() > 0 ? raw.line() : raw.index() + 1;
        String record = recordId == null || recordId.isBlank() ? "#" + (raw.index() + 1) : recordId;
        String reason = export.fileName() + ":" + at + ": record " + record + ": " + refused.describe();
        // the record id as a column value: no NUL, at most the column's 200 characters
        String id = recordId == null ? null : withoutNul(recordId);
        if (id != null && id.length() > 200) {
            id = id.substring(0, 200);
        }
        issue(export.fileName(), raw, id, setup.normalizer().recordVersion(raw), RecordIssueEntity.QUARANTINED, reason,
                json(raw), issueRows);
    }

    /**
     * @param payload JSON text as Jackson writes it, or null
     * @return the same JSON with every NUL character of its texts and field names (written
     *     <code>&#92;u0000</code>, which jsonb refuses) turned into the six characters
     *     <code>&#92;u0000</code> as text
     */
    private String storable(String payload) {
        if (payload == null || !payload.contains("\\u0000")) {
            return payload;
        }
        try {
            return json(withoutNul(mapper.readTree(payload)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot re-read a record's JSON", e);
        }
    }

    /** @return the text with every NUL character replaced by the six characters <code>&#92;u0000</code> */
    private static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
    }

    /** @return a copy of the JSON tree whose texts and field names hold no NUL character */
    private JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') < 0 ? node : TextNode.valueOf(withoutNul(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(n -> copy.add(withoutNul(n)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(withoutNul(f.getKey()), withoutNul(f.getValue())));
            return copy;
        }
        return node;
    }

    /** @return the work item of a mapped record, without its evidence id (set when the evidence is stored) */
    private static IngestBulkWriter.WorkItemRow workItem(String sourceId, Employee employee, NormalizedRecord r,
            MappingDecision d) {
        return new IngestBulkWriter.WorkItemRow(sourceId, 0, r.recordId(), r.version(), employee.code(),
                employee.unitCode(), r.period(), r.title(), d.productCode(), d.catalogId(), d.catalogVersion(),
                d.coefficient(), d.ruleId(), r.axis() != null ? r.axis() : d.axis(), r.plannedQuantity(),
                r.doneQuantity(), r.share() == null ? BigDecimal.ONE : r.share(), r.qualityFailures(),
                r.lateDeliveries(), r.leadershipFailures(), r.objectiveCause(), r.qualityFactor(),
                r.timelinessFactor(), r.leadershipFactor());
    }

    private void upsertAssessment(String sourceId, Long evidenceId, Employee employee, NormalizedRecord r) {
        EmployeeAssessmentEntity a = assessments.findByEmployeeCodeAndPeriod(employee.code(), r.period())
                .orElseGet(EmployeeAssessmentEntity::new);
        a.sourceRecordId = evidenceId;
        a.sourceId = sourceId;
        a.employeeCode = employee.code();
        a.period = r.period();
        a.generalCriteriaPoints = r.generalCriteriaPoints();
        a.selfProposedRating = r.selfProposedRating();
        a.forceMajeure = r.forceMajeure();
        a.updatedAt = java.time.OffsetDateTime.now();
        assessments.save(a);
    }

    private void issue(String fileName, RawRecord raw, String recordId, Long version, String kind, String reason,
            String payload, List<IngestBulkWriter.IssueRow> issueRows) {
        issue(fileName, raw.index(), raw.line(), recordId, version, kind, reason, payload, issueRows);
    }

    /** Notes an issue of the batch; {@link IngestBulkWriter#keepIssues} keeps it unless it was kept before. */
    private void issue(String fileName, int index, int line, String recordId, Long version, String kind, String reason,
            String payload, List<IngestBulkWriter.IssueRow> issueRows) {
        issueRows.add(new IngestBulkWriter.IssueRow(fileName, line, index, recordId, version, kind, withoutNul(reason),
                storable(payload)));
    }

    private String json(RawRecord raw) {
        return json(raw.payload());
    }

    private String json(com.fasterxml.jackson.databind.JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256Digest().digest(content));
    }

    /** @return the hex SHA-256 of a file, read as a stream. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
