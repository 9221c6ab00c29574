package vn.kpibridge.routes.run;

import java.util.Properties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The Quartz scheduler of an instance that takes no part in the schedule
 * ({@code kpi.schedule.enabled=false}, e.g. under the {@code sync} command): an in-memory job store
 * that never starts, instead of the clustered JDBC store of {@code spring.quartz.*}. Such an
 * instance then neither checks in to the cluster (table {@code qrtz_scheduler_state}) nor could
 * be handed a firing of the nightly trigger, and its JDBC store does not replace the one of
 * another application context in the same JVM (Quartz keeps job store connections in a JVM-wide
 * registry keyed by scheduler name).
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    /**
     * @param schedule the schedule settings
     * @return a customizer applied after Spring Boot's (which sets the JDBC store)
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SchedulerFactoryBeanCustomizer scheduleOffCustomizer(ScheduleProperties schedule) {
        return factory -> {
            if (schedule.enabled()) {
                return;
            }
            factory.setDataSource(null);
            factory.setNonTransactionalDataSource(null);
            factory.setTransactionManager(null);
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "kpi-bridge-no-schedule");
            p.setProperty("org.quartz.threadPool.threadCount", "1");
            factory.setQuartzProperties(p);
            factory.setAutoStartup(false);
        };
    }
}
