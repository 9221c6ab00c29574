package vn.kpibridge.routes.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.OutboxService;
import vn.kpibridge.routes.flow.OutboxService.Redriven;

/**
 * The {@code outbox} command: {@code java -jar kpi-bridge.jar outbox redrive [--target=HR] [--id=N]}
 * puts PARKED and DEAD outbox messages (all, one target's, or one) back to PENDING with their
 * attempts reset, and prints each with the answer it was parked or dead with. The running
 * service delivers them at its next poll; this command starts no web server and no relay.
 *
 * <p>Exit codes: 0 done (also when nothing matched a target), 1 when {@code --id} names no
 * parked or dead message, 64 on a usage error.
 */
@Component
public class OutboxCommand {
    /** Usage text. */
    public static final String USAGE = "Usage: outbox redrive [--target=HR] [--id=N]  (puts PARKED and DEAD "
            + "deliveries back to PENDING, attempts reset)";

    /**
     * Parsed arguments.
     *
     * @param target only this target, or null
     * @param id only this message, or null
     * @param springArgs the other arguments, for Spring Boot
     */
    public record Options(String target, Long id, List<String> springArgs) {
    }

    /** The command's own flag on top of {@link OneShotCommands#FLAGS}: the outbox relays stay stopped. */
    static final List<String> RELAY_OFF = List.of("--kpi.outbox.auto-start=false");

    private final OutboxService outbox;

    /** @param outbox the outbox */
    public OutboxCommand(OutboxService outbox) {
        this.outbox = outbox;
    }

    /**
     * Runs the command in its own application context ({@link OneShotCommands}: no web server, no
     * inbox route, no part in the cluster's schedule; and no relay routes).
     *
     * @param app the application, not started
     * @param args the arguments after {@code outbox}
     * @param out where results are printed
     * @param err where usage errors are printed
     * @return the exit code
     */
    public static int run(SpringApplication app, String[] args, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 64;
        }
        try (ConfigurableApplicationContext ctx = OneShotCommands.start(app, RELAY_OFF,
                o.springArgs().toArray(String[]::new))) {
            return ctx.getBean(OutboxCommand.class).redrive(o, out);
        }
    }

    /**
     * @param args {@code redrive} then {@code --target=T}, {@code --id=N} and Spring arguments
     * @return the options
     * @throws IllegalArgumentException for another sub-command, a missing one, or a bad id
     */
    public static Options parse(String[] args) {
        if (args.length == 0 || !"redrive".equals(args[0])) {
            throw new IllegalArgumentException(args.length == 0 ? "outbox: a sub-command is missing"
                    : "outbox: unknown sub-command \"" + args[0] + "\"");
        }
        String target = null;
        Long id = null;
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--target=")) {
                target = a.substring("--target=".length()).trim();
            } else if (a.startsWith("--id=")) {
                try {
                    id = Long.parseLong(a.substring("--id=".length()).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("outbox redrive: --id must be a message number, not \""
                            + a.substring("--id=".length()) + "\"");
                }
            } else if (a.startsWith("--")) {
                spring.add(a);
            } else {
                throw new IllegalArgumentException("outbox redrive: unexpected argument \"" + a + "\"");
            }
        }
        return new Options(target == null || target.isEmpty() ? null : target, id, spring);
    }

    /**
     * Re-drives and prints what was re-driven.
     *
     * @param o the options
     * @param out where results are printed
     * @return 0, or 1 when {@code --id} names no parked or dead message
     */
    public int redrive(Options o, PrintStream out) {
        List<Redriven> done = outbox.redrive(o.target(), o.id());
        String scope = (o.target() == null ? "" : " of target " + o.target()) + (o.id() == null ? "" : " with id " + o.id());
        if (done.isEmpty()) {
            if (o.id() != null) {
                out.println("Nothing re-driven: no PARKED or DEAD message" + scope + outbox.find(o.id())
                        .map(m -> " (message " + o.id() + " is " + m.status + ")").orElse(" (no such message)"));
                return 1;
            }
            out.println("Nothing re-driven: no PARKED or DEAD message" + scope);
            return 0;
        }
        out.println("Re-driven " + done.size() + " message(s)" + scope + " back to PENDING, attempts reset; "
                + "the running service delivers them at its next poll:");
        for (Redriven r : done) {
            out.println("  #" + r.id() + " " + r.target() + " " + r.idempotencyKey() + " was " + r.previousStatus()
                    + " after " + r.previousAttempts() + " attempt(s): " + oneLine(r.lastAnswer()));
        }
        return 0;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "(no answer)";
        }
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }
}
