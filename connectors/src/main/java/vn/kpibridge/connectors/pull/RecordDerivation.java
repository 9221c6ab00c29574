package vn.kpibridge.connectors.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.config.SourceMapping.Derive;

/**
 * Prepares one pulled record (an API item or a database row as a JSON object) for the normaliser:
 * the record's own fields are kept unchanged (they are the evidence) and an object
 * {@value SourceMapping#DERIVED} is added with what kpi-bridge derived from them:
 *
 * <ul>
 *   <li>the {@code constants} and {@code extract} (JSONPath / pointer) values of {@link Derive};</li>
 *   <li>{@code period}: "2026-Q2" or "2026-06" from the configured date, when it is readable;</li>
 *   <li>{@code updatedAt} (ISO local date-time) and {@code version} ({@code yyyyMMddHHmmss} as a
 *       number) from the record's updated time, when the source has one.</li>
 * </ul>
 * A record without anything to derive is passed through as it is. Immutable and thread-safe.
 */
public final class RecordDerivation {
    private final Derive derive;
    private final JsonPathFields extract;
    private final JsonLocator updated;
    private final UpdatedTimes times;
    private final JsonLocator periodFrom;
    private final List<DateTimeFormatter> dateFormats;

    /** What derivation gave for one record.
     *
     * @param payload the record to store and normalise: the original fields plus {@code _derived}
     * @param updatedAt the record's updated time, or null when the source has none or it is unreadable
     */
    public record Derived(JsonNode payload, LocalDateTime updatedAt) {
    }

    /**
     * @param derive the derive settings, or null for none
     * @param updatedField location of the updated time, or null when the source has none
     * @param times how updated times are read (used when {@code updatedField} is set)
     * @param dateFormats the mapping's date patterns, for the period date
     * @throws IllegalArgumentException when an expression or pattern is invalid
     */
    public RecordDerivation(Derive derive, String updatedField, UpdatedTimes times, List<String> dateFormats) {
        this.derive = derive == null ? new Derive(null, null, null) : derive;
        this.extract = new JsonPathFields(this.derive.extract());
        this.updated = updatedField == null ? null : JsonLocator.compile(updatedField);
        this.times = times;
        this.periodFrom = this.derive.period() == null ? null : JsonLocator.compile(this.derive.period().from());
        this.dateFormats = dateFormats.stream().map(DateTimeFormatter::ofPattern).toList();
    }

    /**
     * The derivation a source's records go through: for a REST source {@link #forRest} of its
     * {@code rest:} section; for an SQL or file source its {@link SourceMapping#derive()} (the
     * {@code constants} merged in), without an updated-time field (an SQL row's updated time is its
     * watermark column, given to {@link #apply(JsonNode, LocalDateTime)}).
     *
     * @param mapping a source mapping
     * @return its derivation
     * @throws IllegalArgumentException when an expression or pattern is invalid
     */
    public static RecordDerivation of(SourceMapping mapping) {
        if (mapping.rest() != null) {
            return forRest(mapping.rest(), mapping.dateFormats());
        }
        return new RecordDerivation(mapping.derive(), null, null, mapping.dateFormats());
    }

    /**
     * The derivation of a REST source's items: its {@code rest.derive} and, when the pull is
     * incremental, the updated time read from {@code rest.incremental.updatedField} with its formats
     * and zone ({@link UpdatedTimes}).
     *
     * @param rest the REST settings (a mapping's, or ones given for a single pull)
     * @param dateFormats the mapping's date patterns
     * @return the derivation
     * @throws IllegalArgumentException when an expression or pattern is invalid
     */
    public static RecordDerivation forRest(SourceMapping.Rest rest, List<String> dateFormats) {
        SourceMapping.Incremental inc = rest.incremental();
        return new RecordDerivation(rest.derive(), inc == null ? null : inc.updatedField(),
                inc == null ? null : new UpdatedTimes(inc.formats(), dateFormats, inc.zone()), dateFormats);
    }

    /**
     * @param record one record as received
     * @return the record with its derived values, and its updated time; a record that is not a
     *     JSON object is passed through unchanged (the normaliser rejects it with its reason)
     * @throws IllegalArgumentException when the record already has a field
     *     {@value SourceMapping#DERIVED} that derived values would hide
     */
    public Derived apply(JsonNode record) {
        if (!(record instanceof ObjectNode)) {
            return new Derived(record, null);
        }
        return apply(record, updated == null ? null : times.parse(updated.readValue(record)));
    }

    /**
     * @param record one record as received
     * @param updatedAt its updated time as read by the caller (e.g. a timestamp column), or null
     * @return the record with its derived values, and its updated time; a record that is not a
     *     JSON object is passed through unchanged
     * @throws IllegalArgumentException when the record already has a field {@value SourceMapping#DERIVED}
     */
    public Derived apply(JsonNode record, LocalDateTime updatedAt) {
        if (!(record instanceof ObjectNode object)) {
            return new Derived(record, null);
        }
        boolean nothing = derive.constants().isEmpty() && derive.extract().isEmpty() && periodFrom == null
                && updatedAt == null;
        if (nothing) {
            return new Derived(record, null);
        }
        if (object.has(SourceMapping.DERIVED)) {
            throw new IllegalArgumentException("the record already has a field \"" + SourceMapping.DERIVED
                    + "\"; kpi-bridge's derived values would hide it");
        }
        // a new top-level object sharing the record's fields (never changed): the record stays as received
        ObjectNode payload = object.objectNode();
        payload.setAll(object);
        ObjectNode d = payload.putObject(SourceMapping.DERIVED);
        derive.constants().forEach(d::put);
        extract.extractInto(record, d);
        if (periodFrom != null) {
            LocalDate date = date(periodFrom.readText(record));
            if (date != null) {
                d.put("period", "quarter".equals(derive.period().granularity())
                        ? date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1)
                        : java.time.YearMonth.from(date).toString());
            }
        }
        if (updatedAt != null) {
            d.put("updatedAt", updatedAt.toString());
            // yyyyMMddHHmmss as a number
            d.put("version", ((((updatedAt.getYear() * 100L + updatedAt.getMonthValue()) * 100 + updatedAt.getDayOfMonth())
                    * 100 + updatedAt.getHour()) * 100 + updatedAt.getMinute()) * 100 + updatedAt.getSecond());
        }
        return new Derived(payload, updatedAt);
    }

    private LocalDate date(String v) {
        // null when unparsable: the normaliser rejects the record for its missing period, with the reason
        return vn.kpibridge.connectors.source.SourceDates.parse(v, dateFormats);
    }
}
