package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.flow.OutboxService;
import vn.kpibridge.routes.persistence.OutboxMessageEntity;

/**
 * Read side of the delivery status (issue 5 point 6): outbox messages per target with their
 * status, attempts and the target's last answer, and one message with every attempt. JSON out.
 * SQL with bound parameters only.
 */
@Service
@Transactional(readOnly = true)
public class DeliveryQueryService {
    /** Most messages one list answers. */
    public static final int MAX_LIMIT = 1000;
    private static final String COLUMNS = "id, target, kind, idempotency_key, employee_code, unit_code, period, status, "
            + "attempts, redrives, created_at, updated_at, delivered_at, next_attempt_at, last_attempt_at, last_status, "
            + "last_answer";

    private final JdbcTemplate jdbc;
    private final OutboxService outbox;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param jdbc the database
     * @param outbox the payload of a message stored as a reference to its evaluation version
     */
    public DeliveryQueryService(JdbcTemplate jdbc, OutboxService outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * @param target a target ({@link OutboxService#LOCAL_TARGETS}, {@link OutboxService#REMOTE_TARGETS}) or null
     * @param status PENDING, DELIVERED, PARKED, DEAD or null
     * @param employee employee code or null
     * @param period period code or null
     * @param limit most messages, 1 to {@value #MAX_LIMIT}
     * @return {@code {count, byStatus {status: n}, deliveries [message...]}}: count and byStatus
     *     over all messages matching target, employee and period; deliveries newest first
     * @throws ApiProblem 400 naming the parameter for an unknown target or status, a malformed
     *     period or a limit out of range
     */
    public String list(String target, String status, String employee, String period, int limit) {
        List<String> targets = Stream.concat(OutboxService.LOCAL_TARGETS.stream(), OutboxService.REMOTE_TARGETS.stream())
                .toList();
        if (target != null && !targets.contains(target)) {
            throw new ApiProblem(400, "Bad request", "target", "target \"" + target + "\" is not one of " + targets);
        }
        if (status != null && !OutboxMessageEntity.STATUSES.contains(status)) {
            throw new ApiProblem(400, "Bad request", "status", "status \"" + status
                    + "\" is not one of PENDING, DELIVERED, PARKED, DEAD");
        }
        if (period != null) {
            RequestBodies.period(period);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiProblem(400, "Bad request", "limit", "limit must be 1 to " + MAX_LIMIT);
        }
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (target != null) {
            where.append(" and target = ?");
            args.add(target);
        }
        if (employee != null) {
            where.append(" and employee_code = ?");
            args.add(employee);
        }
        if (period != null) {
            where.append(" and period = ?");
            args.add(period);
        }
        ObjectNode out = mapper.createObjectNode();
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("select status, count(*) as n from outbox_message" + where + " group by status",
                rs -> {
                    counts.put(rs.getString("status"), rs.getInt("n"));
                }, args.toArray());
        ObjectNode by = mapper.createObjectNode();
        for (String s : List.of(OutboxMessageEntity.PENDING, OutboxMessageEntity.DELIVERED, OutboxMessageEntity.PARKED,
                OutboxMessageEntity.DEAD)) {
            by.put(s, counts.getOrDefault(s, 0));
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status);
        }
        args.add(limit);
        ArrayNode list = mapper.createArrayNode();
        jdbc.query("select " + COLUMNS + " from outbox_message" + where + " order by id desc limit ?",
                rs -> {
                    list.add(message(rs));
                }, args.toArray());
        out.put("count", status == null ? counts.values().stream().mapToInt(Integer::intValue).sum()
                : counts.getOrDefault(status, 0));
        out.set("byStatus", by);
        out.set("deliveries", list);
        return out.toString();
    }

    /**
     * @param id message id
     * @return the message as in {@link #list} plus {@code attemptsLog [{round, attempt, startedAt,
     *     finishedAt, outcome, httpStatus, answer}]} (remote targets) and {@code payload}
     * @throws ApiProblem 404 when there is no such message
     */
    public String message(long id) {
        List<ObjectNode> found = jdbc.query("select " + COLUMNS + ", payload::text as payload_text, evaluation_id from "
                + "outbox_message where id = ?", (rs, n) -> {
                    ObjectNode m = message(rs);
                    String own = rs.getString("payload_text");
                    // an evaluation version's own message is stored as a reference to the version
                    m.set("payload", readTree(own != null ? own
                            : outbox.payload(null, rs.getLong("evaluation_id"))));
                    return m;
                }, id);
        if (found.isEmpty()) {
            throw new ApiProblem(404, "Not found", "id", "no outbox message " + id);
        }
        ObjectNode m = found.get(0);
        ArrayNode log = m.putArray("attemptsLog");
        jdbc.query("select round, attempt, started_at, finished_at, outcome, http_status, answer from "
                + "outbox_delivery_attempt where message_id = ? order by id", rs -> {
                    ObjectNode a = log.addObject();
                    a.put("round", rs.getInt("round"));
                    a.put("attempt", rs.getInt("attempt"));
                    a.put("startedAt", time(rs, "started_at"));
                    a.put("finishedAt", time(rs, "finished_at"));
                    a.put("outcome", rs.getString("outcome"));
                    a.put("httpStatus", (Integer) rs.getObject("http_status"));
                    a.put("answer", rs.getString("answer"));
                }, id);
        return m.toString();
    }

    private ObjectNode message(ResultSet rs) throws SQLException {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", rs.getLong("id"));
        n.put("target", rs.getString("target"));
        n.put("kind", rs.getString("kind"));
        n.put("idempotencyKey", rs.getString("idempotency_key"));
        n.put("employeeCode", rs.getString("employee_code"));
        n.put("unitCode", rs.getString("unit_code"));
        n.put("period", rs.getString("period"));
        String status = rs.getString("status");
        n.put("status", status);
        n.put("attempts", rs.getInt("attempts"));
        n.put("redrives", rs.getInt("redrives"));
        n.put("createdAt", time(rs, "created_at"));
        n.put("updatedAt", time(rs, "updated_at"));
        n.put("deliveredAt", time(rs, "delivered_at"));
        n.put("nextAttemptAt", OutboxMessageEntity.PENDING.equals(status) ? time(rs, "next_attempt_at") : null);
        n.put("lastAttemptAt", time(rs, "last_attempt_at"));
        n.put("lastStatus", (Integer) rs.getObject("last_status"));
        n.put("lastAnswer", rs.getString("last_answer"));
        return n;
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toString();
    }

    private com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }
}
