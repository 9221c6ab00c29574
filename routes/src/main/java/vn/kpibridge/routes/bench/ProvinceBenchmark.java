package vn.kpibridge.routes.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.kpibridge.routes.KpiBridgeApplication;

/**
 * The capacity benchmark (issue 8): {@code java -jar kpi-bridge.jar benchmark [--delta=200000]
 * [--scales=1,2,4] [--employees=100000] [--page-size=500] [--rescore-scales=1,2,4] [--threads=2]
 * [--phases=limits,delta,rescore] [--warmup=<2 x delta>] [--db-statements=0] [--kpi.<setting>=<value> ...]}
 * (options starting with {@code --kpi.}, {@code --spring.} or {@code --logging.} are settings of the application
 * under test). The work dir (database, broker, reports) is removed at the end.
 *
 * <p>In one run, on a {@link SyntheticProvince} of {@code employees} employees (20 per unit, 40
 * tasks each: 4 M records in 5,000 units at the default size) served by a real HTTP server in the
 * iOffice shape, it measures and prints:
 * <ol>
 *   <li>{@code limits}: the physical limits on this machine: the delta's pages parsed by Jackson
 *       alone (records/s); the same records as evidence rows loaded into a copy of
 *       {@code source_record} by PostgreSQL COPY alone; and, after the delta, the rows its first
 *       scale was stored as (evidence row and work item per record, read back) loaded by COPY alone
 *       into copies of both tables (records/s); the delta's ratio to each;</li>
 *   <li>{@code delta}: after warm-up runs of {@code warmup} records in all, at most {@code delta}
 *       per run (not counted: the JIT compiles the paths), the nightly delta end to end, once per scale (delta x 1, 2, 4 by default): a
 *       sync run ({@code direct:syncRun}, as the nightly job) pulls it over HTTP in pages, stores the
 *       raw evidence, normalises and maps it, re-scores the touched (source, unit, period)
 *       partitions through the {@code kpi.partitions} queue
 *       ({@link vn.kpibridge.routes.flow.UnitPeriodScoring}), then writes the touched units' reports
 *       in its report stage; the time to results (run start to {@code scored_at}), split into
 *       pull+store and re-score, records/s, the report stage, the whole run, the peak heap of the
 *       phase and the growth of the time to results with size; with {@code --db-statements=N},
 *       the N statements that took the most of the database's time in each scale's run (and in
 *       each first full-month run);</li>
 *   <li>{@code rescore}: the full-month rescoring ({@link FullMonthRescoring}): the whole month
 *       (employees x 40 items) loaded into {@code work_item} with its evidence by COPY (not timed),
 *       then every (unit, period) re-scored with
 *       {@link vn.kpibridge.routes.flow.UnitPeriodScoring}, {@code threads} units in parallel, with
 *       the unit's EXCELLENT quota; once per rescore scale (the first employees x s / max(s): 25 k,
 *       50 k, 100 k employees by default), each from empty evaluation tables (every employee gets a
 *       first version), then twice more at the largest size: with nothing changed, and after one
 *       work item of every tenth employee changed. Items/s, seconds, new versions, units over
 *       quota, peak heap, CPU seconds of the JVM and of the database, and the growth of time with
 *       size.</li>
 * </ol>
 * The application runs on the embedded default (its own PostgreSQL and Artemis under a temporary
 * folder), so the figures include the real database and broker. Peak heap is the sum of the heap
 * pools' peaks within a phase (an upper bound of the true peak). Nothing is asserted: the figures
 * are printed, and the README's capacity section quotes them.
 */
public final class ProvinceBenchmark {
    private final PrintStream out;
    private final int employees;
    private final long delta;
    private final int[] scales;
    private final int pageSize;
    private final int[] rescoreScales;
    private final int threads;
    private final java.util.Set<String> phases;
    private final long warmup;
    private final int dbStatements;
    private final List<String> appArgs;

