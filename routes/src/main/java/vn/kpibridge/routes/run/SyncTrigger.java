package vn.kpibridge.routes.run;

/** What started a sync run (column {@code sync_run.triggered_by}). */
public enum SyncTrigger {
    /** The cron schedule {@code kpi.schedule.cron} (Quartz, one instance of the cluster). */
    SCHEDULED,
    /** The {@code sync} command. */
    MANUAL_CLI,
    /** {@code POST /api/v1/sync-runs}. */
    MANUAL_API
}
