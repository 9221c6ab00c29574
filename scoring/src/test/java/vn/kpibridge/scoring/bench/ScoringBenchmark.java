package vn.kpibridge.scoring.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import vn.kpibridge.scoring.Band;
import vn.kpibridge.scoring.EligibilityStatus;
import vn.kpibridge.scoring.EmployeeInput;
import vn.kpibridge.scoring.EmployeeResult;
import vn.kpibridge.scoring.EvaluationSubject;
import vn.kpibridge.scoring.ItemReview;
import vn.kpibridge.scoring.LeaderAssessment;
import vn.kpibridge.scoring.OrgChart;
import vn.kpibridge.scoring.OrgScorer;
import vn.kpibridge.scoring.OrgUnit;
import vn.kpibridge.scoring.Period;
import vn.kpibridge.scoring.QuotaOutcome;
import vn.kpibridge.scoring.QuotaSettings;
import vn.kpibridge.scoring.Rating;
import vn.kpibridge.scoring.Ratio;
import vn.kpibridge.scoring.Role;
import vn.kpibridge.scoring.RuleCode;
import vn.kpibridge.scoring.Scheme;
import vn.kpibridge.scoring.SchemeKind;
import vn.kpibridge.scoring.Timeline;
import vn.kpibridge.scoring.UnitOutcome;
import vn.kpibridge.scoring.WorkItem;
import vn.kpibridge.scoring.WorkingDays;

/**
 * Benchmark (not a test; {@code mvn test} does not run it): scores a synthetic province for one
 * month with the Hà Nội monthly scheme (seed 002) through {@link OrgScorer}: every employee's Bảng 2
 * table and ratios, the bottom-up leader pass (d from subordinates, province -&gt; departments -&gt;
 * sub-units), the rules and the EXCELLENT quota per unit and duty group. Inputs are generated per
 * unit on the worker threads, as a source reading one unit at a time would deliver them; finished
 * units are counted and dropped, as a sink writing them out would.
 *
 * <p>Run from the repository root (issue 3 target: under 10 s with under 1 GiB heap on 2 cores):
 *
 * <pre>
 * ./mvnw -q -o -pl scoring test-compile &amp;&amp; java -Xmx1g -cp scoring/target/classes:scoring/target/test-classes \
 *     vn.kpibridge.scoring.bench.ScoringBenchmark [employees=100000] [units=5000] [items=40] [runs=2]
 * </pre>
 *
 * <p>Prints, per run: wall time, employees and items per second, process CPU time and the system
 * load average (other processes on the machine inflate the wall time), peak heap used (sampled every
 * 5 ms) and the sum of the heap pools' peaks (an upper bound), GC count and time; then the rating
 * counts and quota figures, and the time taken by input generation alone.
 */
public final class ScoringBenchmark {
    private static final Period MONTH = Period.parse("2026-06");
    private static final BigDecimal[] COEFFICIENTS = {bd("0.5"), bd("1"), bd("1"), bd("1"), bd("1.2"), bd("1.5"), bd("2"),
            bd("0.75"), bd("1.25"), bd("3")};
    private static final BigDecimal[] SMALL = {bd("0"), bd("1"), bd("2"), bd("3"), bd("4")};
    private static final BigDecimal[] GENERAL = new BigDecimal[31];
    private static final BigDecimal TWENTY_TWO = bd("22");
    private static final BigDecimal TEN = bd("10");
    private static final BigDecimal FACTOR = bd("1.1");

    static {
        for (int i = 0; i <= 30; i++) {
            GENERAL[i] = bd("15").add(bd("0.5").multiply(BigDecimal.valueOf(i)));
        }
    }

    private ScoringBenchmark() {
    }

