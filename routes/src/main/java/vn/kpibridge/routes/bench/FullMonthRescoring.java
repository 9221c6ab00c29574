package vn.kpibridge.routes.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.kpibridge.connectors.mapping.Employee;
import vn.kpibridge.connectors.mapping.MappingDecision;
import vn.kpibridge.connectors.pull.RecordDerivation;
import vn.kpibridge.connectors.source.NormalizedRecord;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.RecordType;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;
import vn.kpibridge.routes.flow.UnitPeriodScoring;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.ExcellentQuota;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.QuotaOutcome;

/**
 * The full-month rescoring phase of the capacity benchmark (issue 8: "full-month rescoring of 4
 * million items for 100,000 employees, quotas included").
 *
 * <p>{@link #load} puts a whole month of the {@link SyntheticProvince} into the database the way the
 * pipeline stores it, without timing it: every record is rendered in the iOffice page shape,
 * parsed, derived ({@link RecordDerivation}), normalised and mapped by the source's own normaliser
 * and product rules (the same code as a pull), and the rows are loaded with PostgreSQL COPY: the raw
 * evidence into {@code source_record} (all records) and the work items into {@code work_item}
 * (mapped records; the about 1 in 40 unmapped ones get no work item and, here, no record issue
 * either: scoring does not read issues). Evidence ids are reserved from the table's sequence so the
 * work items can point at them.
 *
 * <p>{@link #rescore} then times re-scoring every (unit, period) of the first {@code units} units
 * with {@link UnitPeriodScoring} (one transaction per unit, set-based reads, batched writes) on a
 * fixed pool of threads, units in parallel, and the unit's EXCELLENT quota
 * ({@link UnitPeriodScoring#quota}, as the approval applies it) over the results. The outbox relays
 * are stopped during the phase so the figures are those of scoring and storing (the messages are
 * in the outbox, counted); the evaluation tables are emptied before each run so every run stores a
 * first version for every employee (the heaviest case). Thread-safe only for one caller.
 */
final class FullMonthRescoring {
    private static final String UPDATED = "2026/06/30 21:00:00";
    private static final CsvSchema EVIDENCE = CsvSchema.builder().addColumn("id").addColumn("source_id")
            .addColumn("record_id").addColumn("version").addColumn("payload").addColumn("file_name").addColumn("line")
            .build();
    private static final CsvSchema ITEMS = CsvSchema.builder().addColumn("source_record_id").addColumn("source_id")
            .addColumn("record_id").addColumn("version").addColumn("employee_code").addColumn("unit_code")
            .addColumn("period").addColumn("title").addColumn("product_code").addColumn("catalog_id")
            .addColumn("catalog_version").addColumn("coefficient").addColumn("rule_id").addColumn("axis")
            .addColumn("planned_quantity").addColumn("done_quantity").addColumn("share").addColumn("quality_failures")
            .addColumn("late_deliveries").addColumn("leadership_failures").addColumn("objective_cause")
            .addColumn("quality_factor").addColumn("timeliness_factor").addColumn("leadership_factor").build();

    /**
     * Figures of one timed run.
     *
     * @param units units re-scored
     * @param employees employees re-scored
     * @param items work items scored
     * @param seconds wall time
     * @param newVersions evaluation versions stored
     * @param outboxMessages outbox messages stored
     * @param unitsOverQuota units where a group had more EXCELLENT candidates than its cap
     * @param proposedForGood candidates the quota proposes for GOOD (ties left to the authority not counted)
     * @param peakHeapMiB peak heap of the run
     * @param javaCpuSeconds CPU time of this JVM during the run (all its threads)
     * @param dbCpuSeconds CPU time of the embedded PostgreSQL's processes during the run (0 when it
     *     is not a child of this JVM, e.g. an external server)
     */
    record Run(int units, long employees, long items, double seconds, long newVersions, long outboxMessages,
            long unitsOverQuota, long proposedForGood, long peakHeapMiB, double javaCpuSeconds, double dbCpuSeconds) {
        double itemsPerSecond() {
            return items / seconds;
        }
    }

    private final PrintStream out;
    private final SyntheticProvince province;
    private final IofficeStubServer server;
    private final int pageSize;
    private final int threads;
    private final DataSource ds;
    private final JdbcTemplate jdbc;
    private final MappingRegistry registry;
    private final UnitPeriodScoring scoring;
    private final CamelContext camel;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ProcessCpu cpu;
    private boolean sizesPrinted;

