package vn.kpibridge.connectors.config;

import java.nio.file.Path;
import java.util.List;
import vn.kpibridge.scoring.Product;

/**
 * What reading one catalog file gave (see {@link MappingFiles#readCatalog(Path)}): the versions
 * and products that were read, where each product row is, and every error found, so that
 * {@code mappings validate} can report them all at once while the application's loader
 * ({@link MappingFiles#loadCatalog(Path)}) refuses the file at its first error.
 *
 * @param file the catalog YAML file
 * @param catalog the versions that could be built (a version whose product table has a bad row
 *     is built from its good rows), or null when the YAML itself is unusable
 * @param rows every product read, with its table file and line (CSV line or Excel row number)
 * @param errors every error, in file order, each naming file, line and reason (XLSX errors also
 *     name the sheet, cell and column); empty when the catalog is valid
 */
public record CatalogReading(Path file, CatalogVersions catalog, List<ProductRow> rows,
        List<MappingFileException> errors) {

    /** Copies the lists. */
    public CatalogReading {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    /**
     * One product row of a version's table.
     *
     * @param version the catalog version label, e.g. "2026.1"
     * @param product the product as read
     * @param file the table file (.csv or .xlsx)
     * @param line 1-based CSV line or Excel row number of the row
     */
    public record ProductRow(String version, Product product, Path file, int line) {
    }

    /**
     * @return the catalog versions
     * @throws MappingFileException the first error, when there is one
     */
    public CatalogVersions orThrow() {
        if (!errors.isEmpty()) {
            throw errors.get(0);
        }
        return catalog;
    }
}