    private static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    /** The Hà Nội monthly scheme (config/schemes/ha-noi-phuc-loi-monthly.yml), built in code: scoring reads no files. */
    static Scheme scheme() {
        return new Scheme("ha-noi-phuc-loi-monthly", "bench", "seed 002", bd("30"), bd("70"), null,
                List.of(Ratio.QUANTITY, Ratio.QUALITY, Ratio.TIMELINESS), bd("0.25"), bd("1.2"),
                List.of(new Band(Rating.EXCELLENT, bd("90")), new Band(Rating.GOOD, bd("70")), new Band(Rating.COMPLETED, bd("50")),
                        new Band(Rating.NOT_COMPLETED, bd("0"))),
                Set.of(RuleCode.WORKING_DAYS_BELOW_HALF, RuleCode.DISCIPLINE_VIOLATION, RuleCode.EXCELLENT_QUOTA,
                        RuleCode.POINTS_CAPPED),
                SchemeKind.MONTHLY, null, null, null, null, null, QuotaSettings.DEFAULT, null, null, null,
                new Timeline(25, 26, 28, 5, 15));
    }

    /** 1 province, 49 departments, the rest sub-units spread over the departments. */
    static OrgChart province(int units) {
        List<OrgUnit> list = new ArrayList<>(units);
        list.add(OrgUnit.of("U0", "Tỉnh", null));
        int departments = Math.min(49, units - 1);
        for (int i = 1; i <= departments; i++) {
            list.add(OrgUnit.of("U" + i, "Sở " + i, "U0"));
        }
        for (int i = departments + 1; i < units; i++) {
            list.add(OrgUnit.of("U" + i, "Phòng " + i, "U" + (1 + (i % departments))));
        }
        return new OrgChart(list);
    }

    /** The employees of one unit: 1 head, 2 deputies, the rest members in two duty groups. Deterministic. */
    static List<EvaluationSubject> employees(OrgUnit unit, int perUnit, int items) {
        int u = Integer.parseInt(unit.code().substring(1));
        SplittableRandom rnd = new SplittableRandom(0x5EED_0000L + u);
        List<EvaluationSubject> out = new ArrayList<>(perUnit);
        for (int e = 0; e < perUnit; e++) {
            String id = unit.code() + "-E" + e;
            Role role = e == 0 ? Role.HEAD : e <= 2 ? Role.DEPUTY : Role.MEMBER;
            List<WorkItem> list = new ArrayList<>(items);
            // 3% weak performers (most items missed: below 50 points), 25% average, the rest strong
            int profile = rnd.nextInt(100);
            int missPercent = profile < 3 ? 75 : profile < 28 ? 25 : 5;
            for (int i = 0; i < items; i++) {
                int planned = 1 + rnd.nextInt(3);
                int done = rnd.nextInt(100) < missPercent ? rnd.nextInt(planned) : planned;
                int r = rnd.nextInt(100);
                ItemReview review = r < 6 ? new ItemReview(0, 1, 0, null, null, null, null)
                        : r < 9 ? new ItemReview(1, 0, 0, null, null, null, null)
                        : r < 10 ? new ItemReview(1, 1, 0, "Lý do khách quan đã xác nhận", null, null, null)
                        : r < 11 ? new ItemReview(0, 0, 0, null, FACTOR, FACTOR, null)
                        : null;
                list.add(new WorkItem(id + "-" + i, "Sản phẩm " + i, "P" + (i % COEFFICIENTS.length), null,
                        COEFFICIENTS[(i + u) % COEFFICIENTS.length], null, SMALL[planned], SMALL[done], review));
            }
            EmployeeInput input = new EmployeeInput(id, "Cán bộ " + id, role.label(), unit.code(), role != Role.MEMBER,
                    GENERAL[rnd.nextInt(GENERAL.length)], list, null, null);
            EvaluationSubject s = EvaluationSubject.of(input, role).withDutyGroup(role == Role.MEMBER ? (e % 2 == 0 ? "CV" : "KT") : "LD")
                    .withWorkingDays(new WorkingDays(TWENTY_TWO, rnd.nextInt(100) == 0 ? TEN : TWENTY_TWO));
            if (role != Role.MEMBER) {
                s = s.withLeaderAssessment(new LeaderAssessment(rnd.nextInt(10) == 0, "chậm kế hoạch", rnd.nextInt(20) == 0, null));
            }
            if (rnd.nextInt(1000) == 0) {
                s = s.withViolations(List.of("Vi phạm quy chế"));
            }
            out.add(s);
        }
        return out;
    }