    /**
     * @param out where figures are printed
     * @param ctx the running application
     * @param province the province
     * @param server its iOffice-style server (renders the pages)
     * @param pageSize records per rendered page
     * @param threads units scored in parallel
     */
    FullMonthRescoring(PrintStream out, ApplicationContext ctx, SyntheticProvince province, IofficeStubServer server,
            int pageSize, int threads) {
        this.out = out;
        this.province = province;
        this.server = server;
        this.pageSize = pageSize;
        this.threads = threads;
        this.ds = ctx.getBean(DataSource.class);
        this.jdbc = new JdbcTemplate(ds);
        this.registry = ctx.getBean(MappingRegistry.class);
        this.scoring = ctx.getBean(UnitPeriodScoring.class);
        this.camel = ctx.getBean(CamelContext.class);
        this.cpu = new ProcessCpu(jdbc);
    }

    /**
     * Empties the record and evaluation tables and loads the whole month (not timed as rescoring;
     * its time is printed for information).
     *
     * @return work items loaded
     * @throws Exception when the database or the mapping fails
     */
    long load() throws Exception {
        jdbc.execute("truncate table outbox_delivery_attempt, outbox_message, evaluation, evaluation_workflow, audit_entry, "
                + "record_assignment, record_issue, employee_assessment, work_item, source_record, self_assessment, "
                + "reviewer_input");
        SourceSetup setup = registry.source(SyntheticProvince.SOURCE_ID).orElseThrow();
        RecordDerivation derivation = RecordDerivation.forRest(setup.mapping().rest(), setup.mapping().dateFormats());
        long records = province.records();
        String seq = jdbc.queryForObject("select pg_get_serial_sequence('source_record', 'id')", String.class);
        long firstId = jdbc.queryForObject("select nextval(?::regclass)", Long.class, seq);
        jdbc.queryForObject("select setval(?::regclass, ?)", Long.class, seq, firstId + records - 1);
        server.serve(0, records, UPDATED);
        int pages = (int) ((records + pageSize - 1) / pageSize);
        Path itemsFile = Files.createTempFile("kpi-bench-items", ".csv");
        AtomicLong items = new AtomicLong();
        long t0 = System.nanoTime();
        ObjectWriter evidenceCsv = new CsvMapper().writer(EVIDENCE);
        ObjectWriter itemsCsv = new CsvMapper().writer(ITEMS);
        try (Connection c = ds.getConnection();
                OutputStream evidence = new PGCopyOutputStream(c.unwrap(PGConnection.class), "copy source_record (id, "
                        + "source_id, record_id, version, payload, file_name, line) from stdin with (format csv)", 1 << 20);
                OutputStream itemsOut = new BufferedOutputStream(Files.newOutputStream(itemsFile), 1 << 20)) {
            Object lock = new Object();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int p = 1; p <= pages; p++) {
                    int page = p;
                    done.add(pool.submit(() -> {
                        byte[][] chunk = renderRows(setup, derivation, page, firstId, evidenceCsv, itemsCsv, items);
                        synchronized (lock) {
                            evidence.write(chunk[0]);
                            itemsOut.write(chunk[1]);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        double evidenceSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        try (Connection c = ds.getConnection(); InputStream in = Files.newInputStream(itemsFile)) {
            long loaded = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy work_item (" + String.join(", ",
                    ITEMS.getColumnNames()) + ") from stdin with (format csv)", in, 1 << 20);
            if (loaded != items.get()) {
                throw new IllegalStateException("COPY loaded " + loaded + " of " + items.get() + " work items");
            }
        } finally {
            Files.deleteIfExists(itemsFile);
        }
        double itemSeconds = (System.nanoTime() - t1) / 1e9;
        long reviews = loadReviews();
        // as on a live system, where the month's rows came in over days and autovacuum kept up: no
        // vacuum of 4 M fresh rows competing with the timed runs
        long tv = System.nanoTime();
        jdbc.execute("vacuum analyze source_record, work_item, reviewer_input");
        out.printf(Locale.ROOT, "Vacuumed and analysed the loaded tables in %.1f s%n", (System.nanoTime() - tv) / 1e9);
        out.printf(Locale.ROOT, "Loaded the month: %,d evidence rows (rendered, parsed, derived, normalised, mapped and "
                + "COPY'd in %.1f s), %,d work items (COPY in %.1f s), %,d reviewer inputs (general criteria)%n", records,
                evidenceSeconds, items.get(), itemSeconds, reviews);
        return items.get();
    }

    /**
     * The reviewers' general criteria points (seed 002: 0-30, given at the review), one per employee:
     * 26 to 30 points drawn from the province's seed, so totals straddle the EXCELLENT band (90) and
     * the quota has candidates to cap. Loaded by COPY into {@code reviewer_input}.
     */
    private long loadReviews() throws Exception {
        ObjectWriter csv = new CsvMapper().writer(CsvSchema.builder().addColumn("employee_code").addColumn("period")
                .addColumn("inputs").addColumn("reviewed_by").build());
        java.util.SplittableRandom r = new java.util.SplittableRandom(province.seed() ^ 0x5EEDL);
        List<List<Object>> rows = new ArrayList<>(province.employees());
        for (int e = 0; e < province.employees(); e++) {
            rows.add(List.of(SyntheticProvince.employeeCode(e), province.period(),
                    "{\"generalCriteriaPoints\": " + (26 + r.nextInt(5)) + "}", "bench-reviewer"));
        }
        try (Connection c = ds.getConnection()) {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy reviewer_input (employee_code, period, inputs, "
                    + "reviewed_by) from stdin with (format csv)", new java.io.ByteArrayInputStream(csv(csv, rows)));
        }
    }

    /** One page: evidence CSV rows (every record) and work item CSV rows (mapped records). */
    private byte[][] renderRows(SourceSetup setup, RecordDerivation derivation, int page, long firstId,
            ObjectWriter evidenceCsv, ObjectWriter itemsCsv, AtomicLong items) throws IOException {
        JsonNode body = mapper.readTree(server.renderPage(page, pageSize));
        JsonNode header = mapper.createObjectNode();
        String fileName = SyntheticProvince.SOURCE_ID + " full-month load page " + page;
        List<List<Object>> evidenceRows = new ArrayList<>(pageSize);
        List<List<Object>> itemRows = new ArrayList<>(pageSize);
        long first = (long) (page - 1) * pageSize;
        int index = 0;
        for (JsonNode item : body.get("PageData")) {
            long id = firstId + first + index;
            RawRecord raw = new RawRecord(index, 0, derivation.apply(item).payload());
            index++;
            String recordId = setup.normalizer().recordId(raw);
            long version = setup.normalizer().recordVersion(raw);
            evidenceRows.add(List.of(id, SyntheticProvince.SOURCE_ID, recordId, version,
                    mapper.writeValueAsString(raw.payload()), fileName, 0));
            NormalizedRecord r = setup.normalizer().normalize(header, raw);
            Employee employee = setup.identities().employee(r.assigneeId()).orElseThrow(() -> new IllegalStateException(
                    "record " + recordId + ": assignee " + r.assigneeId() + " not in the identity map"));
            if (r.type() != RecordType.TASK) {
                throw new IllegalStateException("record " + recordId + " is not a task");
            }
            MappingDecision d = setup.rules().map(r, setup.catalog().forPeriod(Period.parse(r.period())));
            if (!d.mapped()) {
                continue;
            }
            List<Object> w = new ArrayList<>(24);
            w.add(id);
            w.add(SyntheticProvince.SOURCE_ID);
            w.add(recordId);
            w.add(version);
            w.add(employee.code());
            w.add(employee.unitCode());
            w.add(r.period());
            w.add(r.title());
            w.add(d.productCode());
            w.add(d.catalogId());
            w.add(d.catalogVersion());
            w.add(d.coefficient());
            w.add(d.ruleId());
            w.add(r.axis() != null ? r.axis() : d.axis());
            w.add(r.plannedQuantity());
            w.add(r.doneQuantity());
            w.add(r.share() == null ? BigDecimal.ONE : r.share());
            w.add(r.qualityFailures());
            w.add(r.lateDeliveries());
            w.add(r.leadershipFailures());
            w.add(r.objectiveCause());
            w.add(r.qualityFactor());
            w.add(r.timelinessFactor());
            w.add(r.leadershipFactor());
            itemRows.add(w);
        }
        items.addAndGet(itemRows.size());
        return new byte[][] {csv(evidenceCsv, evidenceRows), csv(itemsCsv, itemRows)};
    }

    private static byte[] csv(ObjectWriter writer, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(rows.size() * 256);
        try (var seq = writer.writeValues(b)) {
            for (List<Object> r : rows) {
                // a null is written as an empty unquoted field, which COPY ... (format csv) reads as NULL
                seq.write(r.stream().map(v -> v == null ? "" : v).toList());
            }
        }
        return b.toByteArray();
    }

    /**
     * Re-scores every (unit, period) of the first {@code units} units, timed, after emptying the
     * evaluation tables (so every employee gets a first version).
     *
     * @param units units to re-score, from the first
     * @param emptyFirst empty the evaluation, outbox, workflow and audit tables first
     * @return the figures
     * @throws Exception when a unit fails
     */
    Run rescore(int units, boolean emptyFirst) throws Exception {
        if (emptyFirst) {
            jdbc.execute("truncate table outbox_delivery_attempt, outbox_message, evaluation, evaluation_workflow, "
                    + "audit_entry");
        }
        List<String> relays = stopRelays();
        try {
            long outboxBefore = jdbc.queryForObject("select count(*) from outbox_message", Long.class);
            ProvinceBenchmark.resetPeaks();
            AtomicLong employees = new AtomicLong();
            AtomicLong items = new AtomicLong();
            AtomicLong newVersions = new AtomicLong();
            AtomicLong overQuota = new AtomicLong();
            AtomicLong forGood = new AtomicLong();
            String period = province.period();
            double[] cpu0 = cpu.now();
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>(units);
                for (int u = 0; u < units; u++) {
                    int unit = u;
                    done.add(pool.submit(() -> {
                        String unitCode = SyntheticProvince.unitCode(unit);
                        List<String> codes = province.employeeCodesOfUnit(unit);
                        UnitPeriodScoring.UnitScores s = scoring.scoreUnit(SyntheticProvince.SOURCE_ID, unitCode, period,
                                codes);
                        ExcellentQuota.Applied q = scoring.quota(SyntheticProvince.SOURCE_ID, unitCode, s.results());
                        employees.addAndGet(s.outcomes().size());
                        newVersions.addAndGet(s.newVersions());
                        for (EmployeeResult r : s.results()) {
                            items.addAndGet(r.evaluation().items().size());
                        }
                        boolean over = false;
                        for (QuotaOutcome o : q.outcomes()) {
                            over |= o.candidates().size() > o.cap();
                            forGood.addAndGet(o.proposedForGood().size());
                        }
                        if (over) {
                            overQuota.incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double[] cpu1 = cpu.now();
            long outbox = jdbc.queryForObject("select count(*) from outbox_message", Long.class) - outboxBefore;
            if (emptyFirst && !sizesPrinted) {
                sizesPrinted = true;
                jdbc.query("select (select version()), avg(length(e.result::text)), avg(pg_column_size(e.result)), "
                        + "(select count(*) filter (where payload is null and evaluation_id is not null) from outbox_message), "
                        + "(select count(*) from outbox_message), current_setting('default_toast_compression') "
                        + "from evaluation e", rs -> {
                            out.printf(Locale.ROOT, "  (per new version: result %,.0f B of JSON, %,.0f B stored; outbox "
                                    + "messages: %,d of %,d stored as a reference to the version (claim check); TOAST "
                                    + "compression %s; %s)%n", rs.getDouble(2), rs.getDouble(3), rs.getLong(4),
                                    rs.getLong(5), rs.getString(6), rs.getString(1));
                        });
            }
            return new Run(units, employees.get(), items.get(), s, newVersions.get(), outbox, overQuota.get(), forGood.get(),
                    ProvinceBenchmark.peakHeapMiB(), cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
        } finally {
            for (String id : relays) {
                camel.getRouteController().startRoute(id);
            }
        }
    }

    /**
     * Changes one work item of every tenth employee (employee codes ending in 7): its planned
     * quantity goes up by one, so that employee's result changes, as after a night's delta.
     *
     * @return employees whose records changed
     */
    int changeTenthOfEmployees() {
        return jdbc.update("update work_item set planned_quantity = planned_quantity + 1, updated_at = now() "
                + "where id in (select min(id) from work_item where period = ? and employee_code like '%7' "
                + "group by employee_code)", province.period());
    }

    /** Stops the outbox relay routes that are running; returns their ids. */
    private List<String> stopRelays() throws Exception {
        List<String> stopped = new ArrayList<>();
        for (Route r : camel.getRoutes()) {
            String id = r.getRouteId();
            if (id.startsWith("outbox-") && id.endsWith("-relay")
                    && camel.getRouteController().getRouteStatus(id).isStarted()) {
                camel.getRouteController().stopRoute(id);
                stopped.add(id);
            }
        }
        return stopped;
    }
}
