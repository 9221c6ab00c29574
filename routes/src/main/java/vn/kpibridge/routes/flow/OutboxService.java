package vn.kpibridge.routes.flow;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.kpibridge.routes.persistence.EvaluationEntity;
import vn.kpibridge.routes.persistence.OutboxDeliveryAttemptEntity;
import vn.kpibridge.routes.persistence.OutboxDeliveryAttemptRepository;
import vn.kpibridge.routes.persistence.OutboxMessageEntity;
import vn.kpibridge.routes.persistence.OutboxRepository;
import vn.kpibridge.routes.target.DeliveryClaim;
import vn.kpibridge.routes.target.DeliveryResult;
import vn.kpibridge.routes.target.HrTarget;
import vn.kpibridge.routes.target.HrTargetProperties;
import vn.kpibridge.routes.target.ResultEvents;

/**
 * The transactional outbox: {@link #enqueue} joins the caller's transaction (the one storing the
 * evaluation), so a message exists exactly when its evaluation does; relay routes claim pending
 * messages and mark them delivered. Delivery is at least once; the idempotency key
 * ({@code employee:period:vN}) lets a receiver drop a copy.
 *
 * <p>Targets: the local broker ({@link #EVALUATIONS_QUEUE}, {@link #EVALUATION_FINALIZED_TOPIC},
 * {@link #PERIOD_CLOSED_TOPIC}; relayed inside a database transaction by
 * {@link OutboxRouteBuilder}) and the remote HR system ({@link #HR}; relayed by
 * {@link vn.kpibridge.routes.target.HrTargetRouteBuilder} with a lease per attempt, exponential
 * back-off stored on the row, parking and dead letters, see {@link #claimForDelivery} and
 * {@link #finishAttempt}).
 */
@Service
public class OutboxService {
    /** Target: the Artemis queue of evaluation messages ({@code kpi.queues.evaluations}). */
    public static final String EVALUATIONS_QUEUE = "EVALUATIONS_QUEUE";
    /** Target: the Artemis topic of {@code evaluation.finalized} events ({@code kpi.events.topics.evaluation-finalized}). */
    public static final String EVALUATION_FINALIZED_TOPIC = "EVALUATION_FINALIZED_TOPIC";
    /** Target: the Artemis topic of {@code period.closed} events ({@code kpi.events.topics.period-closed}). */
    public static final String PERIOD_CLOSED_TOPIC = "PERIOD_CLOSED_TOPIC";
    /** Target: the HR system's REST API ({@code mappings/targets/hr.yml}). */
    public static final String HR = HrTarget.TARGET;
    /** Targets on the local broker: the {@code sync} command waits until they are drained. */
    public static final List<String> LOCAL_TARGETS = List.of(EVALUATIONS_QUEUE, EVALUATION_FINALIZED_TOPIC,
            PERIOD_CLOSED_TOPIC);
    /** Remote targets: delivered with back-off; {@code sync} reports them without waiting for them. */
    public static final List<String> REMOTE_TARGETS = List.of(HR);

    /**
     * A message put back to pending by a re-drive.
     *
     * @param id message id
     * @param target target
     * @param idempotencyKey key
     * @param previousStatus PARKED or DEAD
     * @param previousAttempts attempts of the round that ended
     * @param lastAnswer the answer or reason it was parked or dead with
     */
    public record Redriven(long id, String target, String idempotencyKey, String previousStatus, int previousAttempts,
            String lastAnswer) {
    }

    private final OutboxRepository outbox;
    private final OutboxDeliveryAttemptRepository attempts;
    private final HrTarget hr;
    private final HrTargetProperties hrProps;
    private final JdbcTemplate jdbc;
    private final OffsetDateTime startedAt = OffsetDateTime.now();
    private volatile boolean releaseOnNewVersion;

