package vn.kpibridge.connectors.source;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.docsymbol.DocumentSymbol;
import vn.kpibridge.connectors.docsymbol.DocumentSymbolException;
import vn.kpibridge.connectors.docsymbol.DocumentSymbolParser;

/**
 * Turns a raw source record into a {@link NormalizedRecord} using the field map of its
 * {@link SourceMapping} (JSON pointers, RFC 6901, resolved by Jackson).
 *
 * <p>Validation: id present; type maps to TASK/ASSESSMENT; quantities, counts and factors are
 * numbers and not negative; planned quantity present for tasks; dates match one configured
 * format; a document symbol ({@code documentSymbol}, e.g. "156/QĐ-UBND", "870-QĐ/TU") parses with
 * {@link DocumentSymbolParser} (Nghị định 30/2020/NĐ-CP Phụ lục III; party Hướng dẫn 36-HD/VPTW).
 * Each failure throws {@link RecordRejectedException} naming the record and field (for a symbol,
 * with the parser's reason).
 *
 * <p>{@code categoryCodes} may point at a JSON array of codes or at one text holding codes
 * separated by ",", ";", "|" or line breaks (as a spreadsheet cell "LV01; LV03").
 */
public final class RecordNormalizer {
    /** Normalised fields a source mapping may point at. */
    public static final Set<String> KNOWN_FIELDS = Set.of("id", "version", "type", "period", "assigneeId", "unitId",
            "title", "productType", "submissionLevel", "axis", "plannedQuantity", "doneQuantity", "share", "dueDate",
            "completedDate", "status", "qualityFailures", "lateDeliveries", "leadershipFailures", "objectiveCause",
            "qualityFactor", "timelinessFactor", "leadershipFactor", "generalCriteriaPoints", "selfProposedRating",
            "forceMajeure", "documentSymbol", "categoryCodes");
    private static final DocumentSymbolParser SYMBOLS = DocumentSymbolParser.standard();
    private static final java.util.regex.Pattern CODE_SEPARATORS = java.util.regex.Pattern.compile("[,;|\\r\\n]");

    private final SourceMapping mapping;
    private final Map<String, JsonPointer> pointers;
    private final List<DateTimeFormatter> dateFormats;

    /**
     * @param mapping the source mapping
     * @throws IllegalArgumentException when the field map names an unknown field or a bad pointer
     */
    public RecordNormalizer(SourceMapping mapping) {
        this.mapping = mapping;
        this.pointers = new java.util.HashMap<>();
        mapping.fields().forEach((field, pointer) -> {
            if (!KNOWN_FIELDS.contains(field)) {
                throw new IllegalArgumentException("source " + mapping.id() + ": unknown field \"" + field
                        + "\" in fields (known: " + new java.util.TreeSet<>(KNOWN_FIELDS) + ")");
            }
            pointers.put(field, JsonPointer.compile(pointer));
        });
        this.dateFormats = mapping.dateFormats().stream().map(DateTimeFormatter::ofPattern).toList();
    }

    /**
     * @param header the export's envelope (for the period when the record has none)
     * @param raw the raw record
     * @return the normalised record
     * @throws RecordRejectedException when the record is unusable; the message names the field
     */
    public NormalizedRecord normalize(JsonNode header, RawRecord raw) {
        JsonNode r = raw.payload();
        String id = text(r, "id");
        if (id == null || id.isBlank()) {
            throw new RecordRejectedException("record #" + (raw.index() + 1) + " has no id (field \"id\")");
        }
        String typeValue = text(r, "type");
        String typeName = typeValue == null ? null : mapping.recordTypes().getOrDefault(typeValue, typeValue);
        RecordType type;
        try {
            type = RecordType.valueOf(String.valueOf(typeName));
        } catch (IllegalArgumentException e) {
            throw new RecordRejectedException("record " + id + ": field \"type\" value \"" + typeValue
                    + "\" maps to no record type (expected one of " + mapping.recordTypes().keySet() + ")");
        }
        String period = text(r, "period");
        if (period == null) {
            JsonNode p = header.at(mapping.periodField());
            period = p.isMissingNode() || p.isNull() ? null : p.asText();
        }
        if (period == null) {
            throw new RecordRejectedException("record " + id + ": no period in the record or the export header");
        }
        String status = text(r, "status");
        if (status != null) {
            status = mapping.statuses().getOrDefault(status, status);
        }
        BigDecimal planned = number(r, id, "plannedQuantity");
        if (type == RecordType.TASK && planned == null) {
            throw new RecordRejectedException("record " + id + ": field " + named("plannedQuantity") + " is missing");
        }
        BigDecimal done = number(r, id, "doneQuantity");
        BigDecimal versionNumber = number(r, id, "version");
        return new NormalizedRecord(id, versionNumber == null ? 1 : versionNumber.longValueExact(), type, period,
                text(r, "assigneeId"), text(r, "unitId"), text(r, "title"), text(r, "productType"),
                text(r, "submissionLevel"), text(r, "axis"), planned, done == null ? BigDecimal.ZERO : done,
                number(r, id, "share"), date(r, id, "dueDate"), date(r, id, "completedDate"), status,
                count(r, id, "qualityFailures"), count(r, id, "lateDeliveries"), count(r, id, "leadershipFailures"),
                text(r, "objectiveCause"), number(r, id, "qualityFactor"), number(r, id, "timelinessFactor"),
                number(r, id, "leadershipFactor"), number(r, id, "generalCriteriaPoints"),
                text(r, "selfProposedRating"), text(r, "forceMajeure"), mapping.id(), symbol(r, id),
                codes(r));
    }

