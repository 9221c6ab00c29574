package vn.kpibridge.routes.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a one-shot command ({@code sync}, {@code outbox redrive}) starts the application: no web
 * server, the inbox route not started with the context ({@code kpi.inbox.auto-start=false}) and no
 * part in the cluster's schedule ({@code kpi.schedule.enabled=false}: its Quartz scheduler stays
 * off, so a command never joins the clustered job store nor fires the scheduled sync run).
 */
public final class OneShotCommands {
    /** The flags every one-shot command starts with, before its own and the user's arguments. */
    public static final List<String> FLAGS = List.of("--kpi.inbox.auto-start=false", "--kpi.schedule.enabled=false");

    private OneShotCommands() {
    }

    /**
     * @param extraFlags the command's own flags, e.g. {@code --kpi.outbox.auto-start=false}
     * @param userArgs the Spring Boot arguments given on the command line
     * @return {@link #FLAGS}, then the command's flags, then the user's arguments
     */
    public static String[] arguments(List<String> extraFlags, String... userArgs) {
        List<String> all = new ArrayList<>(FLAGS);
        all.addAll(extraFlags);
        all.addAll(Arrays.asList(userArgs));
        return all.toArray(String[]::new);
    }

    /**
     * Starts the application for a one-shot command (see the class comment).
     *
     * @param app the application, not started
     * @param extraFlags the command's own flags (may be empty)
     * @param userArgs the Spring Boot arguments given on the command line
     * @return the started context; the caller closes it
     */
    public static ConfigurableApplicationContext start(SpringApplication app, List<String> extraFlags,
            String... userArgs) {
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(arguments(extraFlags, userArgs));
    }
}
