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

/**
 * Counts what the inbox flow did since the application started, and lets the one-shot
 * {@code sync} command wait until the inbox has been drained (the file consumer sends an empty
 * message when a poll finds nothing).
 */
@Component
public class SyncRunTracker {
    private final Object lock = new Object();
    private boolean idle;
    private final AtomicInteger filesProcessed = new AtomicInteger();
    private final AtomicInteger filesRejected = new AtomicInteger();
    private final AtomicInteger published = new AtomicInteger();
    private final List<IngestResult> results = Collections.synchronizedList(new ArrayList<>());
    private final List<ScoreOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final Set<Path> reports = Collections.synchronizedSet(new LinkedHashSet<>());

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
    }

    /** Records a file moved to the error folder. */
    public void fileRejected() {
        filesRejected.incrementAndGet();
    }

    /** Records a scoring outcome. */
    public void scored(ScoreOutcome o) {
        outcomes.add(o);
    }

    /** Records a message delivered from the outbox to the evaluations queue. */
    public void messagePublished() {
        published.incrementAndGet();
    }

    /** Records a written report. */
    public void reportWritten(Path p) {
        reports.add(p);
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

    public List<ScoreOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public Set<Path> reports() {
        return Set.copyOf(reports);
    }
}