    private DocumentSymbol symbol(JsonNode r, String id) {
        String v = text(r, "documentSymbol");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return SYMBOLS.parse(v);
        } catch (DocumentSymbolException e) {
            throw new RecordRejectedException("record " + id + ": field " + named("documentSymbol") + ": "
                    + e.getMessage());
        }
    }

    private List<String> codes(JsonNode r) {
        JsonNode n = node(r, "categoryCodes");
        if (n == null) {
            return List.of();
        }
        List<String> codes = new java.util.ArrayList<>();
        if (n.isArray()) {
            n.forEach(c -> {
                if (!c.isNull() && !c.asText().isBlank()) {
                    codes.add(c.asText().trim());
                }
            });
        } else {
            for (String c : CODE_SEPARATORS.split(n.asText())) {
                if (!c.isBlank()) {
                    codes.add(c.trim());
                }
            }
        }
        return codes;
    }

    /** @return the id of a raw record by the field map, or null when it has none. */
    public String recordId(RawRecord raw) {
        return text(raw.payload(), "id");
    }

    /** @return the version of a raw record, 1 when the source gives none or an unreadable one. */
    public long recordVersion(RawRecord raw) {
        JsonNode n = node(raw.payload(), "version");
        return n != null && n.canConvertToLong() ? n.asLong() : 1L;
    }

    private JsonNode node(JsonNode r, String field) {
        JsonPointer p = pointers.get(field);
        if (p == null) {
            return null;
        }
        JsonNode n = r.at(p);
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    private String text(JsonNode r, String field) {
        JsonNode n = node(r, field);
        return n == null ? null : n.asText();
    }

    /** @return the field name with its source path, e.g. {@code "doneQuantity" (/soLuongHoanThanh)}. */
    private String named(String field) {
        JsonPointer p = pointers.get(field);
        return "\"" + field + "\"" + (p == null ? "" : " (" + p + ")");
    }

    private BigDecimal number(JsonNode r, String id, String field) {
        JsonNode n = node(r, field);
        if (n == null) {
            return null;
        }
        BigDecimal value;
        if (n.isNumber()) {
            value = n.decimalValue();
        } else {
            try {
                value = new BigDecimal(n.asText().trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw new RecordRejectedException("record " + id + ": field " + named(field) + " is not a number: \""
                        + n.asText() + "\"");
            }
        }
        if (value.signum() < 0) {
            throw new RecordRejectedException("record " + id + ": field " + named(field) + " is negative ("
                    + value.toPlainString() + ")");
        }
        return value;
    }

    private int count(JsonNode r, String id, String field) {
        BigDecimal v = number(r, id, field);
        if (v == null) {
            return 0;
        }
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            throw new RecordRejectedException("record " + id + ": field " + named(field) + " must be a whole count, got "
                    + v.toPlainString());
        }
    }

    private LocalDate date(JsonNode r, String id, String field) {
        String v = text(r, field);
        LocalDate d = SourceDates.parse(v, dateFormats);
        if (d == null && v != null && !v.isBlank()) {
            throw new RecordRejectedException("record " + id + ": field " + named(field) + " value \"" + v
                    + "\" matches none of the date formats " + mapping.dateFormats());
        }
        return d;
    }
}
