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

    /**
     * A result without poison records.
     *
     * @param sourceId as the record component
     * @param fileName as the record component
     * @param records as the record component
     * @param stored as the record component
     * @param duplicates as the record component
     * @param mapped as the record component
     * @param unmapped as the record component
     * @param rejected as the record component
     * @param touched as the record component
     */
    public IngestResult(String sourceId, String fileName, int records, int stored, int duplicates, int mapped,
            int unmapped, int rejected, List<EmployeePeriod> touched) {
        this(sourceId, fileName, records, stored, duplicates, mapped, unmapped, rejected, 0, touched);
    }

    /** @return the distinct (unit, period) pairs touched, as the first employee of each. */
    public List<EmployeePeriod> touchedUnits() {
        java.util.Map<String, EmployeePeriod> units = new java.util.LinkedHashMap<>();
        touched.forEach(t -> units.putIfAbsent(t.unitCode() + "|" + t.period(), t));
        return List.copyOf(units.values());
    }
}