    /**
     * @param outbox messages
     * @param attempts delivery attempts
     * @param hr the HR target (whether the push is on)
     * @param hrProps retry settings of the HR push
     * @param releaseOn {@code kpi.release.on}: when results leave for other systems, see {@link #setReleaseOn}
     * @param jdbc the same database, for the batch insert of {@link #enqueueEvaluations}
     */
    public OutboxService(OutboxRepository outbox, OutboxDeliveryAttemptRepository attempts,
            HrTarget hr, HrTargetProperties hrProps,
            @org.springframework.beans.factory.annotation.Value("${kpi.release.on:publication}") String releaseOn,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        setReleaseOn(releaseOn);
        this.outbox = outbox;
        this.attempts = attempts;
        this.hr = hr;
        this.hrProps = hrProps;
    }

    /**
     * Adds a message in the caller's transaction; a second message with the same target and key
     * is not added.
     *
     * @param target delivery target, e.g. {@link #EVALUATIONS_QUEUE}
     * @param kind message kind, e.g. "evaluation"
     * @param idempotencyKey key the receiver can deduplicate on
     * @param payloadJson JSON payload
     * @param employeeCode employee the message is about (for the delivery status queries), or null
     * @param unitCode unit the message is about, or null
     * @param period period the message is about, or null
     * @return true when the message was added, false when one with the same target and key exists
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String target, String kind, String idempotencyKey, String payloadJson, String employeeCode,
            String unitCode, String period) {
        return add(target, kind, idempotencyKey, payloadJson, null, employeeCode, unitCode, period);
    }

    /** {@link #enqueue} with its own payload, or with the evaluation version it refers to (claim check). */
    private boolean add(String target, String kind, String idempotencyKey, String payloadJson, Long evaluationId,
            String employeeCode, String unitCode, String period) {
        if (outbox.existsByTargetAndIdempotencyKey(target, idempotencyKey)) {
            return false;
        }
        OutboxMessageEntity m = new OutboxMessageEntity();
        m.target = target;
        m.kind = kind;
        m.idempotencyKey = idempotencyKey;
        m.payload = payloadJson;
        m.evaluationId = evaluationId;
        m.employeeCode = employeeCode;
        m.unitCode = unitCode;
        m.period = period;
        outbox.save(m);
        return true;
    }

    /**
     * When results leave for other systems (HR push, {@value ResultEvents#EVALUATION_FINALIZED}
     * events): {@code publication} (the default; issue 6: only approved results go out, when an
     * APPROVER publishes them) or {@code new-version} (as soon as a new evaluation version is
     * stored, labelled PROPOSED; for installations that review and approve outside kpi-bridge).
     * The queue {@code kpi.evaluations} gets every new version either way.
     *
     * @param releaseOn "publication" or "new-version"
     * @throws IllegalArgumentException for any other value
     */
    public void setReleaseOn(String releaseOn) {
        switch (releaseOn == null ? "" : releaseOn.trim()) {
            case "publication" -> releaseOnNewVersion = false;
            case "new-version" -> releaseOnNewVersion = true;
            default -> throw new IllegalArgumentException("kpi.release.on must be publication or new-version, got \""
                    + releaseOn + "\"");
        }
    }

