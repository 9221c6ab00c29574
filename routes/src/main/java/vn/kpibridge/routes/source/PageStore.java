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
 * transaction) on a thread of the Camel thread pool {@code PageStore} while the pull route reads
 * and prepares the next one, so the source's answer, Jackson and the mapping on one side and
 * PostgreSQL on the other work at the same time instead of in turn. At most one page per pull is in
 * flight: handing over page n+1 first waits for page n, so memory stays bounded (two pages) and
 * pages are stored in their order.
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

    /**
     * @param ingest the store of prepared batches
     * @param camel the Camel context whose executor service manager owns (and shuts down) the
     *     {@code PageStore} thread pool: one thread per pull running at the same time
     */
    public PageStore(IngestService ingest, CamelContext camel) {
        this.ingest = ingest;
        this.executor = camel.getExecutorServiceManager().newCachedThreadPool(this, "PageStore");
    }

    /**
     * Route step after a page is prepared: waits for the pull's page in flight (and counts it),
     * then starts storing this one on the pool and returns at once.
     *
     * @param e the pull's exchange; body the page's {@link PreparedBatch}; property
     *     {@link SourceHeaders#RUN} the {@link PullRun}, whose {@link PullRun#taken} names the page
     * @throws org.springframework.dao.DataAccessException when the page in flight could not be
     *     stored, twice (the step is redelivered by the pull's error handling)
     */
    public void storeBehind(Exchange e) {
        PullRun run = e.getProperty(SourceHeaders.RUN, PullRun.class);
        PreparedBatch batch = e.getMessage().getBody(PreparedBatch.class);
        settle(run);
        run.inFlight = new PullRun.InFlight(run.takenLabel, run.takenSkipped, batch,
                CompletableFuture.supplyAsync(() -> ingest.storeBatch(batch), executor));
    }

    /**
     * Route step after the last page: waits for the page in flight and counts it.
     *
     * @param e the pull's exchange
     * @throws org.springframework.dao.DataAccessException as {@link #storeBehind}
     */
    public void allStored(Exchange e) {
        settle(e.getProperty(SourceHeaders.RUN, PullRun.class));
    }

    /** Waits for the page in flight; stores it again here when its write failed; counts it. */
    private void settle(PullRun run) {
        run.settleInFlight(log, (page, failure) -> {
            Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure);
            String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            log.warn("Pull of source {}: {} was not stored ({}: {}); storing it again", run.sourceId(), page.label(),
                    root.getClass().getSimpleName(), message);
            return ingest.storeBatch(page.batch());
        });
    }
}