    /**
     * @param args employees (100000), units (5000), items per employee (40), runs (2)
     * @throws InterruptedException when interrupted while sampling the heap
     */
    public static void main(String[] args) throws InterruptedException {
        int employees = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int items = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int perUnit = employees / units;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("ScoringBenchmark: %,d employees in %,d units (%d each), %d items each, month %s; %d cores, max heap %,d MiB%n",
                (long) perUnit * units, units, perUnit, items, MONTH.code(), cores, Runtime.getRuntime().maxMemory() >> 20);
        Scheme scheme = scheme();
        OrgChart chart = province(units);
        for (int run = 1; run <= runs; run++) {
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcBefore = gcCount();
            long gcTimeBefore = gcTime();
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();

            Map<Rating, LongAdder> finals = new EnumMap<>(Rating.class);
            for (Rating r : Rating.values()) {
                finals.put(r, new LongAdder());
            }
            LongAdder notRated = new LongAdder();
            LongAdder errors = new LongAdder();
            LongAdder quotaGroups = new LongAdder();
            LongAdder proposedForGood = new LongAdder();
            LongAdder tied = new LongAdder();
            LongAdder leadersWithHalfD = new LongAdder();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            OrgScorer.BatchStats stats = new OrgScorer(scheme, cores).score(MONTH, chart, u -> employees(u, perUnit, items),
                    (UnitOutcome o) -> {
                        for (EmployeeResult r : o.results()) {
                            if (r.eligibility().status() == EligibilityStatus.ERROR) {
                                errors.increment();
                            } else if (r.finalProposedRating() == null) {
                                notRated.increment();
                            } else {
                                finals.get(r.finalProposedRating()).increment();
                                if (!r.leaderTerms().isEmpty() && r.leaderTerms().get(0).value().compareTo(BigDecimal.ONE) < 0) {
                                    leadersWithHalfD.increment();
                                }
                            }
                        }
                        for (QuotaOutcome q : o.quotas()) {
                            quotaGroups.increment();
                            proposedForGood.add(q.proposedForGood().size());
                            tied.add(q.tiedAtCap().size());
                        }
                    });
            long wall = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            sampler.interrupt();
            sampler.join();
            long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double seconds = wall / 1e9;
            System.out.printf("run %d: wall %.3f s | %,d units, %,d employees, %,d items | %,.0f items/s, %,.0f employees/s%n",
                    run, seconds, stats.units(), stats.employees(), stats.items(), stats.items() / seconds, stats.employees() / seconds);
            System.out.printf("run %d: process CPU %.3f s (%.2f cores busy on average; includes JIT and GC threads); load average %.2f%n",
                    run, cpu / 1e9, cpu / (double) wall, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("run %d: peak heap used %,d MiB (sampled); sum of heap pool peaks %,d MiB; GC %d collections, %d ms%n",
                    run, peak.get() >> 20, poolPeaks >> 20, gcCount() - gcBefore, gcTime() - gcTimeBefore);
            System.out.printf("run %d: final proposals A %,d / B %,d / C %,d / D %,d; not rated %,d; errors %,d; unit errors %d%n",
                    run, finals.get(Rating.EXCELLENT).sum(), finals.get(Rating.GOOD).sum(), finals.get(Rating.COMPLETED).sum(),
                    finals.get(Rating.NOT_COMPLETED).sum(), notRated.sum(), errors.sum(), stats.unitErrors());
            System.out.printf("run %d: quota groups %,d; proposed for GOOD %,d; tied at cap %,d; leaders with d = 50%%: %,d%n",
                    run, quotaGroups.sum(), proposedForGood.sum(), tied.sum(), leadersWithHalfD.sum());
        }
        // input synthesis alone, same threads: how much of the wall time is the generator's
        ForkJoinPool pool = new ForkJoinPool(cores);
        long g0 = System.nanoTime();
        long generated = pool.submit(() -> chart.units().parallelStream().mapToLong(u -> employees(u, perUnit, items).size()).sum()).join();
        pool.shutdown();
        System.out.printf("input generation alone: %,d employees in %.3f s%n", generated, (System.nanoTime() - g0) / 1e9);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }
}
