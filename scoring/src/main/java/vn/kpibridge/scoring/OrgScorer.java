package vn.kpibridge.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores a whole organisation for one period, bottom-up through its {@link OrgChart}, with the
 * EXCELLENT quota per unit.
 *
 * <p>The evaluation tree follows seed 002 II.3: inside a unit every employee is evaluated by the
 * unit's head (or by the colleague named in {@link EvaluationSubject#reportsTo()}, e.g. the deputy
 * in charge of their field); the head of a unit is evaluated by the head of the nearest ancestor
 * unit that has one (employees of a unit without a head likewise). A leader's term d (seed 002
 * III.4.2: 100% when every employee "thuộc thẩm quyền quản lý" scores at least COMPLETED level,
 * else 50%) is computed from the results of the employees they directly evaluate; a deputy who
 * evaluates nobody explicitly answers for the unit's members evaluated by the head ("lĩnh vực được
 * giao phụ trách" read as the unit when no field is assigned). So child units are scored before
 * their parent, and inside a unit subordinates before their leader.
 *
 * <p>Units are processed in parallel (a fork-join task per unit, children first); within a unit the
 * costly part ({@link ScoringEngine#prepare}: the item table) runs for everyone, then
 * {@link ScoringEngine#finish} in dependency order, then {@link ExcellentQuota}. Each finished unit
 * is handed to the sink at once and only the outcomes its parent needs are kept, so memory stays
 * flat with the size of the province.
 *
 * <p>Business errors never block the batch: an employee whose input does not fit the scheme gets
 * status ERROR with the reason; a unit whose structure is inconsistent (two heads, a
 * {@code reportsTo} outside the unit or looping, the same employee twice) gets a
 * {@link UnitOutcome#error()} and ERROR results. Exceptions thrown by the source or the sink abort
 * the batch.
 */
public final class OrgScorer {
    private final ScoringEngine engine;
    private final int parallelism;

    /**
     * @param scheme the scheme; work runs on as many threads as there are processors
     */
    public OrgScorer(Scheme scheme) {
        this(scheme, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param scheme the scheme
     * @param parallelism number of worker threads (&gt;= 1)
     * @throws IllegalArgumentException when parallelism &lt; 1
     */
    public OrgScorer(Scheme scheme, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.engine = new ScoringEngine(scheme);
        this.parallelism = parallelism;
    }

    /**
     * Counts of a batch.
     *
     * @param units units scored
     * @param employees employees scored (any status)
     * @param items work items scored
     * @param unitErrors units with a structural error
     */
    public record BatchStats(int units, long employees, long items, int unitErrors) {
    }

    /**
     * Scores every unit of the chart, streaming.
     *
     * @param period the month or quarter
     * @param chart the unit tree
     * @param source gives the employees of a unit (their {@code unitCode} must be the unit's);
     *     called once per unit, from worker threads, so it must be thread-safe; null means none
     * @param sink receives each finished unit, children before parents, from worker threads: it
     *     must be thread-safe
     * @return the counts
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the period does not fit the scheme (a quarter for a
     *     monthly scheme or the reverse)
     * @throws RuntimeException whatever the source or the sink throws
     */
    public BatchStats score(Period period, OrgChart chart, Function<OrgUnit, List<EvaluationSubject>> source,
            Consumer<UnitOutcome> sink) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        engine.checkPeriod(period);
        Run run = new Run(period, chart, source, sink);
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            pool.invoke(new RecursiveTask<Void>() {
                @Override
                protected Void compute() {
                    List<UnitTask> tasks = chart.roots().stream().map(u -> new UnitTask(run, u)).toList();
                    invokeAll(tasks);
                    return null;
                }
            });
        } finally {
            pool.shutdown();
        }
        return new BatchStats(run.units.intValue(), run.employees.get(), run.items.get(), run.errors.intValue());
    }

    /**
     * Scores every unit and collects the outcomes: the convenience form of
     * {@link #score(Period, OrgChart, Function, Consumer)} for requests that fit in memory.
     *
     * @param period the month or quarter
     * @param chart the unit tree
     * @param subjects every employee, any order
     * @return one outcome per unit, in chart order
     * @throws IllegalArgumentException when an employee names a unit the chart does not have
     */
    public List<UnitOutcome> scoreAll(Period period, OrgChart chart, Collection<EvaluationSubject> subjects) {
        Map<String, List<EvaluationSubject>> byUnit = new HashMap<>();
        for (EvaluationSubject s : subjects) {
            if (chart.unit(s.unitCode()).isEmpty()) {
                throw new IllegalArgumentException("employee " + s.employeeId() + ": unit " + s.unitCode()
                        + " is not in the org chart");
            }
            byUnit.computeIfAbsent(s.unitCode(), k -> new ArrayList<>()).add(s);
        }
        Map<String, UnitOutcome> outcomes = new ConcurrentHashMap<>();
        score(period, chart, u -> byUnit.getOrDefault(u.code(), List.of()), o -> outcomes.put(o.unit().code(), o));
        return chart.units().stream().map(u -> outcomes.get(u.code())).toList();
    }

    private final class Run {
        final Period period;
        final OrgChart chart;
        final Function<OrgUnit, List<EvaluationSubject>> source;
        final Consumer<UnitOutcome> sink;
        final AtomicLong units = new AtomicLong();
        final AtomicLong employees = new AtomicLong();
        final AtomicLong items = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        Run(Period period, OrgChart chart, Function<OrgUnit, List<EvaluationSubject>> source, Consumer<UnitOutcome> sink) {
            this.period = period;
            this.chart = chart;
            this.source = source;
            this.sink = sink;
        }
    }

    /** Scores a unit after its children; returns the outcomes the parent's head evaluates. */
    private final class UnitTask extends RecursiveTask<List<SubordinateOutcome>> {
        private final Run run;
        private final OrgUnit unit;

        UnitTask(Run run, OrgUnit unit) {
            this.run = run;
            this.unit = unit;
        }

        @Override
        protected List<SubordinateOutcome> compute() {
            List<UnitTask> kids = run.chart.children(unit.code()).stream().map(u -> new UnitTask(run, u)).toList();
            List<SubordinateOutcome> fromChildren = new ArrayList<>();
            if (!kids.isEmpty()) {
                invokeAll(kids);
                for (UnitTask k : kids) {
                    fromChildren.addAll(k.join());
                }
            }
            return scoreUnit(run, unit, fromChildren);
        }
    }

    private static final String UP = "\u0000up";

    /**
     * A unit that cannot be scored: every subject fails with the unit's error, in the order given,
     * the outcome goes to the sink and the failures go up to the parent's head.
     */
    private List<SubordinateOutcome> failUnit(Run run, OrgUnit unit, List<EvaluationSubject> subjects, String error,
            List<SubordinateOutcome> fromChildren) {
        run.errors.incrementAndGet();
        String schemeId = engine.scheme().id();
        List<EmployeeResult> failed = subjects.stream()
                .map(s -> EmployeeResult.failed(schemeId, run.period, s, "unit " + unit.code() + ": " + error)).toList();
        run.sink.accept(new UnitOutcome(unit, failed, List.of(), error));
        return upwardOfFailed(failed, fromChildren);
    }

    private List<SubordinateOutcome> scoreUnit(Run run, OrgUnit unit, List<SubordinateOutcome> fromChildren) {
        List<EvaluationSubject> given = run.source.apply(unit);
        List<EvaluationSubject> subjects = given == null ? List.of() : given;
        String schemeId = engine.scheme().id();
        String error = structureError(unit, subjects);
        run.units.incrementAndGet();
        run.employees.addAndGet(subjects.size());
        if (error != null) {
            return failUnit(run, unit, subjects, error, fromChildren);
        }
        // heads first, then deputies, then members: the order results are reported in
        List<EvaluationSubject> ordered = new ArrayList<>(subjects.size());
        for (Role role : Role.values()) {
            for (EvaluationSubject s : subjects) {
                if (s.role() == role) {
                    ordered.add(s);
                }
            }
        }
        EvaluationSubject head = ordered.isEmpty() || ordered.get(0).role() != Role.HEAD ? null : ordered.get(0);
        int n = ordered.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(ordered.get(i).employeeId(), i);
        }
        // who evaluates whom
        String[] manager = new String[n];
        List<List<Integer>> reports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            reports.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            EvaluationSubject s = ordered.get(i);
            manager[i] = s.reportsTo() != null ? s.reportsTo() : (s.role() != Role.HEAD && head != null ? head.employeeId() : UP);
            if (manager[i] != UP) {
                reports.get(index.get(manager[i])).add(i);
            }
        }
        // d basis of each leader: direct reports; a deputy with none answers for the head's members
        List<List<Integer>> basis = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EvaluationSubject s = ordered.get(i);
            List<Integer> b = reports.get(i);
            if (s.role() == Role.DEPUTY && b.isEmpty()) {
                b = new ArrayList<>();
                String defaultManager = head == null ? UP : head.employeeId();
                for (int j = 0; j < n; j++) {
                    if (ordered.get(j).role() == Role.MEMBER && manager[j].equals(defaultManager)) {
                        b.add(j);
                    }
                }
            }
            basis.add(b);
        }
        // order: everyone after their basis (Kahn); a loop is a unit error
        int[] pending = new int[n];
        List<List<Integer>> dependants = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dependants.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j : basis.get(i)) {
                pending[i]++;
                dependants.get(j).add(i);
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Integer> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(i);
            for (int k : dependants.get(i)) {
                if (--pending[k] == 0) {
                    ready.add(k);
                }
            }
        }
        if (order.size() < n) {
            List<String> looping = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    looping.add(ordered.get(i).employeeId());
                }
            }
            return failUnit(run, unit, ordered, "reportsTo loops through " + looping, fromChildren);
        }

        ScoringEngine.Prepared[] prepared = new ScoringEngine.Prepared[n];
        EmployeeResult[] results = new EmployeeResult[n];
        long items = 0;
        for (int i = 0; i < n; i++) {
            EvaluationSubject s = ordered.get(i);
            items += s.input().items().size();
            try {
                prepared[i] = engine.prepare(run.period, s, unit);
            } catch (RuntimeException e) {
                results[i] = EmployeeResult.failed(schemeId, run.period, s, message(s, e));
            }
        }
        run.items.addAndGet(items);
        SubordinateOutcome[] outcomes = new SubordinateOutcome[n];
        for (int i : order) {
            EvaluationSubject s = ordered.get(i);
            if (results[i] == null) {
                List<SubordinateOutcome> subs = null;
                if (engine.usesLeaderTerms(s)) {
                    subs = new ArrayList<>();
                    for (int j : basis.get(i)) {
                        subs.add(outcomes[j]);
                    }
                    if (s.role() == Role.HEAD) {
                        subs.addAll(fromChildren);
                    }
                }
                try {
                    results[i] = engine.finish(prepared[i], subs);
                } catch (RuntimeException e) {
                    results[i] = EmployeeResult.failed(schemeId, run.period, s, message(s, e));
                }
                prepared[i] = null;
            }
            outcomes[i] = SubordinateOutcome.of(results[i]);
        }
        List<EmployeeResult> list = List.of(results);
        List<QuotaOutcome> quotas = List.of();
        String unitError = null;
        try {
            ExcellentQuota.Applied applied = ExcellentQuota.apply(engine.scheme(), unit, list);
            list = applied.results();
            quotas = applied.outcomes();
        } catch (IllegalArgumentException e) {
            unitError = e.getMessage();
            run.errors.incrementAndGet();
        }
        run.sink.accept(new UnitOutcome(unit, list, quotas, unitError));

        List<SubordinateOutcome> up = new ArrayList<>();
        if (head != null) {
            up.add(outcomes[0]);
        } else {
            for (int i = 0; i < n; i++) {
                if (manager[i] == UP) {
                    up.add(outcomes[i]);
                }
            }
            up.addAll(fromChildren);
        }
        return up;
    }

    /** A failed unit passes up its head(s) as errors; without a head, everyone and its children's outcomes. */
    private static List<SubordinateOutcome> upwardOfFailed(List<EmployeeResult> failed, List<SubordinateOutcome> fromChildren) {
        List<SubordinateOutcome> up = new ArrayList<>();
        failed.stream().filter(r -> r.role() == Role.HEAD).forEach(r -> up.add(SubordinateOutcome.of(r)));
        if (up.isEmpty()) {
            failed.forEach(r -> up.add(SubordinateOutcome.of(r)));
            up.addAll(fromChildren);
        }
        return up;
    }

    private static String message(EvaluationSubject s, RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.contains(s.employeeId()) ? m : "employee " + s.employeeId() + ": " + m;
    }

    /** @return why the unit's employees are inconsistent, or null. */
    private static String structureError(OrgUnit unit, List<EvaluationSubject> subjects) {
        Map<String, EvaluationSubject> byId = new LinkedHashMap<>();
        List<String> heads = new ArrayList<>();
        for (EvaluationSubject s : subjects) {
            if (!unit.code().equals(s.unitCode())) {
                return "employee " + s.employeeId() + " belongs to unit " + s.unitCode() + ", not " + unit.code();
            }
            if (byId.put(s.employeeId(), s) != null) {
                return "employee " + s.employeeId() + " is listed twice";
            }
            if (s.role() == Role.HEAD) {
                heads.add(s.employeeId());
            }
        }
        if (heads.size() > 1) {
            return "two heads " + heads + " (a unit has at most one head)";
        }
        for (EvaluationSubject s : subjects) {
            if (s.reportsTo() == null) {
                continue;
            }
            if (s.role() == Role.HEAD) {
                return "head " + s.employeeId() + " has reportsTo " + s.reportsTo()
                        + "; a head is evaluated by the head of the parent unit";
            }
            if (!byId.containsKey(s.reportsTo())) {
                return "employee " + s.employeeId() + ": reportsTo " + s.reportsTo() + " is not an employee of unit " + unit.code();
            }
        }
        return null;
    }
}
