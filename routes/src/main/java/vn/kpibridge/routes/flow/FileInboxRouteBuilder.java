package vn.kpibridge.routes.flow;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.source.SourceFormatException;

/**
 * The file sources: files dropped in {@code <kpi.inbox.dir>/<sourceId>/}, read according to the
 * type of the source mapping named by the folder: JSON exports ({@code file-inbox}, *.json), CSV
 * ({@code csv}, *.csv), XLSX ({@code xlsx}, *.xlsx) and edXML packages ({@code edxml}, *.edxml or
 * *.xml). One route serves them all; a file whose extension does not fit its folder's source
 * type is rejected with that reason. Files are read from disk as streams, never loaded whole.
 *
 * <p>Route {@code file-inbox}: each file is taken in by {@link IngestService} (raw records kept
 * as evidence, then normalised and mapped), then every touched (employee, period) goes to
 * {@code direct:scoreEmployeePeriod} and every touched (unit, period) to
 * {@code direct:writeUnitSummary}. Done files move to {@code .done/}, unreadable ones to
 * {@code .error/} (kept, with the reason in table {@code source_file}).
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
        from("file:{{kpi.inbox.dir}}?recursive=true&includeExt=json,csv,xlsx,edxml,xml"
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
                .process(this::ingestFile)
                .split(simple("${body.touched()}"))
                    .to("direct:scoreEmployeePeriod")
                .end()
                .split(simple("${body.touchedUnits()}"))
                    .to("direct:writeUnitSummary")
                .end();
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
}
