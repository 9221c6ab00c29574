package vn.kpibridge.routes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.config.KpiProperties;
import vn.kpibridge.routes.flow.IngestResult;
import vn.kpibridge.routes.flow.OutboxService;
import vn.kpibridge.routes.flow.PartyPackageService;
import vn.kpibridge.routes.flow.ScoreOutcome;
import vn.kpibridge.routes.flow.SyncRunTracker;
import vn.kpibridge.scoring.Evaluation;
import vn.kpibridge.scoring.FiredRule;

/**
 * The {@code sync} command: one run of the inbox flow, then a printed summary.
 *
 * <p>Steps: copy the files under {@code kpi.sync.seed-from} (default {@code samples/inbox}, one
 * sub-folder per source) into the inbox, as the e-office systems would drop them; start the
 * {@code file-inbox} route; wait until a poll finds the inbox empty; print per file what was
 * stored, per employee the points, band, proposed rating and rules fired, and where the outputs
 * went, once the outbox has delivered the run's messages. Exit code 0 when every file was taken
 * in, 2 when a file was rejected, 3 on time-out.
 */
@Component
public class SyncCommand {
    private final CamelContext camel;
    private final KpiProperties props;
    private final SyncRunTracker tracker;
    private final OutboxService outbox;
    private final PartyPackageService party;

    public SyncCommand(CamelContext camel, KpiProperties props, SyncRunTracker tracker, OutboxService outbox,
            PartyPackageService party) {
        this.party = party;
        this.outbox = outbox;
        this.camel = camel;
        this.props = props;
        this.tracker = tracker;
    }

    /**
     * @param out where the summary is printed
     * @return the process exit code
     * @throws Exception when the inbox cannot be written or the route cannot start
     */
    public int run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        int dropped = drop(out);
        tracker.expectWork();
        camel.getRouteController().startRoute("file-inbox");
        if (!tracker.awaitIdle(props.sync().idleTimeoutSeconds(), TimeUnit.SECONDS)) {
            out.println("Hết thời gian chờ / timed out: the inbox was not drained within "
                    + props.sync().idleTimeoutSeconds() + " s");
            return 3;
        }
        camel.getRouteController().stopRoute("file-inbox");
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
        return tracker.filesRejected() > 0 ? 2 : 0;
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
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json")).sorted().toList();
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
        out.println();
        out.println("Evaluations published to queue " + props.queues().evaluations() + ": " + tracker.published()
                + (tracker.published() == 0 ? " (results unchanged since the last run)" : ""));
        outbox.syncReport(camel.resolvePropertyPlaceholders("{{kpi.events.topics.evaluation-finalized}}"),
                camel.resolvePropertyPlaceholders("{{kpi.events.topics.period-closed}}")).forEach(out::println);
        for (var p : tracker.reports()) {
            String kind = p.toString().endsWith(".zip") ? "Party export package (verify with " + party.publicKeyFile()
                    + ")" : "Summary report (Mẫu 06)";
            out.println(kind + ": " + p.toAbsolutePath().normalize());
        }
        out.printf("Done in %.1f s%n", millis / 1000.0);
    }

    private static String rule(FiredRule r) {
        return r.code() + (r.waived() ? " (miễn: " : " (") + r.source() + "): " + r.reason();
    }
}
