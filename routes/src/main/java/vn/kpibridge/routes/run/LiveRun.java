package vn.kpibridge.routes.run;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.kpibridge.routes.flow.IngestResult;
import vn.kpibridge.routes.flow.SyncRunTracker;

/**
 * The sync run under way on this instance: its id, trigger and the {@link LiveSource} of every
 * configured source (in source id order). Registered with {@link SyncRunTracker} while the run
 * takes in the inbox, so the files taken in are counted to their source.
 */
public final class LiveRun implements SyncRunTracker.InboxListener {
    private final long id;
    private final SyncTrigger trigger;
    private final OffsetDateTime startedAt;
    private final long startNanos = System.nanoTime();
    private final Map<String, LiveSource> sources;
    private volatile boolean stopRequested;

    LiveRun(long id, SyncTrigger trigger, OffsetDateTime startedAt, List<LiveSource> sources) {
        this.id = id;
        this.trigger = trigger;
        this.startedAt = startedAt;
        Map<String, LiveSource> m = new LinkedHashMap<>();
        sources.forEach(s -> m.put(s.sourceId(), s));
        this.sources = Collections.unmodifiableMap(m);
    }

    /** @return the run id ({@code sync_run.id}) */
    public long id() {
        return id;
    }

    /** @return what started the run */
    public SyncTrigger trigger() {
        return trigger;
    }

    /** @return when the run started (database clock) */
    public OffsetDateTime startedAt() {
        return startedAt;
    }

    /** @return milliseconds since the run started */
    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** @return every configured source's state, by source id, in id order */
    public Map<String, LiveSource> sources() {
        return sources;
    }

    /** @return true once the application is stopping: the run starts no further source */
    public boolean stopRequested() {
        return stopRequested;
    }

    void requestStop() {
        stopRequested = true;
    }

    @Override
    public void fileProcessed(IngestResult r) {
        LiveSource s = sources.get(r.sourceId());
        if (s != null) {
            s.file(r);
        }
    }
}
