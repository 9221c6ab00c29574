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
        String dataDir,
        String mappingsDir,
        String schemesDir,
        Inbox inbox,
        Output output,
        Queues queues,
        Sync sync) {

    // Directories are bound as strings: in a web application Spring would convert a Path through
    // the servlet context's resource loader, which rejects relative paths such as "../mappings".

    /** @return {@link #mappingsDir()} as a path */
    public Path mappingsPath() {
        return Path.of(mappingsDir);
    }

    /** @return {@link #schemesDir()} as a path */
    public Path schemesPath() {
        return Path.of(schemesDir);
    }

    /**
     * @param dir inbox root; one sub-folder per source id ({@code <dir>/<sourceId>/*.json})
     * @param pollDelayMs delay between polls, milliseconds
     * @param autoStart whether the inbox route starts with the application (false for the CLI,
     *     which starts it after dropping the files)
     */
    public record Inbox(String dir, long pollDelayMs, boolean autoStart) {
        /** @return the inbox folder as a path */
        public Path path() {
            return Path.of(dir);
        }
    }

    /** @param dir where XLSX reports are written ({@code <dir>/<period>/...}) */
    public record Output(String dir) {
        /** @return the output folder as a path */
        public Path path() {
            return Path.of(dir);
        }
    }

    /**
     * @param evaluations queue receiving one JSON evaluation per new evaluation version
     * @param deadLetter dead-letter queue for messages that failed after redelivery
     * @param partitions queue of the sync runs' re-scoring partitions (one message per (source,
     *     unit, period)), consumed by every instance
     */
    public record Queues(String evaluations, String deadLetter, String partitions) {
    }

    /**
     * @param seedFrom folder whose source sub-folders the {@code sync} command copies into the
     *     inbox before running (the e-office "drop"); empty to take only what is in the inbox
     * @param idleTimeoutSeconds how long {@code sync} waits for the inbox to drain
     */
    public record Sync(String seedFrom, long idleTimeoutSeconds) {
        /** @return the seed folder as a path, or null when none is set */
        public Path seedPath() {
            return seedFrom == null || seedFrom.isBlank() ? null : Path.of(seedFrom);
        }
    }
}
