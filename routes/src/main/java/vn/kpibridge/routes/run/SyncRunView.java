package vn.kpibridge.routes.run;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A sync run as the API and the {@code sync} command show it ({@code GET /api/v1/sync-runs/{id}}).
 *
 * @param id run id
 * @param trigger SCHEDULED, MANUAL_CLI or MANUAL_API
 * @param status RUNNING, COMPLETED, PARTIAL, FAILED or INTERRUPTED
 * @param instanceId the instance that ran it
 * @param startedAt start time
 * @param scoredAt the time the last partition of the run was re-scored (DONE or FAILED): its
 *     results stored and their outbox messages queued; the report stage follows. Null until then
 * @param finishedAt end time, null while running
 * @param elapsedMs wall time so far or in all, milliseconds
 * @param error why the run is PARTIAL, FAILED or INTERRUPTED (each failed source and its reason), or null
 * @param sources per configured source, in source id order
 * @param partitions the run's re-scoring partitions (source, unit, period) and who processed them
 */
public record SyncRunView(long id, SyncTrigger trigger, SyncRunStatus status, String instanceId,
        OffsetDateTime startedAt, OffsetDateTime scoredAt, OffsetDateTime finishedAt, long elapsedMs, String error, List<Source> sources,
        Partitions partitions) {

    /**
     * The run's partitions ({@link SyncPartition}), counted.
     *
     * @param total partitions of the run (not counting those moved to a later run)
     * @param done re-scored
     * @param failed failed after their redeliveries (dead-lettered), with the reason on the row
     * @param open not yet processed (pending, queued or running)
     * @param newVersions evaluation versions stored by the done ones
     * @param reportsWritten done partitions whose unit's reports (forms, employee workbooks, party
     *     package) were written by the report stage
     * @param reportsFailed done partitions whose reports failed after their redeliveries
     *     (dead-lettered), with the reason on the row; their scores stay stored
     * @param byInstance partitions processed (done, failed or running) per instance id
     */
    public record Partitions(int total, int done, int failed, int open, int newVersions, int reportsWritten,
            int reportsFailed, java.util.Map<String, Integer> byInstance) {

        /** @return done partitions whose reports are neither written nor failed yet */
        public int reportsOwed() {
            return done - reportsWritten - reportsFailed;
        }
    }

    /**
     * One source of the run.
     *
     * @param sourceId source id
     * @param type file-inbox, rest or sql
     * @param status PENDING, RUNNING, COMPLETED, FAILED, SKIPPED or INTERRUPTED
     * @param pages REST pages, SQL row batches or inbox files stored
     * @param records records received
     * @param stored raw records stored for the first time
     * @param duplicates records already stored
     * @param mapped records mapped to a product (or assessments taken)
     * @param unmapped records kept as UNMAPPED
     * @param rejected records kept as REJECTED
     * @param quarantined poison records kept as QUARANTINED (refused by the database for their data)
     * @param errors rejected and quarantined records + rejected files + 1 for a failed pull
     * @param elapsedMs wall time on the source, milliseconds
     * @param error why it failed or was skipped, or null
     */
    public record Source(String sourceId, String type, SourceRunStatus status, int pages, int records, int stored,
            int duplicates, int mapped, int unmapped, int rejected, int quarantined, int errors, long elapsedMs, String error) {
    }
}
