package vn.kpibridge.routes.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.source.SourceFormatException;

/**
 * The file sources: files dropped in {@code <kpi.inbox.dir>/<sourceId>/}, read according to the
 * type of the source mapping named by the folder: JSON exports ({@code file-inbox}, *.json), CSV
 * ({@code csv}, *.csv), XLSX ({@code xlsx}, *.xlsx) and edXML packages ({@code edxml}, *.edxml or
 * *.xml). One route serves them all; a file whose extension does not fit its folder's source
 * type is rejected with that reason. Files are read from disk as streams, never loaded whole.
 *
 * <p>Route {@code file-inbox}: each file is taken in by {@link IngestService} (raw records kept
 * as evidence, then normalised and mapped), then what it touched is re-scored per (source, unit,
 * period) partition ({@link KpiRouteBuilder#rescoreTouched}). Done files move to {@code .done/}, unreadable ones to
 * {@code .error/} (kept, with the reason in table {@code source_file}).
 *
 * <p>The extensions polled are {@link SourceMapping#INBOX_EXTENSIONS}; {@link #takes} and
 * {@link #waitingFiles} apply the same list for the sync run (waiting until the inbox is drained)
 * and the {@code sync} command (seeding the inbox).
 */
@Component
public class FileInboxRouteBuilder extends KpiRouteBuilder {
    private final IngestService ingest;
    private final SyncRunTracker tracker;

    public FileInboxRouteBuilder(IngestService ingest, SyncRunTracker tracker) {
        this.ingest = ingest;
        this.tracker = tracker;
    }

    @Override
    protected void routes() {
        rescoreTouched(from("file:{{kpi.inbox.dir}}?recursive=true&includeExt=" + String.join(",", SourceMapping.INBOX_EXTENSIONS)
                + "&move=.done/${file:name}&moveFailed=.error/${file:name}"
                + "&readLock=changed&readLockCheckInterval=250&readLockMinAge=250"
                + "&sendEmptyMessageWhenIdle=true&delay={{kpi.inbox.poll-delay-ms}}")
                .routeId("file-inbox")
                .autoStartup("{{kpi.inbox.auto-start}}")
                .onException(SourceFormatException.class)
                    .handled(false)
                    .process(e -> tracker.fileRejected())
                .end()
                .choice()
                    .when(body().isNull())
                        .process(e -> tracker.inboxIdle())
                        .stop()
                .end()
                .process(this::ingestFile));
    }

    private void ingestFile(Exchange exchange) {
        String relative = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).replace('\\', '/');
        int slash = relative.indexOf('/');
        String sourceId = slash > 0 ? relative.substring(0, slash) : "";
        exchange.getIn().setHeader(Headers.SOURCE_ID, sourceId);
        java.io.File file = exchange.getIn().getBody(java.io.File.class);
        IngestResult result = ingest.ingest(sourceId, relative, file.toPath());
        tracker.fileProcessed(result);
        exchange.getIn().setBody(result);
    }

    /**
     * @param file a file name or path
     * @return true when the inbox route takes it: its extension (case-insensitive, as Camel's
     *     {@code includeExt}) is one of {@link SourceMapping#INBOX_EXTENSIONS}
     */
    public static boolean takes(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && SourceMapping.INBOX_EXTENSIONS.contains(name.substring(dot + 1));
    }

    /**
     * @param inbox the inbox folder ({@code kpi.inbox.dir})
     * @return the files the inbox route has still to take: files it {@link #takes} anywhere under the
     *     inbox except in a folder or file whose name starts with a dot ({@code .done}, {@code .error},
     *     a {@code .name.part} being copied); empty when the inbox does not exist
     * @throws IOException when the inbox cannot be listed
     */
    public static List<Path> waitingFiles(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(inbox)) {
            return s.filter(Files::isRegularFile).filter(FileInboxRouteBuilder::takes)
                    .filter(p -> !hasDotSegment(inbox.relativize(p))).sorted().toList();
        }
    }

    private static boolean hasDotSegment(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
