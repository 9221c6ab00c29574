package vn.kpibridge.connectors.tabular;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.kpibridge.connectors.source.RawRecord;
import vn.kpibridge.connectors.source.SourceFormatException;

/** Turns physical rows (cell texts) into header + records + rejections. Not thread-safe. */
final class RowAssembler {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\u00A0]+");
    private final String fileName;
    private final int headerLine;
    private final TabularRowHandler handler;
    private List<String> headers;
    private int index;
    private int lastLine;
    private int headerLineSeen;

    /**
     * @param headerLine 1-based line of the header row, or 0 for the first non-empty row
     */
    RowAssembler(String fileName, int headerLine, TabularRowHandler handler) {
        if (headerLine < 0) {
            throw new IllegalArgumentException("headerLine must be 0 (first non-empty row) or a 1-based line");
        }
        this.fileName = fileName;
        this.headerLine = headerLine;
        this.handler = handler;
    }

    /**
     * @param line 1-based line or row number
     * @param cells cell texts in column order, null for absent cells
     * @param problem a reason to reject the row whatever its cells (an Excel error value), or null
     */
    void row(int line, List<String> cells, String problem) {
        lastLine = line;
        if (cells.stream().allMatch(RowAssembler::blank)) {
            return;
        }
        if (headers == null) {
            if (headerLine == 0 || line == headerLine) {
                headers(line, cells);
            } else if (line > headerLine) {
                throw new SourceFormatException(fileName, headerLine, "header row " + headerLine + " is empty", null);
            }
            return;
        }
        int position = index++;
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < Math.max(cells.size(), headers.size()); i++) {
            String value = i < cells.size() ? cells.get(i) : null;
            if (i < headers.size()) {
                if (blank(value)) {
                    payload.putNull(headers.get(i));
                } else {
                    payload.put(headers.get(i), value.strip());
                }
            } else if (!blank(value)) {
                extra.add(column(i) + " \"" + value.strip() + "\"");
            }
        }
        if (problem != null) {
            handler.rejected(new RejectedRow(fileName, line, position, problem, cells));
        } else if (!extra.isEmpty()) {
            handler.rejected(new RejectedRow(fileName, line, position, "row has values beyond the "
                    + headers.size() + " columns named by the header (line " + headerLineSeen + "): "
                    + String.join(", ", extra), cells));
        } else {
            handler.record(new RawRecord(position, line, payload));
        }
    }

    private void headers(int line, List<String> cells) {
        int last = cells.size() - 1;
        while (last >= 0 && blank(cells.get(last))) {
            last--;
        }
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i <= last; i++) {
            String c = cells.get(i);
            if (blank(c)) {
                throw new SourceFormatException(fileName, line, "header " + column(i) + " is empty", null);
            }
            String name = Normalizer.normalize(SPACES.matcher(c.replace("\uFEFF", "")).replaceAll(" ").strip(),
                    Normalizer.Form.NFC);
            Integer previous = seen.put(name, i);
            if (previous != null) {
                throw new SourceFormatException(fileName, line, "header \"" + name + "\" appears twice, in "
                        + column(previous) + " and " + column(i), null);
            }
            names.add(name);
        }
        headers = List.copyOf(names);
        headerLineSeen = line;
        handler.header(line, headers);
    }

    /** Ends the file: fails when no header row was found. */
    void finish() {
        if (headers == null) {
            String where = headerLine == 0 ? "the file has no non-empty row"
                    : "line " + headerLine + " is empty or beyond the end (last line " + lastLine + ")";
            throw new SourceFormatException(fileName, headerLine, "no header row: " + where, null);
        }
    }

    /** @return "column 3 (C)" for index 2 */
    static String column(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return "column " + (index + 1) + " (" + letters + ")";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
