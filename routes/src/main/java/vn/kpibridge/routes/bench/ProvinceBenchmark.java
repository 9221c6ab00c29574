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
 * [--scales=1,2,4] [--employees=100000] [--page-size=500]}.
 *
 * <p>In one run, on a {@link SyntheticProvince} of {@code employees} employees (20 per unit, 40
 * tasks each: 4 M records at the default size) served by a real HTTP server in the iOffice shape,
 * it measures and prints:
 * <ol>
 *   <li>the physical limits on this machine: the delta's pages parsed by Jackson alone (records/s),
 *       and the same rows loaded into a copy of {@code source_record} by PostgreSQL COPY alone
 *       (records/s);</li>
 *   <li>the nightly delta end to end, once per scale (delta x 1, 2, 4 by default): pulled over HTTP
 *       in pages through {@code direct:pullRestSource}, normalised, mapped, stored with the raw
 *       evidence and re-scored for the touched employees; records/s, its ratio to COPY, the peak
 *       heap of the phase and the growth of time with size.</li>
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

    /**
     * @param out where figures are printed
     * @param employees employees of the synthetic province
     * @param delta records of the nightly delta at scale 1
     * @param scales multiples of the delta to run, e.g. {1, 2, 4}
     * @param pageSize records per page of the source API
     */
    public ProvinceBenchmark(PrintStream out, int employees, long delta, int[] scales, int pageSize) {
        this.out = out;
        this.employees = employees;
        this.delta = delta;
        this.scales = scales.clone();
        this.pageSize = pageSize;
    }

    /**
     * Entry point of the {@code benchmark} command.
     *
     * @param args {@code --delta=N --scales=1,2,4 --employees=N --page-size=N}
     * @return exit code: 0 done, 64 bad arguments
     * @throws Exception when the application or the database fails
     */
    public static int run(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                System.err.println("benchmark: unexpected argument \"" + a + "\"; usage: benchmark [--delta=200000] "
                        + "[--scales=1,2,4] [--employees=100000] [--page-size=500]");
                return 64;
            }
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        int employees = Integer.parseInt(opts.getOrDefault("employees", "100000"));
        long delta = Long.parseLong(opts.getOrDefault("delta", "200000"));
        int[] scales = Arrays.stream(opts.getOrDefault("scales", "1,2,4").split(",")).mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        int pageSize = Integer.parseInt(opts.getOrDefault("page-size", "500"));
        return new ProvinceBenchmark(System.out, employees, delta, scales, pageSize).run();
    }

    /**
     * Runs every phase and prints the figures.
     *
     * @return 0
     * @throws Exception when the application or the database fails
     */
    public int run() throws Exception {
        SyntheticProvince province = new SyntheticProvince(employees, 20, 40, YearMonth.of(2026, 6), 20261121L);
        long needed = delta * Arrays.stream(scales).sum();
        if (needed > province.records()) {
            throw new IllegalArgumentException("the scales need " + needed + " records; the province has "
                    + province.records() + " (raise --employees)");
        }
        Path work = Files.createTempDirectory("kpi-bench");
        Path mappings = work.resolve("mappings");
        province.writeMappings(mappings, Path.of("mappings"), "thai-nguyen-monthly", pageSize);
        out.printf(Locale.ROOT, "Synthetic province: %,d employees, %,d units, %,d records in %s; delta %,d x %s; "
                + "pages of %d; work dir %s%n", employees, province.units(), province.records(), province.period(),
                delta, Arrays.toString(scales), pageSize, work);
        out.printf(Locale.ROOT, "Machine: %d cores, max heap %,d MiB, Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        try (IofficeStubServer server = new IofficeStubServer(province);
                ConfigurableApplicationContext ctx = start(work, mappings, server)) {
            DataSource ds = ctx.getBean(DataSource.class);
            server.serve(0, delta, "2026/06/30 22:00:00");
            double jackson = jacksonLimit(server);
            double copy = copyLimit(server, ds);
            out.println();
            out.println("scale  records    seconds  records/s  vs COPY  peak heap MiB  s per 100k");
            ProducerTemplate producer = ctx.getBean(org.apache.camel.CamelContext.class).createProducerTemplate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long offset = 0;
            int second = 0;
            List<double[]> rows = new ArrayList<>();
            for (int scale : scales) {
                long n = delta * scale;
                server.serve(offset, n, String.format("2026/06/30 23:%02d:00", ++second));
                resetPeaks();
                long before = jdbc.queryForObject("select count(*) from source_record", Long.class);
                long t0 = System.nanoTime();
                producer.requestBody("direct:pullRestSource", SyntheticProvince.SOURCE_ID);
                double s = (System.nanoTime() - t0) / 1e9;
                long stored = jdbc.queryForObject("select count(*) from source_record", Long.class) - before;
                if (stored != n) {
                    throw new IllegalStateException("scale " + scale + ": " + n + " records served, " + stored + " stored");
                }
                double rate = n / s;
                rows.add(new double[] {scale, n, s, rate});
                out.printf(Locale.ROOT, "%5dx %,9d %9.1f %10.0f %7.0f%% %14d %11.2f%n", scale, n, s, rate,
                        100 * rate / copy, peakHeapMiB(), s / (n / 100_000.0));
                offset += n;
            }
            long items = jdbc.queryForObject("select count(*) from work_item", Long.class);
            long evaluations = jdbc.queryForObject("select count(*) from evaluation", Long.class);
            long issues = jdbc.queryForObject("select count(*) from record_issue", Long.class);
            out.printf(Locale.ROOT, "%nStored: %,d work items, %,d evaluation versions, %,d record issues "
                    + "(unmapped titles outside the catalog)%n", items, evaluations, issues);
            out.printf(Locale.ROOT, "Limits on this machine: Jackson parse %,.0f records/s, PostgreSQL COPY %,.0f "
                    + "records/s%n", jackson, copy);
            if (rows.size() > 1) {
                double[] a = rows.get(0);
                double[] b = rows.get(rows.size() - 1);
                out.printf(Locale.ROOT, "Growth: %.1fx the records took %.2fx the time (linear = %.1fx)%n",
                        b[1] / a[1], b[2] / a[2], b[1] / a[1]);
            }
        }
        return 0;
    }

    private ConfigurableApplicationContext start(Path work, Path mappings, IofficeStubServer server) {
        return new SpringApplicationBuilder(KpiBridgeApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kpi.data-dir=" + work.resolve("data"),
                        "--kpi.mappings-dir=" + mappings,
                        "--kpi.inbox.auto-start=false",
                        "--BENCH_IOFFICE_URL=" + server.baseUrl(),
                        "--logging.level.root=WARN",
                        "--logging.level.vn.kpibridge=ERROR");
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

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMiB() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
