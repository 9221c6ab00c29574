package vn.kpibridge.routes.source;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import vn.kpibridge.routes.flow.EmployeePeriod;
import vn.kpibridge.routes.flow.IngestResult;

/**
 * The state of one running pull of a REST or SQL source, kept in the exchange property
 * {@link SourceHeaders#RUN}: counts of every page or batch stored so far, the (employee, period)
 * pairs they touched, the newest updated time seen (the next watermark) and the wall clock.
 * Used by one exchange at a time.
 */
public class PullRun {
    private final String sourceId;
    private final String what;
    private final LocalDateTime watermarkBefore;
    private final long startNanos = System.nanoTime();
    private int pages;
    private int records;
    private int skipped;
    private int stored;
    private int duplicates;
    private int mapped;
    private int unmapped;
    private int rejected;
    private int quarantined;
    private LocalDateTime newest;
    private final Set<EmployeePeriod> touched = new LinkedHashSet<>();
    /** Name of the page or batch last taken from the source, e.g. "page 3" (see {@link #taken}). */
    String takenLabel;
    /** Records of it dropped by the client-side watermark filter. */
    int takenSkipped;
    /** The pages being stored while the next one is read ({@link PageStore}), oldest first. */
    final java.util.ArrayDeque<InFlight> inFlight = new java.util.ArrayDeque<>();

    /**
     * A page handed to {@link PageStore}.
     *
     * @param label "page 3" or "rows 501-1000"
     * @param skipped records of it dropped by the client-side watermark filter
     * @param batch the page as prepared, to store again when its write fails
     * @param write its write on the {@code PageStore} pool
     */
    record InFlight(String label, int skipped, vn.kpibridge.routes.flow.IngestService.PreparedBatch batch,
            java.util.concurrent.CompletableFuture<IngestResult> write) {
    }

    /**
     * @param sourceId source id
     * @param what what is pulled, for messages: "GET /qlvb/api/cong-viec/danh-sach/" or "view qlcv.v_cong_viec_kpi"
     * @param watermarkBefore the stored (or initial) watermark, or null
     */
    public PullRun(String sourceId, String what, LocalDateTime watermarkBefore) {
        this.sourceId = sourceId;
        this.what = what;
        this.watermarkBefore = watermarkBefore;
    }

    /**
     * Names the page or batch just taken from the source, for its progress line once stored.
     *
     * @param label "page 3" or "rows 501-1000"
     * @param skippedInPage records of it dropped by the client-side watermark filter
     */
    public void taken(String label, int skippedInPage) {
        this.takenLabel = label;
        this.takenSkipped = skippedInPage;
    }

    /**
     * Waits until no page in flight is being written any more, so that a failing pull reports once
     * nothing of it runs: a page that was stored is counted (with its progress line), a page whose
     * write failed is not (it is pulled again next time).
     *
     * @param log where the pages' progress lines go
     */
    public void awaitInFlight(Logger log) {
        while (!inFlight.isEmpty()) {
            settleOldest(log, (page, failure) -> null);
        }
    }

    /**
     * Waits for the oldest page in flight, if any, and counts it (with its progress line); pages are
     * counted in the order they were read, whatever order their writes end in.
     *
     * @param log where the page's progress line goes
     * @param whenNotStored called when the page's write failed, with the page and the failure: stores
     *     it again and answers what was stored, or answers null to leave it uncounted
     * @throws RuntimeException what {@code whenNotStored} throws (the page stays in flight, the oldest)
     */
    void settleOldest(Logger log, java.util.function.BiFunction<InFlight, Throwable, IngestResult> whenNotStored) {
        InFlight page = inFlight.peekFirst();
        if (page == null) {
            return;
        }
        IngestResult stored;
        try {
            stored = page.write().join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
            stored = whenNotStored.apply(page, failed.getCause() == null ? failed : failed.getCause());
        }
        inFlight.removeFirst();
        if (stored != null) {
            pageStored(stored, page.skipped(), log, page.label());
        }
    }

    /** @param updatedAt updated time of a record received, or null; keeps the newest */
    public void seen(LocalDateTime updatedAt) {
        if (updatedAt != null && (newest == null || updatedAt.isAfter(newest))) {
            newest = updatedAt;
        }
    }

    /**
     * Adds a stored page or batch and logs the progress line.
     *
     * @param page what {@code IngestService.ingestBatch} did with it
     * @param skippedInPage records of it dropped by the client-side watermark filter
     * @param log where the progress line goes
     * @param label "page 2" or "rows 501-1000"
     */
    public void pageStored(IngestResult page, int skippedInPage, Logger log, String label) {
        pages++;
        records += page.records() + skippedInPage;
        skipped += skippedInPage;
        stored += page.stored();
        duplicates += page.duplicates();
        mapped += page.mapped();
        unmapped += page.unmapped();
        rejected += page.rejected();
        quarantined += page.quarantined();
        touched.addAll(page.touched());
        log.info("Pull of source {} {}: {} records ({} new, {} already stored, {} older than the watermark), "
                + "{} mapped, {} unmapped, {} rejected, {} quarantined; so far {} pages, {} records, {} mapped, "
                + "{} unmapped, {} ms", sourceId, label, page.records() + skippedInPage, page.stored(),
                page.duplicates(), skippedInPage, page.mapped(), page.unmapped(), page.rejected(), page.quarantined(),
                pages, records, mapped, unmapped, elapsedMs());
    }

    /** @return the pull's pages merged as one ingest result, for the scoring and summary steps */
    public IngestResult total() {
        return new IngestResult(sourceId, what, records - skipped, stored, duplicates, mapped, unmapped, rejected,
                quarantined, new ArrayList<>(touched));
    }

    /**
     * @param watermarkAfter the watermark after the pull
     * @return the pull's summary
     */
    public PullResult result(LocalDateTime watermarkAfter) {
        return new PullResult(sourceId, pages, records, skipped, stored, duplicates, mapped, unmapped, rejected,
                quarantined, touched.size(), watermarkBefore, watermarkAfter, elapsedMs());
    }

    /** @return milliseconds since the pull started */
    public long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** @return the source id */
    public String sourceId() {
        return sourceId;
    }

    /** @return what is pulled, for messages */
    public String what() {
        return what;
    }

    /** @return the watermark the pull started from, or null */
    public LocalDateTime watermarkBefore() {
        return watermarkBefore;
    }

    /** @return the newest updated time among the records received, or null */
    public LocalDateTime newest() {
        return newest;
    }

    /** @return pages or batches stored so far */
    public int pages() {
        return pages;
    }

    /** @return where the pull stands, for failure messages, e.g. "after 1 stored page" */
    public String progress() {
        return "after " + pages + " stored page" + (pages == 1 ? "" : "s") + " (" + records + " records)";
    }
}
