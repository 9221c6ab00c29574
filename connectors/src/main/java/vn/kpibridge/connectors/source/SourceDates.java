package vn.kpibridge.connectors.source;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Date values of source records: the formats a source mapping lists ({@code yyyy/MM/dd},
 * {@code dd/MM/yyyy}, ISO...), tried in order; an ISO date-time contributes its date part.
 */
public final class SourceDates {
    private SourceDates() {
    }

    /**
     * @param value the source's text, may be null or blank
     * @param formats formats to try, in order
     * @return the date, or null when the value is blank or matches no format (the caller decides
     *     whether that rejects the record)
     */
    public static LocalDate parse(String value, List<DateTimeFormatter> formats) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.trim();
        if (s.length() > 10 && s.charAt(4) == '-' && s.charAt(10) == 'T') {
            s = s.substring(0, 10); // ISO date-time: the date part
        }
        for (DateTimeFormatter f : formats) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeParseException ignored) {
                // try the next configured format
            }
        }
        return null;
    }
}
