package vn.kpibridge.routes.run;

import java.time.OffsetDateTime;
import org.apache.camel.Exchange;
import vn.kpibridge.routes.flow.IngestResult;
import vn.kpibridge.routes.source.PullResult;
import vn.kpibridge.routes.source.PullRun;
import vn.kpibridge.routes.source.SourceHeaders;

/**
 * The state of one source within the run under way on this instance: its status, its counts and,
 * while a REST or SQL pull is running, the pull's exchange, whose {@link PullRun} (exchange
 * property {@link SourceHeaders#RUN}) gives the counts of the pages stored so far.
 *
 * <p>Written by the run's thread (and the inbox route's for files), read by the progress timer
 * and the API: every method is synchronized. The counts of a running pull are read from its
 * {@link PullRun} without the pull's own thread stopping: such a snapshot may lag one page behind.
 */
public final class LiveSource {
    private final String sourceId;
    private final String type;
    private final long rowId;
    private SourceRunStatus status = SourceRunStatus.PENDING;
    private SourceCounts counts = SourceCounts.NONE;
    private Exchange pull;
    private long startNanos;
    private OffsetDateTime startedAt;
    private OffsetDateTime finishedAt;
    private String error;

    LiveSource(String sourceId, String type, long rowId) {
        this.sourceId = sourceId;
        this.type = type;
        this.rowId = rowId;
    }

    /** @return the source id */
    public String sourceId() {
        return sourceId;
    }

    /** @return file-inbox, rest or sql */
    public String type() {
        return type;
    }

    long rowId() {
        return rowId;
    }

    /** @return the source's state in the run */
    public synchronized SourceRunStatus status() {
        return status;
    }

    /** @return the error text of a failed, skipped or interrupted source, or null */
    public synchronized String error() {
        return error;
    }

    synchronized OffsetDateTime startedAt() {
        return startedAt;
    }

    synchronized OffsetDateTime finishedAt() {
        return finishedAt;
    }

    /** @return the counts so far (of a running pull: up to its last stored page) */
    public synchronized SourceCounts counts() {
        if (pull == null) {
            return counts;
        }
        PullRun run = pull.getProperty(SourceHeaders.RUN, PullRun.class);
        if (run == null) {
            return new SourceCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, elapsed());
        }
        PullResult r = run.result(null);
        return fromPull(r, elapsed());
    }

    synchronized void started(Exchange pullExchange) {
        status = SourceRunStatus.RUNNING;
        startNanos = System.nanoTime();
        startedAt = OffsetDateTime.now();
        pull = pullExchange;
    }

    synchronized void completed(PullResult r) {
        pull = null;
        counts = fromPull(r, elapsed());
        status = SourceRunStatus.COMPLETED;
        finishedAt = OffsetDateTime.now();
    }

    /** Ends a pull that failed: the pages stored before the failure stay counted. */
    synchronized void failed(String reason) {
        SourceCounts c = counts();
        pull = null;
        counts = new SourceCounts(c.pages(), c.records(), c.stored(), c.duplicates(), c.mapped(), c.unmapped(),
                c.rejected(), c.quarantined(), c.errors() + 1, elapsed());
        status = SourceRunStatus.FAILED;
        error = reason;
        finishedAt = OffsetDateTime.now();
    }

    synchronized void skipped(String reason) {
        status = SourceRunStatus.SKIPPED;
        error = reason;
    }

    synchronized void interrupted(String reason) {
        if (status == SourceRunStatus.PENDING || status == SourceRunStatus.RUNNING) {
            counts = counts();
            pull = null;
            if (status == SourceRunStatus.RUNNING) {
                counts = withElapsed(counts, elapsed());
            }
            status = SourceRunStatus.INTERRUPTED;
            error = reason;
            finishedAt = OffsetDateTime.now();
        }
    }

    /** Adds a file of this source taken in by the inbox while the run takes in the inbox. */
    synchronized void file(IngestResult r) {
        SourceCounts c = counts;
        counts = new SourceCounts(c.pages() + 1, c.records() + r.records(), c.stored() + r.stored(),
                c.duplicates() + r.duplicates(), c.mapped() + r.mapped(), c.unmapped() + r.unmapped(),
                c.rejected() + r.rejected(), c.quarantined() + r.quarantined(),
                c.errors() + r.rejected() + r.quarantined(), elapsed());
    }

    /** Ends the inbox step for a file source; {@code rejectedFiles} add to its errors. */
    synchronized void inboxDone(int rejectedFiles) {
        SourceCounts c = counts;
        counts = new SourceCounts(c.pages(), c.records(), c.stored(), c.duplicates(), c.mapped(), c.unmapped(),
                c.rejected(), c.quarantined(), c.errors() + rejectedFiles, elapsed());
        status = SourceRunStatus.COMPLETED;
        error = rejectedFiles == 0 ? null : rejectedFiles + " file(s) rejected (moved to the inbox .error folder)";
        finishedAt = OffsetDateTime.now();
    }

    private long elapsed() {
        return startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static SourceCounts withElapsed(SourceCounts c, long ms) {
        return new SourceCounts(c.pages(), c.records(), c.stored(), c.duplicates(), c.mapped(), c.unmapped(),
                c.rejected(), c.quarantined(), c.errors(), ms);
    }

    /** The counts of a pull: its rejected and quarantined records are its errors. */
    private static SourceCounts fromPull(PullResult r, long ms) {
        return new SourceCounts(r.pages(), r.records(), r.stored(), r.duplicates(), r.mapped(), r.unmapped(),
                r.rejected(), r.quarantined(), r.rejected() + r.quarantined(), ms);
    }
}