    /**
     * Enqueues what a new evaluation version publishes, in the caller's transaction (the one
     * storing the version): always the message for the queue {@code kpi.evaluations}; with
     * {@code kpi.release.on=new-version} also the {@value ResultEvents#EVALUATION_FINALIZED} event
     * (PROPOSED) and, when the HR push is on ({@link HrTarget#enabled()}), the HR push. All carry
     * the key {@code employee:period:vN}.
     *
     * The version's own messages (queue, HR push) are stored as a reference to the version (claim
     * check, see {@link #payload}); the event carries its own payload.
     *
     * @param o the outcome of a new version ({@code newVersion} true)
     * @param evaluationId id of the stored version ({@code evaluation.id})
     * @throws IllegalArgumentException when the outcome is not a new version
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueEvaluation(ScoreOutcome o, long evaluationId) {
        if (!o.newVersion()) {
            throw new IllegalArgumentException("only a new evaluation version is published: " + o.idempotencyKey());
        }
        String key = o.idempotencyKey();
        String employee = o.evaluation().employeeId();
        String unit = o.evaluation().unitCode();
        add(EVALUATIONS_QUEUE, "evaluation", key, null, evaluationId, employee, unit, o.period());
        if (releaseOnNewVersion) {
            release(key, o.messageJson(), evaluationId, employee, unit, o.period(), "evaluation-version-stored",
                    "PROPOSED");
        }
    }

    /**
     * {@link #enqueueEvaluation} for many new versions with one JDBC batch: the same messages, in
     * the same order (per outcome: queue, then event and HR push when released on new versions); a
     * message whose target and key exist already is not added ({@code on conflict do nothing}).
     *
     * @param outcomes outcomes of new versions ({@code newVersion} true), e.g. of one unit
     * @return messages added
     * @throws IllegalArgumentException when an outcome is not a new version (nothing is added)
     * @throws org.springframework.transaction.IllegalTransactionStateException without a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueEvaluations(List<ScoreOutcome> outcomes) {
        List<Object[]> rows = new ArrayList<>();
        boolean hrOn = releaseOnNewVersion && hr.enabled();
        for (ScoreOutcome o : outcomes) {
            if (!o.newVersion()) {
                throw new IllegalArgumentException("only a new evaluation version is published: " + o.idempotencyKey());
            }
            String key = o.idempotencyKey();
            String employee = o.evaluation().employeeId();
            String unit = o.evaluation().unitCode();
            // the version's own messages: a reference to the stored version, no copy of its result
            rows.add(new Object[] {EVALUATIONS_QUEUE, "evaluation", key, null, employee, unit, o.period(), o.version()});
            if (releaseOnNewVersion) {
                rows.add(new Object[] {EVALUATION_FINALIZED_TOPIC, ResultEvents.EVALUATION_FINALIZED, key,
                        ResultEvents.evaluationFinalized(o.messageJson(), OffsetDateTime.now(), "evaluation-version-stored",
                                "PROPOSED"), employee, unit, o.period(), null});
                if (hrOn) {
                    rows.add(new Object[] {HR, "evaluation", key, null, employee, unit, o.period(), o.version()});
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now();
        int[][] counts = jdbc.batchUpdate("insert into outbox_message (target, kind, idempotency_key, payload, "
                + "evaluation_id, employee_code, unit_code, period, status, attempts, redrives, created_at, updated_at, "
                + "next_attempt_at) values (?, ?, ?, ?::jsonb, (select id from evaluation where employee_code = ? "
                + "and period = ? and version = ?), ?, ?, ?, '" + OutboxMessageEntity.PENDING + "', 0, 0, ?, ?, ?) "
                + "on conflict (target, idempotency_key) do nothing", rows, 500, (ps, r) -> {
                    ps.setString(1, (String) r[0]);
                    ps.setString(2, (String) r[1]);
                    ps.setString(3, (String) r[2]);
                    // a payload of its own (the event) typed as jsonb, parsed once by the server
                    ps.setObject(4, r[3], java.sql.Types.OTHER);
                    // the referenced version: none (-1 finds no row) for a message with its own payload
                    ps.setString(5, (String) r[4]);
                    ps.setString(6, (String) r[6]);
                    ps.setInt(7, r[7] == null ? -1 : (Integer) r[7]);
                    ps.setString(8, (String) r[4]);
                    ps.setString(9, (String) r[5]);
                    ps.setString(10, (String) r[6]);
                    ps.setObject(11, now);
                    ps.setObject(12, now);
                    ps.setObject(13, now);
                });
        int added = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                added += Math.max(c, 0);
            }
        }
        return added;
    }

    /**
     * Enqueues a published (approved) evaluation, in the caller's transaction: the message for the
     * queue {@code kpi.evaluations} (kind {@value ResultEvents#EVALUATION_FINALIZED}) and, with
     * {@code kpi.release.on=publication}, the {@value ResultEvents#EVALUATION_FINALIZED} event
     * (APPROVED) and the HR push when it is on.
     *
     * @param key idempotency key of the publication, {@code employee:period:vN:published:K}
     * @param messageJson the evaluation message with the approved rating
     * @param employee employee code
     * @param unit unit code
     * @param period period code
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueuePublished(String key, String messageJson, String employee, String unit, String period) {
        enqueue(EVALUATIONS_QUEUE, ResultEvents.EVALUATION_FINALIZED, key, messageJson, employee, unit, period);
        if (!releaseOnNewVersion) {
            release(key, messageJson, null, employee, unit, period, "evaluation-published", "APPROVED");
        }
    }

    /** @return the queue message of an evaluation version ({@code employee:period:vN}), if stored */
    public Optional<String> evaluationMessage(String idempotencyKey) {
        return outbox.findByTargetAndIdempotencyKey(EVALUATIONS_QUEUE, idempotencyKey).map(this::payload);
    }

