package vn.kpibridge.routes.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import vn.kpibridge.routes.FlowTestSupport;

/**
 * The clustered trigger registered by two schedulers in the same instant, as two instances
 * starting together do: two Quartz schedulers of one cluster ({@code race-check}, its own rows in
 * the application's {@code qrtz_*} tables) on the job store the application uses
 * ({@link LockingDataSourceJobStore}), each under a Camel context with the {@code sync-schedule}
 * endpoint of {@link SyncRunRouteBuilder}; both contexts are started at once behind a barrier, 20
 * times over, the job deleted between rounds.
 *
 * <p>Every round both contexts must start, leaving one job and one trigger. With Spring's plain
 * {@code LocalDataSourceJobStore} the same rounds failed one start in about one round out of four
 * (duplicate key on {@code qrtz_job_details_pkey}, or "Trigger could not be found in quartz
 * scheduler").
 */
class ScheduleRegistrationRaceTest extends FlowTestSupport {
    static final int ROUNDS = 20;
    static final String CLUSTER = "race-check";
    static final String URI = "quartz://kpi-bridge/nightly-sync?cron=0+0+1+*+*+?&trigger.timeZone=Asia/Ho_Chi_Minh"
            + "&stateful=true&recoverableJob=true";

    @Autowired
    QuartzProperties quartzSettings;

    final List<Scheduler> schedulers = new ArrayList<>();
    final ExecutorService starters = Executors.newFixedThreadPool(2);

    @AfterEach
    void shutdown() throws Exception {
        starters.shutdownNow();
        for (Scheduler s : schedulers) {
            s.shutdown();
        }
        jdbc.update("delete from qrtz_cron_triggers where sched_name = ?", CLUSTER);
        jdbc.update("delete from qrtz_triggers where sched_name = ?", CLUSTER);
        jdbc.update("delete from qrtz_job_details where sched_name = ?", CLUSTER);
    }

    @Test
    void twoSchedulersRegisteringTheTriggerAtOnceBothStart() throws Exception {
        Scheduler one = scheduler("one");
        Scheduler two = scheduler("two");
        for (int round = 1; round <= ROUNDS; round++) {
            one.deleteJob(JobKey.jobKey("nightly-sync", "kpi-bridge"));
            DefaultCamelContext a = context(one);
            DefaultCamelContext b = context(two);
            CyclicBarrier together = new CyclicBarrier(2);
            Future<?> startA = starters.submit(() -> {
                together.await();
                a.start();
                return null;
            });
            Future<?> startB = starters.submit(() -> {
                together.await();
                b.start();
                return null;
            });
            try {
                startA.get(30, TimeUnit.SECONDS);
                startB.get(30, TimeUnit.SECONDS);
                assertThat(a.getRouteController().getRouteStatus("sync-schedule")).as("round " + round)
                        .isEqualTo(ServiceStatus.Started);
                assertThat(b.getRouteController().getRouteStatus("sync-schedule")).as("round " + round)
                        .isEqualTo(ServiceStatus.Started);
            } finally {
                a.stop();
                b.stop();
            }
            assertThat(jdbc.queryForObject("select count(*) from qrtz_job_details where sched_name = ?", Integer.class,
                    CLUSTER)).as("round " + round).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from qrtz_cron_triggers where sched_name = ? "
                    + "and cron_expression = '0 0 1 * * ?'", Integer.class, CLUSTER)).as("round " + round).isEqualTo(1);
        }
    }

    private DefaultCamelContext context(Scheduler scheduler) throws Exception {
        DefaultCamelContext c = new DefaultCamelContext();
        QuartzComponent quartz = new QuartzComponent();
        quartz.setScheduler(scheduler);
        quartz.setAutoStartScheduler(false);
        c.addComponent("quartz", quartz);
        c.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(URI).routeId("sync-schedule").log("fired");
            }
        });
        return c;
    }

    /**
     * A scheduler of the cluster with the application's {@code spring.quartz.properties} (job
     * store, clustering, delegate), not started.
     */
    private Scheduler scheduler(String instanceId) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(jdbc.getDataSource());
        Properties p = new Properties();
        p.putAll(quartzSettings.getProperties());
        assertThat(p.getProperty("org.quartz.jobStore.class")).isEqualTo(LockingDataSourceJobStore.class.getName());
        p.setProperty("org.quartz.scheduler.instanceName", CLUSTER);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        factory.setQuartzProperties(p);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        Scheduler s = factory.getScheduler();
        schedulers.add(s);
        return s;
    }
}
