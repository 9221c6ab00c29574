package vn.kpibridge.routes.run;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The nightly schedule ({@code kpi.schedule.*}).
 *
 * @param enabled whether this instance takes part in the schedule (its Quartz scheduler starts and
 *     the route {@code sync-schedule} exists); the {@code sync} command sets it false
 * @param cron Quartz cron expression (seconds first), e.g. {@code 0 0 1 * * ?} = 01:00 every day
 * @param timeZone time zone of the cron expression, e.g. Asia/Ho_Chi_Minh
 */
@ConfigurationProperties(prefix = "kpi.schedule")
public record ScheduleProperties(boolean enabled, String cron, String timeZone) {
}
