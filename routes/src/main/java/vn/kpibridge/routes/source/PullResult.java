package vn.kpibridge.routes.source;

import java.time.LocalDateTime;

/**
 * What one pull of a REST or SQL source did: the body {@code direct:pullRestSource} and
 * {@code direct:pullSqlSource} answer with.
 *
 * @param sourceId source id
 * @param pages pages (REST) or row batches (SQL) taken
 * @param records records received
 * @param skipped records dropped as older than the watermark (client-side filter)
 * @param stored raw records stored for the first time
 * @param duplicates records already stored with the same id and version
 * @param mapped records mapped to a product (or assessments taken)
 * @param unmapped records kept as UNMAPPED with their reason
 * @param rejected records kept as REJECTED with their reason
 * @param quarantined poison records kept as QUARANTINED with the database's message
 * @param employeePeriods (employee, period) pairs sent to scoring
 * @param watermarkBefore watermark the pull started from, or null
 * @param watermarkAfter watermark after the pull (unchanged when no newer record came), or null
 * @param elapsedMs wall time of the pull, milliseconds
 */
public record PullResult(String sourceId, int pages, int records, int skipped, int stored, int duplicates,
        int mapped, int unmapped, int rejected, int quarantined, int employeePeriods, LocalDateTime watermarkBefore,
        LocalDateTime watermarkAfter, long elapsedMs) {
}
