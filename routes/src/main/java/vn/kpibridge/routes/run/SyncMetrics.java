package vn.kpibridge.routes.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.IngestResult;

/**
 * The business meters of kpi-bridge, registered in Micrometer (published at
 * {@code /actuator/prometheus} with the Camel route meters):
 * <ul>
 *   <li>{@code kpi.records.pulled}, {@code kpi.records.mapped}, {@code kpi.records.unmapped},
 *       {@code kpi.records.rejected}, {@code kpi.records.quarantined} (counters, tag {@code source}):
 *       records received from a source (inbox files, pages of REST and SQL pulls of a sync run) and
 *       what became of them; quarantined are the poison records the database refused for their
 *       data (kept as QUARANTINED, the rest of their batch stored);</li>
 *   <li>{@code kpi.evaluations.written} (counter): new evaluation versions stored;</li>
 *   <li>{@code kpi.deliveries} (counter, tag {@code target}): outbox messages delivered;</li>
 *   <li>{@code kpi.failures} (counter, tag {@code kind}: {@code source-pull}, {@code file},
 *       {@code sync-run}, {@code partition}, {@code report}): pulls that failed after their
 *       redeliveries, files moved to the error folder, runs that failed, partitions whose re-scoring
 *       failed after their redeliveries, units whose reports failed after theirs (report stage);</li>
 *   <li>{@code kpi.sync.run.duration} (timer, tags {@code trigger} and {@code status}): wall time
 *       of finished sync runs.</li>
 * </ul>
 * In Prometheus the counters get the suffix {@code _total} and dots become underscores
 * ({@code kpi_records_pulled_total{source="eoffice-btc"}}).
 */
@Component
public class SyncMetrics {
    private final MeterRegistry registry;

    /** @param registry the application's meter registry */
    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Counts the records of one stored page, batch or file.
     *
     * @param sourceId source id (tag)
     * @param records records received (before the client-side watermark filter)
     * @param mapped records mapped to a product, or assessments taken
     * @param unmapped records kept as UNMAPPED
     * @param rejected records kept as REJECTED
     * @param quarantined poison records kept as QUARANTINED
     */
    public void records(String sourceId, int records, int mapped, int unmapped, int rejected, int quarantined) {
        counter("kpi.records.pulled", "source", sourceId, "records received from a source").increment(records);
        counter("kpi.records.mapped", "source", sourceId, "records mapped to a catalog product").increment(mapped);
        counter("kpi.records.unmapped", "source", sourceId, "records kept as UNMAPPED with their reason")
                .increment(unmapped);
        counter("kpi.records.rejected", "source", sourceId, "records kept as REJECTED with their reason")
                .increment(rejected);
        counter("kpi.records.quarantined", "source", sourceId,
                "poison records refused by the database for their data, kept as QUARANTINED").increment(quarantined);
    }

    /** @param r a file taken in by the inbox */
    public void file(IngestResult r) {
        records(r.sourceId(), r.records(), r.mapped(), r.unmapped(), r.rejected(), r.quarantined());
    }

    /** Counts a new evaluation version stored. */
    public void evaluationWritten() {
        Counter.builder("kpi.evaluations.written").description("new evaluation versions stored")
                .register(registry).increment();
    }

    /** @param target the delivery target, e.g. "evaluations-queue" */
    public void delivered(String target) {
        counter("kpi.deliveries", "target", target, "outbox messages delivered").increment();
    }

    /** @param kind "source-pull", "file", "sync-run", "partition" or "report" */
    public void failure(String kind) {
        counter("kpi.failures", "kind", kind, "failures after redelivery").increment();
    }

    /**
     * @param trigger what started the run
     * @param status how it ended
     * @param elapsed its wall time
     */
    public void runFinished(SyncTrigger trigger, SyncRunStatus status, Duration elapsed) {
        Timer.builder("kpi.sync.run.duration").description("wall time of sync runs")
                .tag("trigger", trigger.name()).tag("status", status.name())
                .register(registry).record(elapsed);
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }
}