    /**
     * The payload a message delivers: its own, or, for an evaluation version's own message stored
     * as a reference (claim check, migration V11), the version's message built from its stored
     * result ({@link ScoringService#message(String, String, int)}), the same JSON as when it was
     * scored. Read in the caller's transaction.
     *
     * @param m a stored message
     * @return the JSON payload to deliver
     * @throws IllegalStateException when the referenced version cannot be read back
     */
    public String payload(OutboxMessageEntity m) {
        return payload(m.payload, m.evaluationId);
    }

    /**
     * The payloads of claimed messages ({@link #payload(OutboxMessageEntity)}), with one read of the
     * referenced evaluation versions for all of them instead of one per message.
     *
     * @param messages claimed messages
     * @return payload JSON by message id, for every message
     * @throws IllegalStateException when a referenced version cannot be read back
     */
    public Map<Long, String> payloads(List<OutboxMessageEntity> messages) {
        Map<Long, String> byEvaluation = new HashMap<>();
        Long[] ids = messages.stream().filter(m -> m.payload == null && m.evaluationId != null)
                .map(m -> m.evaluationId).distinct().toArray(Long[]::new);
        if (ids.length > 0) {
            jdbc.query("select id, result, period, version from evaluation where id = any(?)", rs -> {
                byEvaluation.put(rs.getLong(1), ScoringService.message(rs.getString(2), rs.getString(3), rs.getInt(4)));
            }, (Object) ids);
        }
        Map<Long, String> out = new HashMap<>();
        for (OutboxMessageEntity m : messages) {
            out.put(m.getId(), m.payload != null ? m.payload : byEvaluation.computeIfAbsent(m.evaluationId,
                    id -> payload(null, id)));
        }
        return out;
    }

    /**
     * {@link #payload(OutboxMessageEntity)} from the two columns.
     *
     * @param ownPayload the message's {@code payload}, or null
     * @param evaluationId its {@code evaluation_id}, used when the payload is null
     * @return the JSON payload to deliver
     * @throws IllegalStateException when both are null or the version cannot be read back
     */
    public String payload(String ownPayload, Long evaluationId) {
        if (ownPayload != null) {
            return ownPayload;
        }
        if (evaluationId == null) {
            throw new IllegalStateException("outbox message with neither payload nor evaluation version");
        }
        return jdbc.queryForObject("select result, period, version from evaluation where id = ?",
                (rs, i) -> ScoringService.message(rs.getString(1), rs.getString(2), rs.getInt(3)), evaluationId);
    }

    /**
     * The event and, when the push is on, the HR message of a released result; the HR message is a
     * reference to the version when {@code evaluationId} is given (it is then the version's own
     * message), else it carries {@code messageJson}.
     */
    private void release(String key, String messageJson, Long evaluationId, String employee, String unit, String period,
            String trigger, String approvalStatus) {
        enqueue(EVALUATION_FINALIZED_TOPIC, ResultEvents.EVALUATION_FINALIZED, key,
                ResultEvents.evaluationFinalized(messageJson, OffsetDateTime.now(), trigger, approvalStatus), employee,
                unit, period);
        if (hr.enabled()) {
            add(HR, "evaluation", key, evaluationId == null ? messageJson : null, evaluationId, employee, unit, period);
        }
    }

