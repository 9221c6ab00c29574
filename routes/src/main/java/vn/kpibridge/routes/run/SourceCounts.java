package vn.kpibridge.routes.run;

/**
 * What a run did with one source so far.
 *
 * @param pages REST pages, SQL row batches or inbox files stored
 * @param records records received
 * @param stored raw records stored for the first time
 * @param duplicates records already stored with the same id and version
 * @param mapped records mapped to a product (or assessments taken)
 * @param unmapped records kept as UNMAPPED
 * @param rejected records kept as REJECTED
 * @param quarantined poison records kept as QUARANTINED (refused by the database for their data)
 * @param errors rejected and quarantined records + rejected files + 1 for a failed pull
 * @param elapsedMs wall time spent on the source, milliseconds
 */
public record SourceCounts(int pages, int records, int stored, int duplicates, int mapped, int unmapped,
        int rejected, int quarantined, int errors, long elapsedMs) {
    /** Nothing yet. */
    public static final SourceCounts NONE = new SourceCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
