package vn.kpibridge.routes.run;

/** State of a sync run (column {@code sync_run.status}). */
public enum SyncRunStatus {
    /** Under way; at most one run of the cluster is in this state. */
    RUNNING,
    /** Every configured source was taken in (sources not configured on this installation are SKIPPED). */
    COMPLETED,
    /** At least one source failed after its redeliveries; the others were taken in. */
    PARTIAL,
    /** Every source that was tried failed, or the run itself failed (database, inbox time-out). */
    FAILED,
    /**
     * The application stopped during the run (graceful shutdown, or a kill noticed through the
     * missing heartbeat); what was stored stays, watermarks stand at the last complete pull.
     */
    INTERRUPTED
}
