package vn.kpibridge.routes.flow;

import java.util.List;

/**
 * What taking in one file did.
 *
 * @param sourceId source id
 * @param fileName file name relative to the inbox
 * @param records records in the file
 * @param stored raw records stored for the first time
 * @param duplicates records whose (id, version) was already stored
 * @param mapped task records mapped to a product (or assessments taken)
 * @param unmapped records kept as UNMAPPED with their reason
 * @param rejected records kept as REJECTED with their reason
 * @param touched (employee, period) pairs to re-score, distinct, in first-seen order
 */
public record IngestResult(String sourceId, String fileName, int records, int stored, int duplicates, int mapped,
        int unmapped, int rejected, List<EmployeePeriod> touched) {

    /** @return the distinct (unit, period) pairs touched, as the first employee of each. */
    public List<EmployeePeriod> touchedUnits() {
        java.util.Map<String, EmployeePeriod> units = new java.util.LinkedHashMap<>();
        touched.forEach(t -> units.putIfAbsent(t.unitCode() + "|" + t.period(), t));
        return List.copyOf(units.values());
    }
}
