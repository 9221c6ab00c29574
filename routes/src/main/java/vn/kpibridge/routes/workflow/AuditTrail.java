package vn.kpibridge.routes.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.persistence.AuditEntryEntity;
import vn.kpibridge.routes.persistence.AuditEntryRepository;
import vn.kpibridge.routes.security.Caller;
import vn.kpibridge.routes.persistence.StoredJson;

/**
 * The append-only audit trail (issue 6 point 4; seed 003 "phân quyền chặt chẽ, lưu vết thao
 * tác"): every write records who, when, from where, what, the state before and after (JSON) and
 * the reason, in the same transaction as the write, so an entry exists exactly when the change does.
 * There is no method to change or delete an entry, and the table refuses UPDATE and DELETE (V7).
 */
@Service
public class AuditTrail {
    private final AuditEntryRepository entries;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param entries the entries (one at a time)
     * @param kpiClock the workflow clock ({@code occurred_at})
     * @param jdbc the same database, for the batch insert of {@link #recordAll}
     */
    public AuditTrail(AuditEntryRepository entries, Clock kpiClock, JdbcTemplate jdbc) {
        this.entries = entries;
        this.clock = kpiClock;
        this.jdbc = jdbc;
    }

    /**
     * One entry of {@link #recordAll}: the arguments of {@link #record}.
     *
     * @param caller who and from where
     * @param action what
     * @param subject what was touched
     * @param before state before (JSON text, a Jackson node or any Jackson-serialisable value), or null
     * @param after state after, or null
     * @param reason the reason given, or null
     */
    public record Entry(Caller caller, String action, Subject subject, Object before, Object after, String reason) {
    }

    /**
     * Appends many entries in the caller's transaction with one JDBC batch, in the order given
     * (ids ascending): the same rows as calling {@link #record} for each, all with the same
     * {@code occurred_at} (now, by the workflow clock).
     *
     * @param batch the entries; nothing happens when empty
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     * @throws IllegalStateException when a state cannot be written as JSON
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String[]> rows = new java.util.ArrayList<>(batch.size());
        for (Entry e : batch) {
            Subject s = e.subject();
            rows.add(new String[] {e.caller().name(), e.caller().principal().rolesText(),
                    e.caller().principal().authMethod(), e.caller().remoteAddress(), e.action(), s.type(), s.key(),
                    s.employeeCode(), s.unitCode(), s.period(), json(e.before()), json(e.after()), e.reason()});
        }
        jdbc.batchUpdate("insert into audit_entry (occurred_at, actor, actor_roles, auth_method, remote_address, action, "
                + "entity_type, entity_key, employee_code, unit_code, period, before_json, after_json, reason) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)", rows, 500, (ps, r) -> {
                    ps.setObject(1, now);
                    for (int i = 0; i < r.length; i++) {
                        ps.setString(i + 2, r[i]);
                    }
                });
    }

    /**
     * What a write touched.
     *
     * @param type entity kind: {@code evaluation}, {@code api_key}, {@code record_issue}
     * @param key entity key, e.g. {@code PL-003:2026-06}
     * @param employeeCode the evaluated employee, or null
     * @param unitCode the unit, or null
     * @param period the period, or null
     */
    public record Subject(String type, String key, String employeeCode, String unitCode, String period) {
        /** @return the subject of an employee's evaluation for a period. */
        public static Subject evaluation(String employee, String unit, String period) {
            return new Subject("evaluation", employee + ":" + period, employee, unit, period);
        }
    }

    /**
     * Appends an entry in the caller's transaction.
     *
     * @param caller who and from where
     * @param action what, e.g. {@code SELF_ASSESSMENT}, {@code REVIEW}, {@code APPROVE}
     * @param subject what was touched
     * @param before state before (JSON text, a Jackson node or any Jackson-serialisable value), or null
     * @param after state after, or null
     * @param reason the reason given, or null
     * @return the stored entry
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntryEntity record(Caller caller, String action, Subject subject, Object before, Object after, String reason) {
        AuditEntryEntity a = new AuditEntryEntity();
        a.occurredAt = OffsetDateTime.now(clock);
        a.actor = caller.name();
        a.actorRoles = caller.principal().rolesText();
        a.authMethod = caller.principal().authMethod();
        a.remoteAddress = caller.remoteAddress();
        a.action = action;
        a.entityType = subject.type();
        a.entityKey = subject.key();
        a.employeeCode = subject.employeeCode();
        a.unitCode = subject.unitCode();
        a.period = subject.period();
        a.beforeJson = json(before);
        a.afterJson = json(after);
        a.reason = reason;
        return entries.save(a);
    }

    /**
     * @param employee employee code
     * @param period period code
     * @return the entries of the evaluation, oldest first, as a JSON array of {@code {id, occurredAt,
     *     actor, roles, authMethod, remoteAddress, action, entityType, entityKey, before, after, reason}}
     */
    @Transactional(readOnly = true)
    public ArrayNode ofEvaluation(String employee, String period) {
        ArrayNode out = mapper.createArrayNode();
        for (AuditEntryEntity a : entries.findByEmployeeCodeAndPeriodOrderById(employee, period)) {
            ObjectNode n = out.addObject();
            n.put("id", a.getId());
            n.put("occurredAt", a.occurredAt.toString());
            n.put("actor", a.actor);
            n.put("roles", a.actorRoles);
            n.put("authMethod", a.authMethod);
            n.put("remoteAddress", a.remoteAddress);
            n.put("action", a.action);
            n.put("entityType", a.entityType);
            n.put("entityKey", a.entityKey);
            n.set("before", StoredJson.read(a.beforeJson, "state before of audit entry " + a.getId()));
            n.set("after", StoredJson.read(a.afterJson, "state after of audit entry " + a.getId()));
            n.put("reason", a.reason);
        }
        return out;
    }

    private String json(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof String s) {
            return s;
        }
        try {
            return mapper.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("audit value cannot be written as JSON", e);
        }
    }
}
