package vn.kpibridge.routes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.flow.FileInboxRouteBuilder;
import vn.kpibridge.routes.flow.IngestResult;
import vn.kpibridge.routes.flow.OutboxService;
import vn.kpibridge.routes.flow.PartyPackageService;
import vn.kpibridge.routes.flow.ScoreOutcome;
import vn.kpibridge.routes.flow.SyncRunTracker;
import vn.kpibridge.routes.run.LiveRun;
import vn.kpibridge.routes.run.LiveSource;
import vn.kpibridge.routes.run.SourceCounts;
import vn.kpibridge.routes.run.SourceRunStatus;
import vn.kpibridge.routes.run.SyncRunConflictException;
import vn.kpibridge.routes.run.SyncRunHeaders;
import vn.kpibridge.routes.run.SyncRunService;
import vn.kpibridge.routes.run.SyncRunStatus;
import vn.kpibridge.routes.run.SyncRunView;
import vn.kpibridge.routes.run.SyncTrigger;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.FiredRule;

/**
 * The {@code sync} command: one sync run ({@code direct:syncRun}, trigger MANUAL_CLI), with its
 * progress while it runs, then a printed summary.
 *
 * <p>Steps: copy the files under {@code kpi.sync.seed-from} (default {@code samples/inbox}, one
 * sub-folder per source) that the inbox takes ({@link FileInboxRouteBuilder#takes}: json, csv,
 * xlsx, edxml, xml) into the inbox, as the e-office systems would drop them; start a sync
 * run, which pulls every configured REST and SQL source (sources not configured here are skipped,
 * named with the settings to set) and takes in the inbox; print a progress line per source each
 * time its counts change (pages or files, records, mapped, unmapped, errors, elapsed); once the
 * outbox has delivered the run's messages, print per file what was stored, per employee the
 * points, band, proposed rating and rules fired, where the outputs went, and the run's status per
 * source, its re-scoring partitions and its report stage (reports written, failed, owed; the time
 * to results and the time of the reports after them). Exit code 0 when the run COMPLETED and every file was taken in, 2 when a file was
 * rejected, 3 when the run FAILED or was INTERRUPTED (e.g. the inbox was not drained in time) or
 * the outbox did not drain, 4 when it is PARTIAL (a source failed), 5 when another run is under
 * way in the cluster.
 */
@Component
public class SyncCommand {
    private final ProducerTemplate template;
    private final KpiProperties props;
    private final SyncRunTracker tracker;
    private final OutboxService outbox;
    private final PartyPackageService party;
    private final SyncRunService runs;

    /**
     * @param template sends the run to {@code direct:syncRun}
     * @param props kpi settings (seed folder, inbox, time limits)
     * @param tracker what the inbox flow did (files, outcomes, reports)
     * @param outbox pending messages
     * @param party the party export key
     * @param runs the sync runs
     */
    public SyncCommand(ProducerTemplate template, KpiProperties props, SyncRunTracker tracker, OutboxService outbox,
            PartyPackageService party, SyncRunService runs) {
        this.party = party;
        this.outbox = outbox;
        this.template = template;
        this.props = props;
        this.tracker = tracker;
        this.runs = runs;
    }

