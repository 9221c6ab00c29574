package vn.kpibridge.routes.source;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.IngestService;
import vn.kpibridge.routes.flow.IngestService.PreparedBatch;

/**
 * Write-behind of a pull's pages (issue 8): a page (or row batch) read, normalised and mapped
 * ({@link IngestService#prepareBatch}) is stored ({@link IngestService#storeBatch}, its own
 * transaction, its own connection) on a thread of the Camel thread pool {@code PageStore} while the
 * pull route reads and prepares the next one, so the source's answer, Jackson and the mapping on
 * one side and PostgreSQL on the other work at the same time instead of in turn. At most
 * {@code kpi.sources.pages-in-flight} pages per pull are in flight (2 by default, so that PostgreSQL
 * can store two pages at once on the two cores while the pull waits for the source): handing over
 * one more first waits for the oldest, so memory stays bounded (that many pages plus the one being
 * read), and pages are counted in the order they were read.
 *
 * <p>Two pages written at once are independent transactions. The same record in both (a record
 * changed while the pull pages through) is stored once: evidence is kept per (record, version),
 * and a work item keeps the highest version whichever page commits first ({@link
 * vn.kpibridge.routes.persistence.IngestBulkWriter#upsertWorkItems}); when both try to insert the
 * same new key at once, one of them fails with a unique violation (or a deadlock) and is stored
 * again as a failed page is, finding the other's rows.
 *
 * <p>Failures keep the pull's meaning: a page whose write failed is stored again on the route's
 * thread by the step that finds it ({@link #storeBehind} of the next page or {@link #allStored});
 * when that fails too, the exception fails the step, which the pull's error handling redelivers
 * with back-off (each redelivery stores the page again) and finally dead-letters. The watermark
 * advances only after {@link #allStored}. A pull that fails for another reason waits for its page in
 * flight before reporting ({@link PullRun#awaitInFlight}).
 *
 * <p>Counts and the progress line of a page ({@link PullRun#pageStored}) are taken on the route's
 * thread when the page is found stored.
 */
@Component
public class PageStore {
    private static final Logger log = LoggerFactory.getLogger(PageStore.class);

    private final IngestService ingest;
    private final ExecutorService executor;
    private final int pagesInFlight;

    /**
     * @param ingest the store of prepared batches
     * @param camel the Camel context whose executor service manager owns (and shuts down) the
     *     {@code PageStore} thread pool: one thread per page in flight
     * @param props {@code kpi.sources.pages-in-flight}
     */
    public PageStore(IngestService ingest, CamelContext camel, SourcePullProperties props) {
        this.ingest = ingest;
        this.executor = camel.getExecutorServiceManager().newCachedThreadPool(this, "PageStore");
        this.pagesInFlight = props.pagesInFlight();
    }

    /**
     * Route step after a page is prepared: when the pull has as many pages in flight as allowed,
     * waits for the oldest (and counts it), then starts storing this one on the pool and returns at
     * once.
     *
     * @param e the pull's exchange; body the page's {@link PreparedBatch}; property
     *     {@link SourceHeaders#RUN} the {@link PullRun}, whose {@link PullRun#taken} names the page
     * @throws org.springframework.dao.DataAccessException when the oldest page in flight could not be
     *     stored, twice (the step is redelivered by the pull's error handling)
     */
    public void storeBehind(Exchange e) {
        PullRun run = e.getProperty(SourceHeaders.RUN, PullRun.class);
        PreparedBatch batch = e.getMessage().getBody(PreparedBatch.class);
        while (run.inFlight.size() >= pagesInFlight) {
            settleOldest(run);
        }
        run.inFlight.addLast(new PullRun.InFlight(run.takenLabel, run.takenSkipped, batch,
                CompletableFuture.supplyAsync(() -> ingest.storeBatch(batch), executor)));
    }

    /**
     * Route step after the last page: waits for the pages in flight, oldest first, and counts them.
     *
     * @param e the pull's exchange
     * @throws org.springframework.dao.DataAccessException as {@link #storeBehind}
     */
    public void allStored(Exchange e) {
        PullRun run = e.getProperty(SourceHeaders.RUN, PullRun.class);
        while (!run.inFlight.isEmpty()) {
            settleOldest(run);
        }
    }

    /** Waits for the oldest page in flight; stores it again here when its write failed; counts it. */
    private void settleOldest(PullRun run) {
        run.settleOldest(log, (page, failure) -> {
            Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
            String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            log.warn("Pull of source {}: {} was not stored ({}: {}); storing it again", run.sourceId(), page.label(),
                    root.getClass().getSimpleName(), message);
            return ingest.storeBatch(page.batch());
        });
    }
}
