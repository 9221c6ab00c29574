package vn.kpibridge.routes.run;

/** Names of the Camel headers and exchange properties of the sync run routes. */
public final class SyncRunHeaders {
    /**
     * Header of {@code direct:syncRun}: id of a run already started with
     * {@link SyncRunService#begin} (the API and the {@code sync} command start it first to know
     * its id); absent: the route starts one. Set by the route on its answer.
     */
    public static final String RUN_ID = "KpiSyncRunId";
    /** Header of {@code direct:syncRun} when it starts the run: a {@link SyncTrigger} name (default MANUAL_API). */
    public static final String TRIGGER = "KpiSyncTrigger";
    /** Header of {@code direct:syncRun} for a scheduled run: the Quartz fire time it answers ({@link java.util.Date}). */
    public static final String SCHEDULED_FOR = "KpiSyncScheduledFor";
    /** Exchange property: the {@link LiveRun}. */
    static final String LIVE_RUN = "KpiSyncLiveRun";
    /** Exchange property: the source a {@code sync-run-source} exchange pulls. */
    static final String SOURCE_ID = "KpiSyncSourceId";

    private SyncRunHeaders() {
    }
}
