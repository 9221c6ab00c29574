package vn.kpibridge.routes.run;

/** State of one source within a sync run (column {@code sync_run_source.status}). */
public enum SourceRunStatus {
    /** Not reached yet. */
    PENDING,
    /** Being pulled (REST, SQL) or taken in (file inbox). */
    RUNNING,
    /** Pulled completely; its watermark advanced. */
    COMPLETED,
    /** The pull failed after its redeliveries (source down, refused credentials...); see the error text. */
    FAILED,
    /** Not configured on this installation (a connection setting or credential is not set): not pulled. */
    SKIPPED,
    /** The application stopped before or during this source. */
    INTERRUPTED
}