    /**
     * Enqueues the {@value ResultEvents#PERIOD_CLOSED} event of a unit and period (emitted when the
     * unit's summary is written until approval exists, see {@link ResultEvents}): one event per
     * distinct set of the employees' latest evaluation versions, none when the unit has no
     * evaluation.
     *
     * @param unit the unit and period (employee code unused)
     * @param latest the latest evaluation version of each employee of the unit for the period
     *     ({@code EvaluationRepository.findLatestByUnitAndPeriod}), as the unit's reports were written from
     * @return true when an event was added
     */
    @Transactional
    public boolean enqueuePeriodClosed(EmployeePeriod unit, List<EvaluationEntity> latest) {
        if (latest.isEmpty()) {
            return false;
        }
        String json = ResultEvents.periodClosed(unit.unitCode(), unit.unitName(), unit.period(), latest,
                OffsetDateTime.now());
        String key = ResultEvents.periodClosedKey(unit.unitCode(), unit.period(), latest);
        return enqueue(PERIOD_CLOSED_TOPIC, ResultEvents.PERIOD_CLOSED, key, json, null, unit.unitCode(), unit.period());
    }

    /**
     * Claims due pending messages of a local target for the current (route) transaction.
     *
     * @param target the target
     * @param limit most messages to claim
     * @return the claimed messages, oldest first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OutboxMessageEntity> claim(String target, int limit) {
        return outbox.claimPending(target, limit);
    }

    /** Marks a claimed message delivered with the target's answer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delivered(OutboxMessageEntity m, String answer) {
        m.status = OutboxMessageEntity.DELIVERED;
        m.attempts++;
        m.lastAnswer = answer;
        m.deliveredAt = OffsetDateTime.now();
        m.lastAttemptAt = m.deliveredAt;
        m.updatedAt = m.deliveredAt;
        outbox.save(m);
    }

    /** @return messages of the local broker targets ({@link #LOCAL_TARGETS}) still pending */
    @Transactional(readOnly = true)
    public long pendingLocal() {
        return outbox.countByTargetInAndStatus(LOCAL_TARGETS, OutboxMessageEntity.PENDING);
    }

    /**
     * @param target a remote target
     * @param limit most ids
     * @return ids of its pending messages that are due, oldest first (not locked: see
     *     {@link #claimForDelivery})
     */
    @Transactional(readOnly = true)
    public List<Long> dueIds(String target, int limit) {
        return outbox.findDueIds(target, limit);
    }

    /**
     * Claims one message for a delivery attempt, in its own short transaction: when it is still
     * pending and due, its attempts go up by one, it is not due again before {@code lease} has
     * passed (so no other relay sends it while the call runs), and the attempt is recorded as
     * SENDING. If the process stops during the call, the lease runs out and the message is sent
     * again, with the same idempotency key, and the cut-off attempt is marked ABANDONED.
     *
     * @param id message id
     * @param lease longest time the call can take
     * @return the claim, or empty when another relay claimed it first or it is no longer due
     */
    @Transactional
    public Optional<DeliveryClaim> claimForDelivery(long id, Duration lease) {
        if (outbox.claimDue(id, lease.toMillis() / 1000.0) == 0) {
            return Optional.empty();
        }
        OutboxMessageEntity m = outbox.findById(id).orElseThrow();
        // an earlier attempt still SENDING belongs to a process that stopped during its call
        attempts.markAbandoned(id, "no answer recorded: the call was cut off (process stopped); the lease ran out "
                + "and the message was sent again with the same key");
        OutboxDeliveryAttemptEntity a = new OutboxDeliveryAttemptEntity();
        a.messageId = id;
        a.round = m.redrives;
        a.attempt = m.attempts;
        a.startedAt = m.lastAttemptAt;
        attempts.save(a);
        return Optional.of(new DeliveryClaim(id, m.target, m.idempotencyKey, payload(m), m.redrives, m.attempts));
    }

