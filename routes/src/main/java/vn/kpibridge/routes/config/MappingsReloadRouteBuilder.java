package vn.kpibridge.routes.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.flow.KpiRouteBuilder;

/**
 * Route {@code mappings-reload}: every {@code kpi.mappings.reload-interval-ms} milliseconds
 * (default 5000; 0 disables) the Camel scheduler asks {@link MappingRegistry#reloadIfChanged()}
 * to compare the mapping and scheme files with the running version and load them again when one
 * changed (issue 4 point 9). A broken edit never fails the route: the registry keeps the last
 * good version and reports the error.
 */
@Component
public class MappingsReloadRouteBuilder extends KpiRouteBuilder {
    private final MappingRegistry registry;
    private final long intervalMs;

    /**
     * @param registry the registry to reload
     * @param intervalMs poll interval in milliseconds; 0 or less: no reload route
     */
    public MappingsReloadRouteBuilder(MappingRegistry registry,
            @Value("${kpi.mappings.reload-interval-ms:5000}") long intervalMs) {
        this.registry = registry;
        this.intervalMs = intervalMs;
    }

    @Override
    protected void routes() {
        if (intervalMs <= 0) {
            log.info("Mapping files are not reloaded (kpi.mappings.reload-interval-ms = {})", intervalMs);
            return;
        }
        from("scheduler:mappings-reload?delay=" + intervalMs + "&initialDelay=" + intervalMs)
                .routeId("mappings-reload")
                .process(e -> registry.reloadIfChanged());
    }
}
