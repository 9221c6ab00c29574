package vn.kpibridge.routes.run;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.config.MappingRegistry.SourceSetup;

/**
 * Health of each configured source ({@code /actuator/health/sources/<sourceId>}), from the
 * outcome of the latest sync run that reached it; no remote server is called on a health probe.
 *
 * <ul>
 *   <li>{@code UP}: its last pull or inbox step completed (details: run, time, counts);</li>
 *   <li>{@value #DEGRADED}: its last pull failed after the redeliveries (details: the reason).
 *       Ordered between DOWN and UP and answered with HTTP 200 ({@code management.endpoint.health.status.*}):
 *       a source that is down must not take kpi-bridge itself out of service;</li>
 *   <li>{@code UNKNOWN}: not configured on this installation (details: the settings to set), or
 *       not reached by any run yet.</li>
 * </ul>
 */
@Component("sources")
public class SourceHealthContributor implements CompositeHealthContributor {
    /** Status of a source whose last pull failed. */
    public static final String DEGRADED = "DEGRADED";

    private final MappingRegistry registry;
    private final SourceReadiness readiness;
    private final SyncRunService runs;

    /**
     * @param registry configured sources
     * @param readiness whether each source is configured here
     * @param runs the runs' outcomes
     */
    public SourceHealthContributor(MappingRegistry registry, SourceReadiness readiness, SyncRunService runs) {
        this.registry = registry;
        this.readiness = readiness;
        this.runs = runs;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return registry.source(name).map(this::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        Map<String, HealthContributor> all = new LinkedHashMap<>();
        new TreeMap<>(registry.sources()).forEach((id, s) -> all.put(id, indicator(s)));
        return all.entrySet().stream().map(en -> NamedContributor.of(en.getKey(), en.getValue())).iterator();
    }

    private HealthIndicator indicator(SourceSetup setup) {
        return () -> health(setup.mapping());
    }

    private Health health(SourceMapping m) {
        Optional<String> notConfigured = readiness.notConfigured(m);
        if (notConfigured.isPresent()) {
            return Health.unknown().withDetail("type", m.type()).withDetail("reason", notConfigured.get()).build();
        }
        Optional<SyncRunSourceEntity> last = runs.lastOutcome(m.id());
        if (last.isEmpty()) {
            return Health.unknown().withDetail("type", m.type()).withDetail("reason", "not reached by a sync run yet")
                    .build();
        }
        SyncRunSourceEntity r = last.get();
        Health.Builder b = switch (r.status) {
            case COMPLETED, RUNNING -> Health.up();
            case FAILED -> Health.status(new Status(DEGRADED, "the last pull failed"));
            default -> Health.unknown();
        };
        b.withDetail("type", m.type()).withDetail("lastRun", r.runId).withDetail("lastOutcome", r.status.name());
        if (r.finishedAt != null) {
            b.withDetail("finishedAt", r.finishedAt.toString());
        }
        b.withDetail("pages", r.pages).withDetail("records", r.records).withDetail("mapped", r.mapped)
                .withDetail("unmapped", r.unmapped).withDetail("errors", r.errors);
        if (r.errorText != null) {
            b.withDetail("error", r.errorText);
        }
        return b.build();
    }
}