    /**
     * Records how an attempt ended, on the attempt row and on the message:
     * <ul>
     *   <li>delivered: DELIVERED, with the answer;</li>
     *   <li>refused (4xx other than 408/429): PARKED with the target's status and answer;</li>
     *   <li>failed (5xx, 408, 429, no answer, a setting missing): PENDING again, due after the
     *       exponential back-off of {@code kpi.targets.hr.retry} (or the target's Retry-After when
     *       longer); DEAD with the reason once {@code max-attempts} attempts have failed.</li>
     * </ul>
     * An attempt whose message was meanwhile claimed again (its lease ran out) or re-driven only
     * updates its attempt row, except that a success still marks a pending message delivered.
     *
     * @param c the claim
     * @param r the result
     * @return the message's status afterwards (PENDING, DELIVERED, PARKED, DEAD), or "GONE" when
     *     the message no longer exists
     */
    @Transactional
    public String finishAttempt(DeliveryClaim c, DeliveryResult r) {
        OffsetDateTime now = OffsetDateTime.now();
        String outcome;
        Optional<OutboxMessageEntity> found = outbox.findForUpdate(c.messageId());
        if (found.isEmpty()) {
            return "GONE";
        }
        OutboxMessageEntity m = found.get();
        boolean current = OutboxMessageEntity.PENDING.equals(m.status) && m.redrives == c.round()
                && m.attempts == c.attempt();
        HrTargetProperties.Retry retry = hrProps.retry();
        switch (r.kind()) {
            case DELIVERED -> outcome = OutboxMessageEntity.DELIVERED;
            case REFUSED -> outcome = OutboxMessageEntity.PARKED;
            default -> outcome = c.attempt() >= retry.maxAttempts() ? OutboxMessageEntity.DEAD
                    : OutboxDeliveryAttemptEntity.RETRY;
        }
        attempts.findByMessageIdAndRoundAndAttempt(c.messageId(), c.round(), c.attempt()).ifPresent(a -> {
            a.finishedAt = now;
            a.outcome = outcome;
            a.httpStatus = r.httpStatus();
            a.answer = r.answer();
            attempts.save(a);
        });
        boolean deliveredLate = r.kind() == DeliveryResult.Kind.DELIVERED && OutboxMessageEntity.PENDING.equals(m.status);
        if (!current && !deliveredLate) {
            return m.status;
        }
        m.lastAnswer = r.answer();
        m.lastStatus = r.httpStatus();
        m.updatedAt = now;
        switch (outcome) {
            case OutboxMessageEntity.DELIVERED -> {
                m.status = OutboxMessageEntity.DELIVERED;
                m.deliveredAt = now;
            }
            case OutboxMessageEntity.PARKED -> m.status = OutboxMessageEntity.PARKED;
            case OutboxMessageEntity.DEAD -> {
                m.status = OutboxMessageEntity.DEAD;
                m.lastAnswer = "gave up after " + c.attempt() + " attempt(s); last: " + r.answer();
            }
            default -> {
                Duration wait = retry.delayAfter(c.attempt());
                if (r.retryAfter() != null && r.retryAfter().compareTo(wait) > 0) {
                    wait = r.retryAfter().compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : r.retryAfter();
                }
                m.nextAttemptAt = now.plus(wait);
            }
        }
        outbox.save(m);
        return m.status;
    }

