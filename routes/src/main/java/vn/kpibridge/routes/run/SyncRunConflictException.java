package vn.kpibridge.routes.run;

/** A run cannot start: another is RUNNING in the cluster (its id and instance in the message). */
public class SyncRunConflictException extends RuntimeException {
    private final long runningId;

    /**
     * @param runningId the run under way
     * @param message which run, on which instance, since when
     */
    public SyncRunConflictException(long runningId, String message) {
        super(message);
        this.runningId = runningId;
    }

    /** @return the id of the run under way */
    public long runningId() {
        return runningId;
    }
}
