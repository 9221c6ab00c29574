package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.kpibridge.routes.security.AccessPolicy;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.workflow.AuditTrail;
import vn.kpibridge.routes.flow.KpiRouteBuilder;
import vn.kpibridge.routes.flow.OutboxService;
import vn.kpibridge.routes.flow.OutboxService.Redriven;

/**
 * REST endpoints of deliveries (issue 5 points 2 and 6), under {@code /api/v1} (the REST
 * configuration is {@link RestApiRouteBuilder}'s):
 * <ul>
 *   <li>{@code GET /deliveries?target=&status=&employee=&period=&limit=}: outbox messages, newest
 *       first, with status (PENDING, DELIVERED, PARKED, DEAD), attempts, next attempt, the last
 *       answer and counts per status ({@link DeliveryQueryService#list});</li>
 *   <li>{@code GET /deliveries/{id}}: one message with every attempt and its payload;</li>
 *   <li>{@code POST /deliveries/{id}/redrive}: puts a PARKED or DEAD message back to PENDING with
 *       its attempts reset ({@link OutboxService#redrive}); 404 when there is no such message,
 *       409 when it is neither parked nor dead.</li>
 * </ul>
 * Errors are problem+json naming the parameter.
 */
@Component
public class DeliveryRouteBuilder extends KpiRouteBuilder {
    private final DeliveryQueryService queries;
    private final OutboxService outbox;
    private final AccessPolicy access;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param queries delivery status queries
     * @param outbox re-drive
     * @param access who may read (ADMIN, AUDITOR of the province) and re-drive (ADMIN)
     * @param audit the audit trail a re-drive is written to
     * @param tx the transaction a re-drive and its audit entry share
     */
    public DeliveryRouteBuilder(DeliveryQueryService queries, OutboxService outbox, AccessPolicy access,
            AuditTrail audit, TransactionTemplate tx) {
        this.queries = queries;
        this.outbox = outbox;
        this.access = access;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    protected void routes() {
        apiProblems();

        rest("/deliveries").description("Delivery of results to the queue, the event topics and the HR system")
                .get().description("Outbox messages with status, attempts and the target's last answer, newest first")
                    .param().name("target").type(RestParamType.query).required(false)
                        .allowableValues("EVALUATIONS_QUEUE", "EVALUATION_FINALIZED_TOPIC", "PERIOD_CLOSED_TOPIC", "HR")
                        .endParam()
                    .param().name("status").type(RestParamType.query).required(false)
                        .allowableValues("PENDING", "DELIVERED", "PARKED", "DEAD").endParam()
                    .param().name("employee").type(RestParamType.query).required(false).endParam()
                    .param().name("period").type(RestParamType.query).required(false).endParam()
                    .param().name("limit").type(RestParamType.query).required(false).defaultValue("100").endParam()
                    .produces("application/json")
                    .to("direct:apiDeliveries")
                .get("/{id}").description("One outbox message with every delivery attempt and its payload")
                    .produces("application/json")
                    .to("direct:apiDelivery")
                .post("/{id}/redrive").description("Puts a PARKED or DEAD message back to PENDING, attempts reset")
                    .produces("application/json")
                    .to("direct:apiDeliveryRedrive");

        from("direct:apiDeliveries").routeId("api-deliveries")
                .process(e -> access.requireAdminOrAuditor(RestApiRouteBuilder.caller(e), "read delivery status"))
                .process(e -> RestApiRouteBuilder.json(e, queries.list(optional(e, "target"), optional(e, "status"),
                        optional(e, "employee"), optional(e, "period"), limit(e))));
        from("direct:apiDelivery").routeId("api-delivery")
                .process(e -> access.requireAdminOrAuditor(RestApiRouteBuilder.caller(e), "read delivery status"))
                .process(e -> RestApiRouteBuilder.json(e, queries.message(RestApiRouteBuilder.id(e))));
        from("direct:apiDeliveryRedrive").routeId("api-delivery-redrive")
                .process(this::redrive);
    }

    private void redrive(Exchange e) {
        Caller caller = RestApiRouteBuilder.caller(e);
        access.requireAdmin(caller, "re-drive deliveries");
        long id = RestApiRouteBuilder.id(e);
        List<Redriven> done = tx.execute(s -> {
            List<Redriven> r = outbox.redrive(null, id);
            r.forEach(m -> audit.record(caller, "REDRIVE_DELIVERY", new AuditTrail.Subject("outbox_message",
                    String.valueOf(m.id()), null, null, null), java.util.Map.of("status", m.previousStatus(),
                    "attempts", m.previousAttempts(), "lastAnswer", String.valueOf(m.lastAnswer())),
                    java.util.Map.of("status", "PENDING", "attempts", 0), null));
            return r;
        });
        if (done.isEmpty()) {
            String status = outbox.find(id).map(m -> m.status)
                    .orElseThrow(() -> new ApiProblem(404, "Not found", "id", "no outbox message " + id));
            throw new ApiProblem(409, "Conflict", "id", "message " + id + " is " + status
                    + "; only PARKED or DEAD messages are re-driven");
        }
        Redriven r = done.get(0);
        ObjectNode n = mapper.createObjectNode();
        n.put("redriven", 1);
        ArrayNode list = n.putArray("messages");
        ObjectNode m = list.addObject();
        m.put("id", r.id());
        m.put("target", r.target());
        m.put("idempotencyKey", r.idempotencyKey());
        m.put("previousStatus", r.previousStatus());
        m.put("previousAttempts", r.previousAttempts());
        m.put("lastAnswer", r.lastAnswer());
        m.put("status", "PENDING");
        RestApiRouteBuilder.json(e, n.toString());
    }


    private static String optional(Exchange e, String name) {
        String v = e.getIn().getHeader(name, String.class);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int limit(Exchange e) {
        String v = optional(e, "limit");
        try {
            return v == null ? 100 : Integer.parseInt(v);
        } catch (NumberFormatException ex) {
            throw new ApiProblem(400, "Bad request", "limit", "limit \"" + v + "\" is not a whole number");
        }
    }
}
