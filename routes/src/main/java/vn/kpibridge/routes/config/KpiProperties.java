package vn.kpibridge.routes.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed view of the {@code kpi.*} properties (application.yml). Directories are resolved against
 * the working directory; in production point them at absolute paths.
 *
 * @param dataDir root of local state in the embedded default (PostgreSQL, Artemis, inbox, outputs)
 * @param mappingsDir folder of the administrators' mapping files ({@code mappings/})
 * @param schemesDir folder of scheme files ({@code config/schemes/})
 * @param inbox file inbox settings
 * @param output output folder settings
 * @param queues Artemis queue names
 * @param sync settings of the one-shot {@code sync} command
 */
@ConfigurationProperties(prefix = "kpi")
public record KpiProperties(
        Path dataDir,
        Path mappingsDir,
        Path schemesDir,
        Inbox inbox,
        Output output,
        Queues queues,
        Sync sync) {

    /**
     * @param dir inbox root; one sub-folder per source id ({@code <dir>/<sourceId>/*.json})
     * @param pollDelayMs delay between polls, milliseconds
     * @param autoStart whether the inbox route starts with the application (false for the CLI,
     *     which starts it after dropping the files)
     */
    public record Inbox(Path dir, long pollDelayMs, boolean autoStart) {
    }

    /** @param dir where XLSX reports are written ({@code <dir>/<period>/...}) */
    public record Output(Path dir) {
    }

    /**
     * @param evaluations queue receiving one JSON evaluation per new evaluation version
     * @param deadLetter dead-letter queue for messages that failed after redelivery
     */
    public record Queues(String evaluations, String deadLetter) {
    }

    /**
     * @param seedFrom folder whose source sub-folders the {@code sync} command copies into the
     *     inbox before running (the e-office "drop"); empty to take only what is in the inbox
     * @param idleTimeoutSeconds how long {@code sync} waits for the inbox to drain
     */
    public record Sync(Path seedFrom, long idleTimeoutSeconds) {
    }
}
