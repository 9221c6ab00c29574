package vn.kpibridge.routes.run;

import java.lang.management.ManagementFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of sync runs ({@code kpi.sync-run.*}) and of their schedule ({@code kpi.schedule.*}).
 *
 * @param instanceId name of this instance in {@code sync_run.instance_id}; empty: host name and
 *     process id ("host-1:4242")
 * @param progressIntervalMs how often a running run writes its per-source counts and heartbeat to
 *     the database, milliseconds
 * @param staleAfterSeconds a RUNNING run whose heartbeat is older than this is taken as
 *     interrupted (its instance was killed): the next run marks it INTERRUPTED and starts
 * @param inboxTimeoutSeconds longest wait for the file inbox to be drained within a run, seconds
 * @param partitionConsumers consumers of the partitions queue on this instance
 * @param partitionTimeoutSeconds longest wait, once the pulls are done, for every partition of the
 *     run to be re-scored by the instances, seconds; then the run ends FAILED
 * @param reportConsumers consumers of the reports queue on this instance (each writes one unit's
 *     reports at a time)
 * @param reportTimeoutSeconds longest wait, once the run's partitions are re-scored, for every
 *     report of the run to be written or failed, seconds; then the run ends FAILED (the scores stay
 *     stored, the next run writes the reports still owed)
 */
@ConfigurationProperties(prefix = "kpi.sync-run")
public record SyncRunProperties(String instanceId, long progressIntervalMs, long staleAfterSeconds,
        long inboxTimeoutSeconds, int partitionConsumers, long partitionTimeoutSeconds, int reportConsumers,
        long reportTimeoutSeconds) {

    /** @return {@link #instanceId()}, or "host:pid" of this process when not set */
    public String instance() {
        if (instanceId != null && !instanceId.isBlank()) {
            return instanceId;
        }
        // RuntimeMXBean name is "pid@host"
        String[] pidHost = ManagementFactory.getRuntimeMXBean().getName().split("@", 2);
        return (pidHost.length == 2 ? pidHost[1] : "kpi-bridge") + ":" + pidHost[0];
    }
}