    /** The phases, in the order they run. */
    public static final List<String> PHASES = List.of("limits", "delta", "rescore");
    private static final String USAGE = "usage: benchmark [--delta=200000] [--scales=1,2,4] [--employees=100000] "
            + "[--page-size=500] [--rescore-scales=1,2,4] [--threads=2] [--phases=limits,delta,rescore] [--warmup=<2 x delta>] "
            + "[--db-statements=0] [--kpi.<setting>=<value> ...]";

    /**
     * @param out where figures are printed
     * @param employees employees of the synthetic province
     * @param delta records of the nightly delta at scale 1
     * @param scales multiples of the delta to run, e.g. {1, 2, 4}
     * @param pageSize records per page of the source API
     * @param rescoreScales relative sizes of the full-month rescoring runs, e.g. {1, 2, 4}: the
     *     largest is the whole province
     * @param threads units re-scored in parallel
     * @param phases phases to run, a subset of {@link #PHASES}
     * @param warmup records pulled before the delta's scales, in sync runs of at most {@code delta}
     *     records each, not counted (JIT warm-up); 0 for none
     * @param dbStatements when above 0, the database runs with {@code pg_stat_statements} and each
     *     delta scale prints this many statements that took the most of its execution time
     * @param appArgs settings passed to the application under test as they are, e.g.
     *     {@code --kpi.embedded-postgres.server-config.[max_wal_size]=4GB}
     * @throws IllegalArgumentException when a phase is unknown or a size is not positive
     */
    public ProvinceBenchmark(PrintStream out, int employees, long delta, int[] scales, int pageSize, int[] rescoreScales,
            int threads, java.util.Set<String> phases, long warmup, int dbStatements, List<String> appArgs) {
        if (!PHASES.containsAll(phases) || phases.isEmpty()) {
            throw new IllegalArgumentException("phases must be some of " + PHASES + ", got " + phases);
        }
        if (threads < 1 || Arrays.stream(rescoreScales).anyMatch(x -> x < 1) || Arrays.stream(scales).anyMatch(x -> x < 1)) {
            throw new IllegalArgumentException("threads and scales must be at least 1");
        }
        this.out = out;
        this.employees = employees;
        this.delta = delta;
        this.scales = scales.clone();
        this.pageSize = pageSize;
        this.rescoreScales = rescoreScales.clone();
        this.threads = threads;
        this.phases = java.util.Set.copyOf(phases);
        this.warmup = warmup;
        this.dbStatements = dbStatements;
        this.appArgs = List.copyOf(appArgs);
    }

