package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;
import vn.kpibridge.routes.config.MappingRegistry;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.security.AccessPolicy;

/**
 * {@code GET /api/v1/mappings/status}: which version of the mapping files is running and whether
 * the last edit loaded (issue 4 point 9), as {@link MappingRegistry.Status} in JSON:
 * {@code {"state": "OK"|"ERROR", "loadedAt": ISO instant, "sources": [...], "files": [...],
 * "reloads": n, "lastCheckAt": ISO instant, "lastError": "file:line: reason" or null,
 * "lastErrorAt": ISO instant or null}}. Served on the REST configuration of
 * {@link RestApiRouteBuilder} ({@code platform-http}, context path {@code /api/v1}).
 */
@Component
public class MappingsApiRouteBuilder extends KpiRouteBuilder {
    private final MappingRegistry registry;
    private final AccessPolicy access;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * @param registry the mapping registry whose status is served
     * @param access who may read it: ADMIN, or an AUDITOR of the whole province
     */
    public MappingsApiRouteBuilder(MappingRegistry registry, AccessPolicy access) {
        this.registry = registry;
        this.access = access;
    }

    @Override
    protected void routes() {
        apiProblems();
        rest("/mappings").description("Mapping files administrators edit")
                .get("/status").description("Running version of the mapping files (loaded at, files, sources) and "
                        + "the error of the last edit that did not load, if any")
                    .produces("application/json")
                    .to("direct:apiMappingsStatus");
        from("direct:apiMappingsStatus").routeId("api-mappings-status")
                .process(e -> access.requireAdminOrAuditor(RestApiRouteBuilder.caller(e), "read the mapping status"))
                .process(e -> RestApiRouteBuilder.json(e, mapper.writeValueAsString(registry.status())));
    }
}
