package vn.kpibridge.connectors.pull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the last-updated time of a source record in the forms e-office systems use, as a local
 * date-time on the source's clock (the watermark is compared and sent in that clock).
 *
 * <p>Tried in order: a JSON number (epoch milliseconds, in the source's zone); ISO-8601 with an
 * offset ({@code 2026-06-30T16:45:00+07:00}, converted to the source's zone); ISO-8601 local
 * ({@code 2026-06-30T16:45:00}); the configured date-time patterns
 * ({@code yyyy/MM/dd HH:mm:ss}...); the configured date patterns, as midnight. Immutable.
 */
public final class UpdatedTimes {
    private final List<DateTimeFormatter> dateTimes = new ArrayList<>();
    private final List<DateTimeFormatter> dates = new ArrayList<>();
    private final ZoneId zone;

    /**
     * @param dateTimePatterns date-time patterns ({@link DateTimeFormatter} syntax)
     * @param datePatterns date-only patterns
     * @param zone the source's time zone id, e.g. "Asia/Ho_Chi_Minh"
     * @throws IllegalArgumentException on a bad pattern or zone, naming it
     */
    public UpdatedTimes(List<String> dateTimePatterns, List<String> datePatterns, String zone) {
        for (String p : dateTimePatterns) {
            dateTimes.add(pattern(p));
        }
        for (String p : datePatterns) {
            dates.add(pattern(p));
        }
        try {
            this.zone = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone \"" + zone + "\"", e);
        }
    }

    private static DateTimeFormatter pattern(String p) {
        try {
            return DateTimeFormatter.ofPattern(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad date/time pattern \"" + p + "\": " + e.getMessage(), e);
        }
    }

    /**
     * @param value the value from the record, or null
     * @return the local date-time, or null when the value is absent or in none of the forms
     */
    public LocalDateTime parse(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (value.isNumber()) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(value.asLong()), zone);
        }
        return parse(value.asText());
    }

    /**
     * @param text the text, or null
     * @return the local date-time, or null when absent or in none of the forms
     */
    public LocalDateTime parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.trim();
        OffsetDateTime offset = tryParse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME, OffsetDateTime::from);
        if (offset != null) {
            return offset.atZoneSameInstant(zone).toLocalDateTime();
        }
        LocalDateTime local = tryParse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME, LocalDateTime::from);
        if (local != null) {
            return local;
        }
        for (DateTimeFormatter f : dateTimes) {
            local = tryParse(s, f, LocalDateTime::from);
            if (local != null) {
                return local;
            }
        }
        for (DateTimeFormatter f : dates) {
            LocalDate date = tryParse(s, f, LocalDate::from);
            if (date != null) {
                return date.atStartOfDay();
            }
        }
        return null;
    }

    /**
     * Reads a watermark written in a mapping file ({@code initial}).
     *
     * @param iso "2026-01-01" or "2026-01-01T00:00:00"
     * @param setting the setting's name for the message
     * @return the local date-time
     * @throws IllegalArgumentException naming the setting when the text is neither form
     */
    public static LocalDateTime parseIso(String iso, String setting) {
        String s = iso.trim();
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(setting + " \"" + iso + "\" is not an ISO date (2026-01-01) or date-time "
                    + "(2026-01-01T00:00:00)", e);
        }
    }

    /**
     * Parses a text in one form without an exception when it is in another (a pull reads hundreds
     * of thousands of times, most of them in the last form tried): the form is checked first
     * ({@link DateTimeFormatter#parseUnresolved}), and only a text of that form is resolved.
     *
     * @return the value, or null when the text is not of the form or not a valid date (30 February)
     */
    private static <T> T tryParse(String s, DateTimeFormatter f, java.time.temporal.TemporalQuery<T> query) {
        java.text.ParsePosition pos = new java.text.ParsePosition(0);
        if (f.parseUnresolved(s, pos) == null || pos.getErrorIndex() >= 0 || pos.getIndex() != s.length()) {
            return null;
        }
        try {
            return f.parse(s, query);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
