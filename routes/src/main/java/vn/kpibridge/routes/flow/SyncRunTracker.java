package vn.kpibridge.routes.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.run.SyncMetrics;

/**
 * Counts what the inbox flow did since the application started, lets a sync run wait until the
 * inbox has been drained (the file consumer sends an empty message when a poll finds nothing),
 * hands the files taken in to the {@link InboxListener} of the run taking in the inbox, and
 * counts files, new evaluation versions and deliveries in the business meters ({@link SyncMetrics}).
 */
@Component
public class SyncRunTracker {
    /** Receives the files taken in while a sync run takes in the inbox. */
    public interface InboxListener {
        /** @param r what taking in one file did */
        void fileProcessed(IngestResult r);
    }

    private final SyncMetrics metrics;
    private volatile InboxListener listener;
    private final Object lock = new Object();
    private boolean idle;
    private final AtomicInteger filesProcessed = new AtomicInteger();
    private final AtomicInteger filesRejected = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private final List<IngestResult> results = Collections.synchronizedList(new ArrayList<>());
    /**
     * Most scoring outcomes and report paths kept for the {@code sync} command to print: each
     * outcome holds a whole evaluation (every work item), and a province's run has 100,000 of them;
     * beyond this only the counts go on ({@link #outcomesSeen}, {@link #reportsSeen}).
     */
    public static final int MAX_KEPT = 200;

    private final List<ScoreOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Set<Path> reports = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger outcomesSeen = new AtomicInteger();
    private final AtomicInteger reportsSeen = new AtomicInteger();

    /** @param metrics the business meters */
    public SyncRunTracker(SyncMetrics metrics) {
        this.metrics = metrics;
    }

    /** @param l the run taking in the inbox from now on; replaces any earlier one */
    public void attach(InboxListener l) {
        listener = l;
    }

    /** @param l the run that has finished taking in the inbox; ignored when another is attached */
    public void detach(InboxListener l) {
        if (listener == l) {
            listener = null;
        }
    }

    /** Called by the inbox route when a poll found no file. */
    public void inboxIdle() {
        synchronized (lock) {
            idle = true;
            lock.notifyAll();
        }
    }

    /** Forgets a previous idle signal: the next {@link #awaitIdle} waits for a fresh one. */
    public void expectWork() {
        synchronized (lock) {
            idle = false;
        }
    }

    /**
     * @param timeout longest wait
     * @param unit its unit
     * @return true when the inbox went idle in time
     * @throws InterruptedException when interrupted
     */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!idle) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** Records a file taken in. */
    public void fileProcessed(IngestResult r) {
        filesProcessed.incrementAndGet();
        results.add(r);
        metrics.file(r);
        InboxListener l = listener;
        if (l != null) {
            l.fileProcessed(r);
        }
    }

    /** Records a file moved to the error folder. */
    public void fileRejected() {
        filesRejected.incrementAndGet();
        metrics.failure("file");
    }

    /** Records a scoring outcome. */
    public void scored(ScoreOutcome o) {
        if (outcomesSeen.incrementAndGet() <= MAX_KEPT) {
            outcomes.add(o);
        }
        if (o.newVersion()) {
            metrics.evaluationWritten();
        }
    }

    /** Records a message delivered from the outbox to the evaluations queue. */
    public void messagePublished() {
        published.incrementAndGet();
        metrics.delivered("evaluations-queue");
    }

    /** Records a written report. */
    public void reportWritten(Path p) {
        if (reportsSeen.incrementAndGet() <= MAX_KEPT) {
            reports.add(p);
        }
    }

    public int filesProcessed() {
        return filesProcessed.get();
    }

    public int filesRejected() {
        return filesRejected.get();
    }

    public int published() {
        return published.get();
    }

    public List<IngestResult> results() {
        return List.copyOf(results);
    }

    /** @return the first {@link #MAX_KEPT} scoring outcomes recorded */
    public List<ScoreOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** @return how many scoring outcomes were recorded, kept or not */
    public int outcomesSeen() {
        return outcomesSeen.get();
    }

    /** @return the first {@link #MAX_KEPT} report files recorded */
    public Set<Path> reports() {
        return Set.copyOf(reports);
    }

    /** @return how many report files were recorded, kept or not */
    public int reportsSeen() {
        return reportsSeen.get();
    }
}
