package vn.kpibridge.routes.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CPU seconds used by this JVM and by the embedded PostgreSQL server (the postmaster started on the
 * server's {@code data_directory} and its live backends), as the operating system counts them
 * ({@link ProcessHandle.Info#totalCpuDuration}). On two cores, CPU seconds tell where the machine's
 * time went even when both processes run at once; wall time alone does not.
 */
final class ProcessCpu {
    private final String dataDirectory;

    /**
     * @param jdbc the application's database
     * @throws org.springframework.dao.DataAccessException when {@code show data_directory} fails
     */
    ProcessCpu(JdbcTemplate jdbc) {
        this.dataDirectory = jdbc.queryForObject("show data_directory", String.class);
    }

    /**
     * @return {JVM, PostgreSQL} CPU seconds so far; PostgreSQL's is 0 when its server is not on this
     *     machine or not visible. Backends that ended took their CPU time with them.
     */
    double[] now() {
        double java = seconds(ProcessHandle.current());
        double db = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDirectory)).orElse(false))
                .mapToDouble(p -> seconds(p) + p.descendants().mapToDouble(ProcessCpu::seconds).sum()).sum();
        return new double[] {java, db};
    }

    private static double seconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    /**
     * Samples {@link #now} every {@code periodMs} on a daemon thread until closed, so that CPU
     * seconds between two instants of a run can be read afterwards ({@link #between}).
     */
    final class Sampler implements AutoCloseable {
        private final List<Instant> times = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-cpu-sampler");
            t.setDaemon(true);
            return t;
        });

        /** @param periodMs milliseconds between samples */
        Sampler(long periodMs) {
            timer.scheduleAtFixedRate(this::sample, 0, periodMs, TimeUnit.MILLISECONDS);
        }

        private synchronized void sample() {
            double[] v = now();
            times.add(Instant.now());
            values.add(v);
        }

        /**
         * @param from start instant
         * @param to end instant
         * @return {JVM, PostgreSQL} CPU seconds between the last samples at or before each instant
         *     (so within one sampling period of the truth)
         */
        synchronized double[] between(Instant from, Instant to) {
            double[] a = at(from);
            double[] b = at(to);
            return new double[] {b[0] - a[0], b[1] - a[1]};
        }

        private double[] at(Instant t) {
            double[] last = values.isEmpty() ? new double[2] : values.get(0);
            for (int i = 0; i < times.size() && !times.get(i).isAfter(t); i++) {
                last = values.get(i);
            }
            return last;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