    /**
     * Entry point of the {@code benchmark} command.
     *
     * @param args {@code --delta=N --scales=1,2,4 --employees=N --page-size=N --rescore-scales=1,2,4
     *     --threads=N --phases=limits,delta,rescore}
     * @return exit code: 0 done, 64 bad arguments
     * @throws Exception when the application or the database fails
     */
    public static int run(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        List<String> appArgs = new ArrayList<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("benchmark: unexpected argument \"" + a + "\"; " + USAGE);
                return 64;
            }
            if (a.startsWith("--kpi.") || a.startsWith("--spring.") || a.startsWith("--logging.")) {
                appArgs.add(a); // a setting of the application under test, e.g. a PostgreSQL server setting
                continue;
            }
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        java.util.Set<String> known = java.util.Set.of("employees", "delta", "scales", "page-size", "rescore-scales",
                "threads", "phases", "warmup", "db-statements");
        for (String k : opts.keySet()) {
            if (!known.contains(k)) {
                System.err.println("benchmark: unknown option --" + k + "; " + USAGE);
                return 64;
            }
        }
        try {
            int employees = Integer.parseInt(opts.getOrDefault("employees", "100000"));
            long delta = Long.parseLong(opts.getOrDefault("delta", "200000"));
            int[] scales = ints(opts.getOrDefault("scales", "1,2,4"));
            int pageSize = Integer.parseInt(opts.getOrDefault("page-size", "500"));
            int[] rescoreScales = ints(opts.getOrDefault("rescore-scales", "1,2,4"));
            int threads = Integer.parseInt(opts.getOrDefault("threads", "2"));
            java.util.Set<String> phases = new java.util.LinkedHashSet<>(Arrays.stream(opts.getOrDefault("phases",
                    String.join(",", PHASES)).split(",")).map(String::trim).toList());
            // one delta's worth: after a run of 20,000 records the JIT was still compiling through the
            // first measured run (6 CPU s more than the runs after it)
            long warmup = Long.parseLong(opts.getOrDefault("warmup", String.valueOf(2 * delta)));
            int dbStatements = Integer.parseInt(opts.getOrDefault("db-statements", "0"));
            return new ProvinceBenchmark(System.out, employees, delta, scales, pageSize, rescoreScales, threads, phases,
                    warmup, dbStatements, appArgs).run();
        } catch (IllegalArgumentException e) {
            System.err.println("benchmark: " + e.getMessage() + "; " + USAGE);
            return 64;
        }
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }

    /**
     * Runs every phase and prints the figures.
     *
     * @return 0
     * @throws Exception when the application or the database fails
     */
    public int run() throws Exception {
        SyntheticProvince province = new SyntheticProvince(employees, 20, 40, YearMonth.of(2026, 6), 20261121L);
        long needed = phases.contains("delta") || phases.contains("limits") ? warmup + delta * Arrays.stream(scales).sum()
                : 0;
        if (needed > province.records()) {
            throw new IllegalArgumentException("the scales need " + needed + " records; the province has "
                    + province.records() + " (raise --employees)");
        }
        Path work = Files.createTempDirectory("kpi-bench");
        Path mappings = work.resolve("mappings");
        province.writeMappings(mappings, Path.of("mappings"), "thai-nguyen-monthly", pageSize);
        out.printf(Locale.ROOT, "Synthetic province: %,d employees, %,d units, %,d records in %s; delta %,d x %s; "
                + "rescoring sizes %s; pages of %d; phases %s; work dir %s%n", employees, province.units(),
                province.records(), province.period(), delta, Arrays.toString(scales), Arrays.toString(rescoreScales),
                pageSize, PHASES.stream().filter(phases::contains).toList(), work);
        out.printf(Locale.ROOT, "Machine: %d cores, max heap %,d MiB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        try (IofficeStubServer server = new IofficeStubServer(province);
                ConfigurableApplicationContext ctx = start(work, mappings, server)) {
            DataSource ds = ctx.getBean(DataSource.class);
            double jackson = Double.NaN;
            double copy = Double.NaN;
            if (phases.contains("limits")) {
                server.serve(0, delta, "2026/06/30 22:00:00");
                jackson = jacksonLimit(server);
                copy = copyLimit(server, ds);
            }
            List<double[]> deltaRuns = List.of();
            if (phases.contains("delta")) {
                deltaRuns = delta(ctx, server);
            }
            if (!Double.isNaN(copy)) {
                if (!deltaRuns.isEmpty()) {
                    settle(new JdbcTemplate(ds));
                }
                double stored = deltaRuns.isEmpty() ? Double.NaN
                        : copyStoredLimit(ds, warmup, (long) deltaRuns.get(0)[1]);
                out.printf(Locale.ROOT, "Limits on this machine: Jackson parse %,.0f records/s; PostgreSQL COPY %,.0f "
                        + "records/s of evidence rows alone%s%n", jackson, copy, Double.isNaN(stored) ? ""
                        : String.format(Locale.ROOT, ", %,.0f records/s of the rows a record is stored as (evidence + "
                                + "work item)", stored));
                for (double[] r : deltaRuns) {
                    out.printf(Locale.ROOT, "  delta x%.0f: %,.0f records/s to results = %.0f%% of COPY of evidence + work "
                            + "items, %.0f%% of COPY of evidence alone; Jackson %.1f%%%n", r[0], r[4],
                            100 * r[4] / stored, 100 * r[4] / copy, 100 * r[4] / jackson);
                }
            }
            if (phases.contains("rescore")) {
                rescore(ctx, province, server);
            }
        } finally {
            // the database, broker and reports of a 4-million-record province take gigabytes
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
            out.printf(Locale.ROOT, "Work dir %s removed%n", work);
        }
        return 0;
    }

    /**
     * The nightly delta end to end, once per scale.
     *
     * @return per scale {scale, records, seconds to the end of the run, records/s to the end of the
     *     run, records/s to results (pull → stored → re-scored, outbox filled)}
     */
    private List<double[]> delta(ConfigurableApplicationContext ctx, IofficeStubServer server) throws Exception {
        out.println();
        out.println("Nightly delta end to end: a sync run (direct:syncRun) pulling over HTTP, storing evidence, "
                + "mapping, re-scoring the touched (source, unit, period) partitions through the kpi.partitions "
                + "queue (results: new evaluation versions and their outbox messages), then writing each touched "
                + "unit's reports (the run's report stage):");
        out.println("scale  records  to results s  records/s  pull+store s  re-score s  reports s  run s  "
                + "peak heap MiB  s per 100k  partitions");
        ProducerTemplate producer = ctx.getBean(org.apache.camel.CamelContext.class).createProducerTemplate();
        JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
        ProcessCpu cpu = new ProcessCpu(jdbc);
        long offset = 0;
        int second = 0;
        // a service runs for days: its nightly run finds the code compiled by the JIT. A fresh JVM
        // compiles it during its first runs; these runs pay that, apart from the figures. After one
        // run of the delta the JIT still compiled through the next (JVM CPU in pull+store 9.9 s, then
        // 7.6 and 7.7 s in the two runs after it)
        for (long left = warmup; left > 0; ) {
            long n = Math.min(left, delta);
            server.serve(offset, n, String.format("2026/06/30 23:%02d:00", ++second));
            long t0 = System.nanoTime();
            vn.kpibridge.routes.run.SyncRunView run = syncRun(producer);
            out.printf(Locale.ROOT, "warm-up (JIT): %,d records in %.1f s (%s), not counted%n", n,
                    (System.nanoTime() - t0) / 1e9, run.status());
            offset += n;
            left -= n;
        }
        List<double[]> rows = new ArrayList<>();
        for (int scale : scales) {
            long n = delta * scale;
            server.serve(offset, n, String.format("2026/06/30 23:%02d:00", ++second));
            settle(jdbc);
            resetPeaks();
            if (dbStatements > 0) {
                jdbc.queryForList("select pg_stat_statements_reset()");
            }
            long before = jdbc.queryForObject("select count(*) from source_record", Long.class);
            long t0 = System.nanoTime();
            vn.kpibridge.routes.run.SyncRunView run;
            double[][] cpuSeconds;
            try (ProcessCpu.Sampler sampler = cpu.new Sampler(200)) {
                run = syncRun(producer);
                java.time.Instant started = run.startedAt().toInstant();
                java.time.Instant pulled = started.plusMillis(run.sources().stream()
                        .mapToLong(vn.kpibridge.routes.run.SyncRunView.Source::elapsedMs).sum());
                java.time.Instant scored = run.scoredAt().toInstant();
                Thread.sleep(250); // one more sample after the run's end
                cpuSeconds = new double[][] {sampler.between(started, pulled), sampler.between(pulled, scored),
                        sampler.between(scored, run.finishedAt().toInstant())};
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (run.status() != vn.kpibridge.routes.run.SyncRunStatus.COMPLETED) {
                throw new IllegalStateException("scale " + scale + ": sync run " + run.status() + ": " + run.error());
            }
            double pull = run.sources().stream().mapToLong(vn.kpibridge.routes.run.SyncRunView.Source::elapsedMs).sum()
                    / 1000.0;
            long stored = jdbc.queryForObject("select count(*) from source_record", Long.class) - before;
            if (stored != n) {
                throw new IllegalStateException("scale " + scale + ": " + n + " records served, " + stored + " stored");
            }
            // to results: from the run's start to its last partition re-scored (the run's own clock)
            double toResults = java.time.Duration.between(run.startedAt(), run.scoredAt()).toNanos() / 1e9;
            double runSeconds = java.time.Duration.between(run.startedAt(), run.finishedAt()).toNanos() / 1e9;
            rows.add(new double[] {scale, n, s, n / s, n / toResults});
            out.printf(Locale.ROOT, "%5dx %,8d %13.1f %10.0f %13.1f %11.1f %10.1f %6.1f %14d %11.2f %11d%n", scale, n,
                    toResults, n / toResults, pull, toResults - pull, runSeconds - toResults, runSeconds, peakHeapMiB(),
                    toResults / (n / 100_000.0), run.partitions().total());
            offset += n;
            // where the re-score's time goes: from the pull's end to the first partition taken, the
            // partitions' own work (summed over the consumers), and their span
            jdbc.query("select extract(epoch from min(queued_at) - ?::timestamptz), "
                    + "extract(epoch from min(started_at) - min(queued_at)), "
                    + "extract(epoch from sum(finished_at - started_at)), "
                    + "extract(epoch from max(finished_at) - min(started_at)), "
                    + "extract(epoch from ?::timestamptz - max(finished_at)) from sync_partition where run_id = ?", rs -> {
                        out.printf(Locale.ROOT, "  re-score: first partition queued %.2f s after the pull, taken %.2f s "
                                + "later; partitions busy %.1f s (summed over consumers) within %.1f s; last done %.2f s "
                                + "before results%n", rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5));
                    }, run.startedAt().plusNanos((long) (pull * 1e9)), run.scoredAt(), run.id());
            out.printf(Locale.ROOT, "  CPU s java/db (sampled every 0.2 s): pull+store %.1f/%.1f, re-score %.1f/%.1f, "
                    + "reports %.1f/%.1f%n", cpuSeconds[0][0], cpuSeconds[0][1], cpuSeconds[1][0], cpuSeconds[1][1],
                    cpuSeconds[2][0], cpuSeconds[2][1]);
            if (dbStatements > 0) {
                printStatements(jdbc, "delta x" + scale);
            }
        }
        long items = jdbc.queryForObject("select count(*) from work_item", Long.class);
        long evaluations = jdbc.queryForObject("select count(*) from evaluation", Long.class);
        long issues = jdbc.queryForObject("select count(*) from record_issue", Long.class);
        out.printf(Locale.ROOT, "%nStored: %,d work items, %,d evaluation versions, %,d record issues "
                + "(unmapped titles outside the catalog)%n", items, evaluations, issues);
        if (rows.size() > 1) {
            double[] a = rows.get(0);
            double[] b = rows.get(rows.size() - 1);
            out.printf(Locale.ROOT, "Growth: %.1fx the records took %.2fx the time to results (linear = %.1fx)%n",
                    b[1] / a[1], (b[1] / b[4]) / (a[1] / a[4]), b[1] / a[1]);
        }
        return rows;
    }

    /**
     * Brings the system, untimed, to where a night finds it after the day before, and prints what
     * that took: a night's run does not start with the previous night's messages still leaving or
     * with autovacuum still working through the previous night's rows, as a run started seconds
     * after another would. Waits until the outbox holds no message due for delivery (each run leaves
     * thousands of evaluation messages that the relays deliver over the next half minute or so, 100
     * per poll; gives up after five minutes and says how many were left), then runs {@code VACUUM
     * (ANALYZE)} on the database: without it, the first measured 1x run took 15.5 s to results after
     * one warm-up delta and 15.3 s after two (under JFR), the 1x runs after it 13.5, 13.8 and 11.9 s;
     * with autovacuum off, 12.9, 12.7 and 14.3 s.
     */
    private void settle(JdbcTemplate jdbc) throws InterruptedException {
        outboxDelivered(jdbc);
        long t0 = System.nanoTime();
        jdbc.execute("vacuum (analyze)");
        out.printf(Locale.ROOT, "  (before the run: database vacuumed and analysed in %.1f s)%n",
                (System.nanoTime() - t0) / 1e9);
    }

    private void outboxDelivered(JdbcTemplate jdbc) throws InterruptedException {
        String due = "select count(*) from outbox_message where status = 'PENDING' and next_attempt_at <= now()";
        long t0 = System.nanoTime();
        long first = jdbc.queryForObject(due, Long.class);
        long left = first;
        while (left > 0 && System.nanoTime() - t0 < 300_000_000_000L) {
            Thread.sleep(500);
            left = jdbc.queryForObject(due, Long.class);
        }
        if (first > 0) {
            out.printf(Locale.ROOT, "  (before the run: %,d outbox messages of the previous run still leaving, waited "
                    + "%.1f s for them, %,d left)%n", first, (System.nanoTime() - t0) / 1e9, left);
        }
    }

    /**
     * Prints the statements that took the most of the database's execution time during a delta or
     * first full-month run (PostgreSQL's {@code pg_stat_statements}, reset before the run): seconds,
     * calls, rows and the statement's start.
     */
    private void printStatements(JdbcTemplate jdbc, String run) {
        out.printf(Locale.ROOT, "  database time of the %s run by statement (pg_stat_statements, top %d):%n", run,
                dbStatements);
        jdbc.query("select total_exec_time / 1000 as s, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) "
                + "as q from pg_stat_statements order by total_exec_time desc limit ?", rs -> {
                    out.printf(Locale.ROOT, "  %7.2f s %,9d calls %,9d rows  %s%n", rs.getDouble(1), rs.getLong(2),
                            rs.getLong(3), rs.getString(4));
                }, dbStatements);
    }

    /** @return the view of one sync run, run as the nightly job runs it ({@code direct:syncRun}) */
    private static vn.kpibridge.routes.run.SyncRunView syncRun(ProducerTemplate producer) {
        return producer.requestBodyAndHeader("direct:syncRun", null, vn.kpibridge.routes.run.SyncRunHeaders.TRIGGER,
                "MANUAL_CLI", vn.kpibridge.routes.run.SyncRunView.class);
    }

    /** The full-month rescoring at each rescore scale, then with nothing changed, then with 10% changed. */
    private void rescore(ConfigurableApplicationContext ctx, SyntheticProvince province, IofficeStubServer server)
            throws Exception {
        out.println();
        out.printf(Locale.ROOT, "Full-month rescoring (UnitPeriodScoring per (unit, period), %d threads, EXCELLENT quota "
                + "per unit; outbox relays paused):%n", threads);
        FullMonthRescoring r = new FullMonthRescoring(out, ctx, province, server, pageSize, threads);
        r.load();
        int max = Arrays.stream(rescoreScales).max().orElseThrow();
        out.println("size  employees  units      items  seconds    items/s  new versions  outbox msgs  units over quota"
                + "  to GOOD  peak heap MiB  s per 1M items  CPU s java/db");
        List<FullMonthRescoring.Run> runs = new ArrayList<>();
        JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));
        for (int scale : rescoreScales) {
            int units = (int) ((long) province.units() * scale / max);
            if (dbStatements > 0) {
                jdbc.queryForList("select pg_stat_statements_reset()");
            }
            FullMonthRescoring.Run run = r.rescore(units, true);
            runs.add(run);
            print(scale + "x", run);
            if (dbStatements > 0) {
                printStatements(jdbc, "full-month x" + scale);
            }
        }
        FullMonthRescoring.Run again = r.rescore(province.units(), false);
        print("again", again);
        int changed = r.changeTenthOfEmployees();
        FullMonthRescoring.Run tenth = r.rescore(province.units(), false);
        print("10%", tenth);
        out.printf(Locale.ROOT, "(again: the whole province once more, nothing changed: read, score, compare, store "
                + "nothing; 10%%: the whole province after one work item of %,d employees changed)%n", changed);
        if (runs.size() > 1) {
            FullMonthRescoring.Run a = runs.get(0);
            FullMonthRescoring.Run b = runs.get(runs.size() - 1);
            out.printf(Locale.ROOT, "Growth: %.1fx the items took %.2fx the time (linear = %.1fx)%n",
                    (double) b.items() / a.items(), b.seconds() / a.seconds(), (double) b.items() / a.items());
        }
    }

    private void print(String label, FullMonthRescoring.Run r) {
        out.printf(Locale.ROOT, "%5s %,9d %,6d %,10d %8.1f %10.0f %13d %12d %17d %8d %14d %15.2f %7.1f/%.1f%n", label,
                r.employees(), r.units(), r.items(), r.seconds(), r.itemsPerSecond(), r.newVersions(), r.outboxMessages(),
                r.unitsOverQuota(), r.proposedForGood(), r.peakHeapMiB(), r.seconds() / (r.items() / 1e6),
                r.javaCpuSeconds(), r.dbCpuSeconds());
    }

    private ConfigurableApplicationContext start(Path work, Path mappings, IofficeStubServer server) {
        List<String> args = new ArrayList<>(List.of("--kpi.data-dir=" + work.resolve("data"),
                "--kpi.mappings-dir=" + mappings,
                "--kpi.inbox.auto-start=false",
                "--kpi.inbox.poll-delay-ms=100",
                "--kpi.schedule.enabled=false",
                "--BENCH_IOFFICE_URL=" + server.baseUrl(),
                "--logging.level.root=WARN",
                "--logging.level.vn.kpibridge=ERROR"));
        if (dbStatements > 0) {
            args.add("--kpi.embedded-postgres.server-config.[shared_preload_libraries]=pg_stat_statements");
        }
        // a setting given on the command line replaces the benchmark's own (a key given twice is a list)
        for (String a : appArgs) {
            String key = a.substring(0, a.indexOf('=') + 1);
            args.removeIf(d -> d.startsWith(key));
            args.add(a);
        }
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(KpiBridgeApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
        if (dbStatements > 0) {
            new JdbcTemplate(ctx.getBean(DataSource.class)).execute("create extension if not exists pg_stat_statements");
        }
        return ctx;
    }

    /** Jackson alone: the delta's pages, rendered once into memory, parsed into trees. */
    private double jacksonLimit(IofficeStubServer server) throws IOException {
        int pages = (int) ((delta + pageSize - 1) / pageSize);
        List<byte[]> bodies = new ArrayList<>(pages);
        for (int p = 1; p <= pages; p++) {
            bodies.add(server.renderPage(p, pageSize));
        }
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        long records = 0;
        long t0 = System.nanoTime();
        for (byte[] b : bodies) {
            JsonNode page = mapper.readTree(b);
            records += page.get("PageData").size();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        out.printf(Locale.ROOT, "Jackson alone: %,d records (%,d MiB of JSON) parsed in %.2f s = %,.0f records/s%n",
                records, bytes >> 20, s, records / s);
        return records / s;
    }

    /**
     * COPY alone: the same records as evidence rows (source, id, version, JSONB payload, page,
     * line) into a copy of {@code source_record} with the same unique key, in one COPY.
     */
    private double copyLimit(IofficeStubServer server, DataSource ds) throws Exception {
        int pages = (int) ((delta + pageSize - 1) / pageSize);
        ObjectMapper mapper = new ObjectMapper();
        CsvSchema schema = CsvSchema.builder().addColumn("source_id").addColumn("record_id").addColumn("version")
                .addColumn("payload").addColumn("file_name").addColumn("line").build();
        try (Connection c = ds.getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_copy_limit");
                st.execute("create table bench_copy_limit (like source_record including defaults including constraints "
                        + "including indexes)");
            }
            // the rows are rendered first: only the load is timed
            java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
            long rows = 0;
            try (Writer w = new OutputStreamWriter(csv, StandardCharsets.UTF_8);
                    var seq = new CsvMapper().writer(schema).writeValues(w)) {
                for (int p = 1; p <= pages; p++) {
                    JsonNode page = mapper.readTree(server.renderPage(p, pageSize));
                    int line = 0;
                    for (JsonNode item : page.get("PageData")) {
                        seq.write(List.of(SyntheticProvince.SOURCE_ID, item.get("Id").asText(), 20260630220000L,
                                item.toString(), "GET page " + p, ++line));
                        rows++;
                    }
                }
            }
            byte[] data = csv.toByteArray();
            CopyManager copy = c.unwrap(BaseConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            long loaded = copy.copyIn("copy bench_copy_limit (source_id, record_id, version, payload, file_name, line) "
                    + "from stdin with (format csv)", new java.io.ByteArrayInputStream(data));
            double s = (System.nanoTime() - t0) / 1e9;
            if (loaded != rows) {
                throw new IllegalStateException("COPY loaded " + loaded + " of " + rows + " rows");
            }
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_copy_limit");
            }
            out.printf(Locale.ROOT, "PostgreSQL COPY alone: %,d evidence rows (%,d MiB) in %.2f s = %,.0f records/s%n",
                    rows, data.length >> 20, s, rows / s);
            return rows / s;
        }
    }

    /**
     * COPY alone of the rows the first delta was stored as: its {@code records} evidence rows (with
     * their ids) and its work items, read back from the database first (not timed), then loaded by
     * COPY into copies of {@code source_record} and {@code work_item} with the same keys, indexes and
     * the work item's reference to its evidence row.
     *
     * @param ds the application's database
     * @param skip rows of {@code source_record} before the first delta's (the warm-up's)
     * @param records records of the first delta
     * @return records per second: records / (seconds of both COPYs)
     */
    private double copyStoredLimit(DataSource ds, long skip, long records) throws Exception {
        String evidence = "id, source_id, record_id, version, payload, file_name, line";
        try (Connection c = ds.getConnection()) {
            CopyManager copy = c.unwrap(BaseConnection.class).getCopyAPI();
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_copy_work_item");
                st.execute("drop table if exists bench_copy_evidence");
                st.execute("create table bench_copy_evidence (like source_record including all)");
                st.execute("create table bench_copy_work_item (like work_item including all, foreign key "
                        + "(source_record_id) references bench_copy_evidence (id))");
            }
            String items = itemColumns(c);
            java.io.ByteArrayOutputStream ev = new java.io.ByteArrayOutputStream();
            copy.copyOut("copy (select " + evidence + " from source_record order by id offset " + skip + " limit " + records
                    + ") to stdout",
                    ev);
            java.io.ByteArrayOutputStream wi = new java.io.ByteArrayOutputStream();
            copy.copyOut("copy (select " + items + " from work_item where source_record_id in (select id from "
                    + "source_record order by id offset " + skip + " limit " + records + ")) to stdout", wi);
            long t0 = System.nanoTime();
            long e = copy.copyIn("copy bench_copy_evidence (" + evidence + ") from stdin",
                    new java.io.ByteArrayInputStream(ev.toByteArray()));
            long w = copy.copyIn("copy bench_copy_work_item (" + items + ") from stdin",
                    new java.io.ByteArrayInputStream(wi.toByteArray()));
            double s = (System.nanoTime() - t0) / 1e9;
            try (Statement st = c.createStatement()) {
                st.execute("drop table bench_copy_work_item");
                st.execute("drop table bench_copy_evidence");
            }
            out.printf(Locale.ROOT, "PostgreSQL COPY alone of the rows the first delta was stored as: %,d evidence rows "
                    + "(%,d MiB) + %,d work items (%,d MiB) in %.2f s = %,.0f records/s%n", e, ev.size() >> 20, w,
                    wi.size() >> 20, s, records / s);
            return records / s;
        }
    }

    /** @return the columns of {@code work_item} but its id, comma-separated */
    private static String itemColumns(Connection c) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        try (var rs = c.getMetaData().getColumns(null, null, "work_item", null)) {
            while (rs.next()) {
                if (!"id".equals(rs.getString("COLUMN_NAME"))) {
                    columns.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return String.join(", ", columns);
    }

    static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