    /**
     * Puts PARKED and DEAD messages back to PENDING, due now, with their attempts reset (the
     * re-drive count goes up; the last answer stays until the next attempt).
     *
     * @param target only this target, or null for all
     * @param id only this message, or null for all
     * @return the messages re-driven, oldest first (empty when none matched)
     */
    @Transactional
    public List<Redriven> redrive(String target, Long id) {
        List<String> statuses = List.of(OutboxMessageEntity.PARKED, OutboxMessageEntity.DEAD);
        List<OutboxMessageEntity> found;
        if (id != null) {
            found = outbox.findById(id).filter(m -> statuses.contains(m.status))
                    .filter(m -> target == null || target.equals(m.target)).map(List::of).orElse(List.of());
        } else if (target != null) {
            found = outbox.findByTargetAndStatusInOrderById(target, statuses);
        } else {
            found = outbox.findByStatusInOrderById(statuses);
        }
        List<Redriven> out = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        for (OutboxMessageEntity m : found) {
            out.add(new Redriven(m.getId(), m.target, m.idempotencyKey, m.status, m.attempts, m.lastAnswer));
            m.status = OutboxMessageEntity.PENDING;
            m.attempts = 0;
            m.redrives++;
            m.nextAttemptAt = now;
            m.updatedAt = now;
            outbox.save(m);
        }
        return out;
    }

    /**
     * Waits until every remote message stored since the application started has had its first
     * attempt (none is still untried or in a running call), at most one lease
     * ({@link HrTargetProperties#lease()}): the {@code sync} command reports remote deliveries
     * without being held by an unreachable target.
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitFirstRemoteAttempts() throws InterruptedException {
        long deadline = System.nanoTime() + hrProps.lease().toNanos();
        while (System.nanoTime() < deadline && (outbox.countUntried(REMOTE_TARGETS, startedAt) > 0
                || attempts.countByOutcome(OutboxDeliveryAttemptEntity.SENDING) > 0)) {
            Thread.sleep(100);
        }
    }

    /**
     * @param finalizedTopic name of the evaluation.finalized topic, for the line
     * @param closedTopic name of the period.closed topic, for the line
     * @return lines for the {@code sync} summary: events published on the topics, and the HR
     *     push's messages by status (or why it is off), counting messages stored since the
     *     application started
     */
    @Transactional(readOnly = true)
    public List<String> syncReport(String finalizedTopic, String closedTopic) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Object[] row : outbox.countByTargetAndStatusSince(startedAt)) {
            counts.computeIfAbsent((String) row[0], t -> new HashMap<>()).put((String) row[1],
                    ((Number) row[2]).longValue());
        }
        BiFunction<String, String, Long> n = (t, st) -> counts.getOrDefault(t, Map.of()).getOrDefault(st, 0L);
        List<String> lines = new ArrayList<>();
        lines.add("Events published: " + n.apply(EVALUATION_FINALIZED_TOPIC, OutboxMessageEntity.DELIVERED) + " "
                + ResultEvents.EVALUATION_FINALIZED + " on topic " + finalizedTopic + ", "
                + n.apply(PERIOD_CLOSED_TOPIC, OutboxMessageEntity.DELIVERED) + " " + ResultEvents.PERIOD_CLOSED
                + " on topic " + closedTopic);
        if (!hr.enabled() && !counts.containsKey(HR)) {
            lines.add("HR push: off (" + hr.offReason() + ")");
        } else {
            long pending = n.apply(HR, OutboxMessageEntity.PENDING);
            lines.add("HR push (" + hr.describe() + "): " + n.apply(HR, OutboxMessageEntity.DELIVERED) + " delivered, "
                    + pending + " pending, " + n.apply(HR, OutboxMessageEntity.PARKED) + " parked, "
                    + n.apply(HR, OutboxMessageEntity.DEAD) + " dead" + (pending > 0
                            ? " (pending messages are retried with back-off by the service; see GET /api/v1/deliveries)"
                            : ""));
        }
        return lines;
    }

    /**
     * @param id a message id
     * @return the message, if it exists
     */
    @Transactional(readOnly = true)
    public Optional<OutboxMessageEntity> find(long id) {
        return outbox.findById(id);
    }
}
