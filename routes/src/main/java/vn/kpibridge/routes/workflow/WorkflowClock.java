package vn.kpibridge.routes.workflow;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock of the workflow: audit times and deadlines, in the zone of {@code kpi.workflow.zone}. */
@Configuration
public class WorkflowClock {

    /**
     * @param zone time zone deadlines are judged in (default Asia/Ho_Chi_Minh: a deadline "before day
     *     25" ends at midnight Vietnam time)
     * @return the system clock in that zone
     */
    @Bean
    public Clock kpiClock(@Value("${kpi.workflow.zone:Asia/Ho_Chi_Minh}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