    /**
     * @param out where the progress and the summary are printed
     * @return the process exit code
     * @throws Exception when the inbox cannot be written
     */
    public int run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        int dropped = drop(out);
        LiveRun live;
        try {
            live = runs.begin(SyncTrigger.MANUAL_CLI);
        } catch (SyncRunConflictException e) {
            out.println("Chưa chạy được / not started: " + e.getMessage());
            return 5;
        }
        out.printf("Sync run %d started (MANUAL_CLI): sources %s%n", live.id(), String.join(", ",
                live.sources().keySet()));
        CompletableFuture<Object> done = template.asyncRequestBodyAndHeader("direct:syncRun", null,
                SyncRunHeaders.RUN_ID, live.id());
        Map<String, String> shown = new HashMap<>();
        while (true) {
            try {
                done.get(1, TimeUnit.SECONDS);
                break;
            } catch (TimeoutException e) {
                progress(out, live, shown);
            } catch (ExecutionException e) {
                out.println("Sync run " + live.id() + " failed: " + e.getCause().getMessage());
                return 3;
            }
        }
        progress(out, live, shown);
        SyncRunView run = runs.view(live.id()).orElseThrow();
        if (run.status() == SyncRunStatus.FAILED || run.status() == SyncRunStatus.INTERRUPTED) {
            out.println();
            printRun(out, run);
            return 3;
        }
        // the outbox relay delivers what the run stored; wait for it before reporting
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(props.sync().idleTimeoutSeconds());
        // (local broker targets: queue and event topics); a remote target (HR) gets its first
        // attempt at most and is reported, so an unreachable HR system cannot hold the run
        while (outbox.pendingLocal() > 0) {
            if (System.nanoTime() > deadline) {
                out.println("Timed out: " + outbox.pendingLocal()
                        + " message(s) still pending in the outbox (they will be delivered on the next start)");
                return 3;
            }
            Thread.sleep(100);
        }
        outbox.awaitFirstRemoteAttempts();
        print(out, dropped, (System.nanoTime() - start) / 1_000_000);
        printRun(out, run);
        if (run.status() == SyncRunStatus.PARTIAL) {
            return 4;
        }
        return tracker.filesRejected() > 0 ? 2 : 0;
    }

    /** Prints a line per source whose state or counts changed since the last call. */
    private static void progress(PrintStream out, LiveRun live, Map<String, String> shown) {
        for (LiveSource s : live.sources().values()) {
            SourceCounts c = s.counts();
            String state = s.status() + " " + c.pages() + " " + c.records() + " " + c.mapped() + " " + c.unmapped()
                    + " " + c.errors();
            if (state.equals(shown.put(s.sourceId(), state))) {
                continue;
            }
            out.println("  " + line(s.sourceId(), s.type(), s.status(), c.pages(), c.records(), c.mapped(),
                    c.unmapped(), c.errors(), c.elapsedMs(), s.error()));
        }
    }

    private static String line(String sourceId, String type, SourceRunStatus status, int pages, int records,
            int mapped, int unmapped, int errors, long elapsedMs, String error) {
        if (status == SourceRunStatus.SKIPPED || status == SourceRunStatus.PENDING) {
            return String.format("%-14s %-10s %-11s%s", sourceId, type, status, error == null ? "" : " " + error);
        }
        return String.format("%-14s %-10s %-11s %d %s, %d records, %d mapped, %d unmapped, %d errors, %.1f s%s",
                sourceId, type, status, pages, "rest".equals(type) || "sql".equals(type) ? "pages" : "files", records, mapped,
                unmapped, errors, elapsedMs / 1000.0, error == null ? "" : ": " + error);
    }

    private static void printRun(PrintStream out, SyncRunView run) {
        out.printf("Sync run %d (%s): %s in %.1f s%s%n", run.id(), run.trigger(), run.status(), run.elapsedMs() / 1000.0,
                run.error() == null ? "" : " - " + run.error());
        for (SyncRunView.Source s : run.sources()) {
            out.println("  " + line(s.sourceId(), s.type(), s.status(), s.pages(), s.records(), s.mapped(),
                    s.unmapped(), s.errors(), s.elapsedMs(), s.error()));
        }
        SyncRunView.Partitions p = run.partitions();
        out.printf("  re-scoring: %d partitions (source, unit, period), %d done, %d failed, %d open; %d new evaluation "
                + "versions; by instance %s%n", p.total(), p.done(), p.failed(), p.open(), p.newVersions(), p.byInstance());
        // the report stage: time to results (start to scored_at), then the reports (scored_at to the end)
        String times = run.scoredAt() == null ? "results not all stored"
                : String.format("results stored %.1f s after the start", seconds(run.startedAt(), run.scoredAt()))
                        + (run.finishedAt() == null ? "" : String.format(", reports %.1f s after them",
                                seconds(run.scoredAt(), run.finishedAt())));
        out.printf("  reports: %d of %d re-scored partitions written, %d failed, %d owed; %s%n", p.reportsWritten(),
                p.done(), p.reportsFailed(), p.reportsOwed(), times);
    }

    private static double seconds(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        return java.time.Duration.between(from, to).toMillis() / 1000.0;
    }

    private int drop(PrintStream out) throws IOException {
        Path from = props.sync().seedPath();
        if (from == null) {
            return 0;
        }
        if (!Files.isDirectory(from)) {
            throw new IOException("kpi.sync.seed-from " + from.toAbsolutePath() + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).filter(FileInboxRouteBuilder::takes).sorted().toList();
        }
        for (Path f : files) {
            Path target = props.inbox().path().resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(f, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        out.printf("Dropped %d file(s) from %s into the inbox %s%n", files.size(), from, props.inbox().dir());
        return files.size();
    }

    private void print(PrintStream out, int dropped, long millis) {
        out.println();
        out.println("Files: " + tracker.filesProcessed() + " taken in, " + tracker.filesRejected()
                + " rejected (moved to " + props.inbox().path().resolve(".error") + ")");
        for (IngestResult r : tracker.results()) {
            out.printf("  %s: %d records, %d new, %d already stored, %d mapped, %d unmapped, %d rejected%n",
                    r.fileName(), r.records(), r.stored(), r.duplicates(), r.mapped(), r.unmapped(), r.rejected());
        }
        out.println();
        String fmt = "%-8s %-30s %7s  %-10s %-15s %-9s%n";
        out.printf(fmt, "Period", "Employee", "Points", "Band", "Proposed", "Version");
        for (ScoreOutcome o : tracker.outcomes()) {
            Evaluation e = o.evaluation();
            out.printf(fmt, o.period(), e.fullName() + " (" + e.employeeId() + ")", e.displayedTotal().toPlainString(),
                    e.pointsBand().name(), e.proposedRating().name(),
                    "v" + o.version() + (o.newVersion() ? " new" : " unchanged"));
            out.println("         band: " + e.pointsBand().label() + "; proposed: " + e.proposedRating().label());
            if (e.rulesFired().isEmpty()) {
                out.println("         rules fired: none");
            }
            for (FiredRule r : e.rulesFired()) {
                out.println("         rule fired: " + rule(r));
            }
        }
        if (tracker.outcomesSeen() > tracker.outcomes().size()) {
            out.printf("... and %d more (GET /api/v1/evaluations lists them all)%n",
                    tracker.outcomesSeen() - tracker.outcomes().size());
        }
        out.println();
        out.println("Evaluations published to queue " + props.queues().evaluations() + ": " + tracker.published()
                + (tracker.published() == 0 ? " (results unchanged since the last run)" : ""));
        outbox.syncReport(template.getCamelContext().resolvePropertyPlaceholders("{{kpi.events.topics.evaluation-finalized}}"),
                template.getCamelContext().resolvePropertyPlaceholders("{{kpi.events.topics.period-closed}}")).forEach(out::println);
        for (var p : tracker.reports()) {
            String kind = p.toString().endsWith(".zip") ? "Party export package (verify with " + party.publicKeyFile()
                    + ")" : "Summary report (" + p.getFileName() + ")";
            out.println(kind + ": " + p.toAbsolutePath().normalize());
        }
        if (tracker.reportsSeen() > tracker.reports().size()) {
            out.printf("... and %d more report files under %s%n", tracker.reportsSeen() - tracker.reports().size(),
                    props.output().path().toAbsolutePath().normalize());
        }
        out.printf("Done in %.1f s%n", millis / 1000.0);
    }

    private static String rule(FiredRule r) {
        return r.code() + (r.waived() ? " (miễn: " : " (") + r.source() + "): " + r.reason();
    }
}
