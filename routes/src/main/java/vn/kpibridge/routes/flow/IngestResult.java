package vn.kpibridge.routes.flow;

import java.util.List;

/**
 * What taking in one file (or one page or batch of a pull) did.
 *
 * @param sourceId source id
 * @param fileName file name relative to the inbox
 * @param records records in the file
 * @param stored raw records stored for the first time
 * @param duplicates records whose (id, version) was already stored
 * @param mapped task records mapped to a product (or assessments taken)
 * @param unmapped records kept as UNMAPPED with their reason
 * @param rejected records kept as REJECTED with their reason
 * @param quarantined poison records: records the database refused for their data (a NUL character,
 *     a number beyond its column's precision, a text too long), kept as QUARANTINED with the
 *     database's message while the rest of the file was stored
 * @param touched (employee, period) pairs to re-score, distinct, in first-seen order
 */
public record IngestResult(String sourceId, String fileName, int records, int stored, int duplicates, int mapped,
        int unmapped, int rejected, int quarantined, List<EmployeePeriod> touched) {
}
