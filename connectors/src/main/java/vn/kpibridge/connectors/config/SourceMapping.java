package vn.kpibridge.connectors.config;

import java.util.List;
import java.util.Map;

/**
 * A source mapping file ({@code mappings/sources/*.yml}): how one e-office system's export is
 * read and which catalog, product rules, identity map and scheme apply to it. Paths are relative
 * to the mappings directory.
 *
 * @param id source id, stored with every record, e.g. "eoffice-btc"
 * @param name human-readable name of the system
 * @param recordsField top-level array of the export that holds records (default "records")
 * @param periodField JSON pointer of the period in the export header (default "/period")
 * @param catalog catalog file, e.g. "catalogs/ban-to-chuc-tinh-uy.yml"
 * @param productRules product rule file
 * @param identities identity map file (CSV)
 * @param scheme scheme id, a file {@code <id>.yml} under the schemes directory
 * @param recordTypes value map: source type value -> TASK / ASSESSMENT
 * @param fields normalised field name -> JSON pointer into the record, e.g. "plannedQuantity": "/plan/quantity"
 * @param dateFormats accepted date patterns, tried in order (e.g. "yyyy/MM/dd", "yyyy-MM-dd", "dd/MM/yyyy")
 * @param statuses value map for the status field
 */
public record SourceMapping(
        String id,
        String name,
        String recordsField,
        String periodField,
        String catalog,
        String productRules,
        String identities,
        String scheme,
        Map<String, String> recordTypes,
        Map<String, String> fields,
        List<String> dateFormats,
        Map<String, String> statuses) {

    /** Fills defaults: records field "records", period field "/period", ISO dates. */
    public SourceMapping {
        recordsField = recordsField == null ? "records" : recordsField;
        periodField = periodField == null ? "/period" : periodField;
        recordTypes = recordTypes == null ? Map.of() : Map.copyOf(recordTypes);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        dateFormats = dateFormats == null ? List.of("yyyy-MM-dd") : List.copyOf(dateFormats);
        statuses = statuses == null ? Map.of() : Map.copyOf(statuses);
    }
}
