package vn.kpibridge.routes.source;

import java.time.LocalDateTime;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.IngestResult;

/**
 * The end of a complete REST or SQL pull, shared by both flows: the watermark advances to the
 * newest updated time received (only now, with every page or batch stored), the summary line is
 * logged, and the pull's merged {@link IngestResult} and then its {@link PullResult} become the body.
 */
@Component
public class PullCompletion {
    private static final Logger log = LoggerFactory.getLogger(PullCompletion.class);

    private final WatermarkStore watermarks;

    /** @param watermarks stored watermarks */
    public PullCompletion(WatermarkStore watermarks) {
        this.watermarks = watermarks;
    }

    /**
     * Advances the watermark (never backwards) and sets the merged {@link IngestResult} as the
     * body, for the scoring and summary steps.
     *
     * @param e the exchange of a pull whose pages are all stored
     */
    public void finish(Exchange e) {
        PullRun run = e.getProperty(SourceHeaders.RUN, PullRun.class);
        LocalDateTime after = run.watermarkBefore();
        if (run.newest() != null && (after == null || run.newest().isAfter(after))) {
            watermarks.advance(run.sourceId(), run.newest());
            after = run.newest();
        }
        e.setProperty(SourceHeaders.WATERMARK, after);
        PullResult r = run.result(after);
        log.info("Pull of source {} done: {} pages, {} records ({} older than the watermark), {} new, {} already "
                + "stored, {} mapped, {} unmapped, {} rejected, {} quarantined; watermark {} -> {}; {} ms", r.sourceId(),
                r.pages(), r.records(), r.skipped(), r.stored(), r.duplicates(), r.mapped(), r.unmapped(), r.rejected(),
                r.quarantined(),
                r.watermarkBefore() == null ? "none" : r.watermarkBefore(), after == null ? "none" : after,
                r.elapsedMs());
        e.getMessage().setBody(run.total());
    }

    /**
     * Sets the pull's {@link PullResult} as the body (the answer of the pull route).
     *
     * @param e the exchange of a finished pull
     */
    public void result(Exchange e) {
        PullRun run = e.getProperty(SourceHeaders.RUN, PullRun.class);
        e.getMessage().setBody(run.result(e.getProperty(SourceHeaders.WATERMARK, LocalDateTime.class)));
    }
}
