package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.workflow.AuditTrail;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.run.LiveRun;
import vn.kpibridge.routes.run.SyncRunConflictException;
import vn.kpibridge.routes.run.SyncRunHeaders;
import vn.kpibridge.routes.run.SyncRunService;
import vn.kpibridge.routes.run.SyncRunView;
import vn.kpibridge.routes.run.SyncTrigger;

/**
 * Sync runs in the REST API ({@code /api/v1/sync-runs}, on the REST configuration of
 * {@link RestApiRouteBuilder}):
 * <ul>
 *   <li>{@code POST /sync-runs}: starts a run (trigger MANUAL_API) through the same route as the
 *       schedule and the {@code sync} command, {@code direct:syncRun}, in the background;
 *       answers 202 with {@code Location: /api/v1/sync-runs/{id}} and the run as it starts; 409
 *       (problem+json naming the running run) when a run is under way in the cluster;</li>
 *   <li>{@code GET /sync-runs?limit=20}: the latest runs, newest first, with their sources;</li>
 *   <li>{@code GET /sync-runs/{id}}: one run: status, and per source its status, pages, records,
 *       stored, mapped, unmapped, rejected, errors, elapsed milliseconds and error; while it runs,
 *       the counts up to the last stored page. 404 for an unknown id.</li>
 * </ul>
 * Shapes: {@link SyncRunView}; times ISO-8601 with offset.
 */
@Component
public class SyncRunApiRouteBuilder extends KpiRouteBuilder {
    private final SyncRunService runs;
    private final ObjectMapper mapper;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    /**
     * @param runs the sync runs
     * @param mapper the application's JSON mapper (ISO-8601 times)
     * @param access who may start runs (ADMIN) and read them (ADMIN, AUDITOR of the province)
     * @param audit the audit trail a started run is written to
     * @param tx the transaction of the audit entry
     */
    public SyncRunApiRouteBuilder(SyncRunService runs, ObjectMapper mapper, AccessPolicy access, AuditTrail audit,
            TransactionTemplate tx) {
        this.runs = runs;
        this.mapper = mapper;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    protected void routes() {
        apiProblems();

        rest("/sync-runs").description("Sync runs: pull every source, take in the inbox, re-score, publish")
                .post().description("Starts a sync run in the background; 202 with its Location, 409 while one runs")
                    .produces("application/json")
                    .to("direct:apiStartSyncRun")
                .get().description("Latest sync runs, newest first, with per-source counts")
                    .param().name("limit").type(RestParamType.query).required(false).dataType("integer")
                        .defaultValue("20").endParam()
                    .produces("application/json")
                    .to("direct:apiSyncRuns")
                .get("/{id}").description("One sync run: status, per-source counts and errors (live while it runs)")
                    .produces("application/json")
                    .to("direct:apiSyncRun");

        from("direct:apiStartSyncRun").routeId("api-start-sync-run")
                .process(this::begin)
                .wireTap("direct:syncRun")
                .process(e -> {
                    long id = e.getMessage().getHeader(SyncRunHeaders.RUN_ID, Long.class);
                    SyncRunView v = runs.view(id).orElseThrow();
                    RestApiRouteBuilder.json(e, 202, mapper.writeValueAsString(v));
                    e.getMessage().setHeader("Location", "/api/v1/sync-runs/" + id);
                });
        from("direct:apiSyncRuns").routeId("api-sync-runs")
                .process(e -> access.requireAdminOrAuditor(RestApiRouteBuilder.caller(e), "read sync runs"))
                .process(e -> {
                    String limit = e.getMessage().getHeader("limit", String.class);
                    int n;
                    try {
                        n = limit == null || limit.isBlank() ? 20 : Integer.parseInt(limit.trim());
                    } catch (NumberFormatException ex) {
                        n = -1;
                    }
                    if (n < 1 || n > 500) {
                        throw new ApiProblem(400, "Bad request", "limit", "limit must be a whole number from 1 to 500, "
                                + "not \"" + limit + "\"");
                    }
                    RestApiRouteBuilder.json(e, mapper.writeValueAsString(runs.history(n)));
                });
        from("direct:apiSyncRun").routeId("api-sync-run")
                .process(e -> access.requireAdminOrAuditor(RestApiRouteBuilder.caller(e), "read sync runs"))
                .process(e -> {
                    long n = RestApiRouteBuilder.id(e);
                    RestApiRouteBuilder.json(e, mapper.writeValueAsString(runs.view(n).orElseThrow(() -> new ApiProblem(404,
                            "Not found", "id", "no sync run " + n))));
                });
    }

    private void begin(Exchange e) {
        Caller caller = RestApiRouteBuilder.caller(e);
        access.requireAdmin(caller, "start sync runs");
        LiveRun live;
        try {
            live = runs.begin(SyncTrigger.MANUAL_API);
        } catch (SyncRunConflictException ex) {
            throw new ApiProblem(409, "Conflict", null, ex.getMessage());
        }
        tx.executeWithoutResult(s -> audit.record(caller, "START_SYNC_RUN", new AuditTrail.Subject("sync_run",
                String.valueOf(live.id()), null, null, null), null, java.util.Map.of("id", live.id(), "trigger",
                SyncTrigger.MANUAL_API.name()), null));
        // the run gets only its id: no HTTP header of the request travels with it
        e.getMessage().removeHeaders("*");
        e.getMessage().setBody(null);
        e.getMessage().setHeader(SyncRunHeaders.RUN_ID, live.id());
    }

}
