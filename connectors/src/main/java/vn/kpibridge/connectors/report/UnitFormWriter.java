package vn.kpibridge.connectors.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one unit-level report form of a unit and period as an XLSX file. */
@FunctionalInterface
public interface UnitFormWriter {
    /**
     * @param target the .xlsx to write (parent folders are created; written to a temporary name and
     *     moved into place)
     * @param report the unit, period, scheme and results
     * @throws IOException when the file cannot be written
     */
    void write(Path target, UnitReport report) throws IOException;
}
