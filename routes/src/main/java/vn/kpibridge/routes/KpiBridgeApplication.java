package vn.kpibridge.routes;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import vn.kpibridge.routes.cli.OneShotCommands;
import vn.kpibridge.routes.cli.SyncCommand;

/**
 * kpi-bridge entry point.
 *
 * <p>Usage: {@code java -jar kpi-bridge.jar [command] [--spring.property=value ...]}
 * <ul>
 *   <li>{@code sync}: one run over the inbox (dropping {@code samples/inbox} first by default),
 *       prints the summary and exits;</li>
 *   <li>{@code score <request.json>}: scores an evaluation request and prints the JSON response
 *       (no database or broker is started);</li>
 *   <li>{@code mappings validate [--mappings=DIR] [--schemes=DIR]}: checks every mapping file
 *       and reports each error with file, line and reason; exit 65 when there is one (no
 *       database or broker is started);</li>
 *   <li>{@code mappings explain <sourceId> <file> [recordId]}: shows how each record of a
 *       file is normalised, whose it is and which product rule matched and why;</li>
 *   <li>{@code benchmark [--employees=100000] [--delta=200000] [--scales=1,2,4] [--page-size=500] [--rescore-scales=1,2,4] [--threads=2] [--phases=limits,delta,rescore] [--warmup=20000]}: the capacity benchmark on a synthetic
 *       province (see {@link vn.kpibridge.routes.bench.ProvinceBenchmark});</li>
 *   <li>{@code outbox redrive [--target=HR] [--id=N]}: puts PARKED and DEAD deliveries back to
 *       PENDING with their attempts reset and prints them ({@link vn.kpibridge.routes.cli.OutboxCommand});</li>
 *   <li>no command: runs as a service; the inbox route polls continuously.</li>
 * </ul>
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KpiBridgeApplication {
    private static final String TRANSFORMER_FACTORY = "javax.xml.transform.TransformerFactory";
    private static final String JDK_TRANSFORMER_FACTORY =
            "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl";

    /** @param args command, then Spring Boot arguments */
    public static void main(String[] args) throws Exception {
        // JAXP looks a TransformerFactory up by scanning every jar's META-INF/services on each
        // newInstance(); Apache POI asks for one per package part it saves, and in the packaged jar
        // (about 200 nested jars) that scan was a third of the CPU of writing the unit reports
        // (JFR, issue 8). No jar of ours provides one, so the scan always ends at the JDK's own:
        // naming it skips the scan and changes nothing else. An explicit -D setting wins.
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(TRANSFORMER_FACTORY, JDK_TRANSFORMER_FACTORY);
        }
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "";
        String[] rest = command.isEmpty() ? args : Arrays.copyOfRange(args, 1, args.length);
        SpringApplication app = new SpringApplication(KpiBridgeApplication.class);
        switch (command) {
            case "" -> app.run(rest);
            case "sync" -> {
                // a one-shot command: its sync run starts the inbox route after the drop
                ConfigurableApplicationContext ctx = OneShotCommands.start(app, List.of(), rest);
                int code;
                try {
                    code = ctx.getBean(SyncCommand.class).run(System.out);
                } finally {
                    ctx.close();
                }
                System.exit(code);
            }
            case "score" -> System.exit(vn.kpibridge.routes.cli.ScoreCommand.run(rest, System.out, System.err));
            case "mappings" -> System.exit(vn.kpibridge.routes.cli.MappingsCommand.run(rest, System.out, System.err));
            case "outbox" -> System.exit(vn.kpibridge.routes.cli.OutboxCommand.run(app, rest, System.out, System.err));
            case "benchmark" -> System.exit(vn.kpibridge.routes.bench.ProvinceBenchmark.run(rest));
            default -> {
                System.err.println("Unknown command \"" + command + "\". Commands: sync (one run, then exit); "
                        + "score <request.json> (score an evaluation request, no database needed); "
                        + "mappings validate | explain <sourceId> <file> [recordId] (check mapping files, explain how "
                        + "records map; no database needed); "
                        + "outbox redrive [--target=HR] [--id=N] (put parked and dead deliveries back to pending); "
                        + "benchmark (capacity figures on a synthetic province); "
                        + "none (run as a service).");
                System.exit(64);
            }
        }
    }
}
