package vn.kpibridge.connectors.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The line of every key and list entry of a YAML file, by JSON pointer ({@code /rules/3/product}),
 * read from the token locations of Jackson's YAML parser. Lets checks that work on the bound
 * values name the line an administrator must edit.
 *
 * <p>A file that does not parse gives the lines read before the error (and 0 for the rest).
 * Immutable once built.
 */
public final class YamlLines {
    private static final YAMLFactory YAML = new YAMLFactory();
    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = Map.copyOf(lines);
    }

    /**
     * @param file a YAML file
     * @return the lines of its keys and list entries; empty when the file cannot be read
     */
    public static YamlLines of(Path file) {
        Map<String, Integer> lines = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonParser p = YAML.createParser(r)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && ctx.getParent() != null) {
                    ctx = ctx.getParent();
                }
                String pointer = ctx.pathAsPointer().toString();
                if (!pointer.isEmpty()) {
                    lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep what was read: the loader reports the parse error itself
        }
        return new YamlLines(lines);
    }

    /**
     * @param pointer JSON pointer of a key or list entry, e.g. "/rules/3/product" (a key's
     *     characters "~" and "/" escaped as "~0" and "~1")
     * @return its 1-based line, or the line of its nearest enclosing key or entry, or 0
     */
    public int line(String pointer) {
        String p = pointer;
        while (!p.isEmpty()) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return 0;
    }

    /**
     * The line of a binding error an administrator must edit. The YAML parser reports the position
     * after the offending value (often the next line); when the error's path ends in a key, this
     * is the last line at or before the reported one that holds that key ({@code key:} at the
     * start of a line, after a list dash, or inside a flow mapping, the key optionally in double
     * quotes).
     *
     * @param file the YAML file that was bound
     * @param e the binding error
     * @return the 1-based line; the parser's line when the path ends in no key, no such line is
     *     found or the file cannot be read; 0 when the parser gives no location
     */
    public static int keyLine(Path file, JsonMappingException e) {
        int reported = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        List<JsonMappingException.Reference> path = e.getPath();
        String key = path.isEmpty() ? null : path.get(path.size() - 1).getFieldName();
        if (key == null || reported <= 0) {
            return reported;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Pattern p = Pattern.compile("(^|[\\s{,])\"?" + Pattern.quote(key) + "\"?\\s*:");
            for (int i = Math.min(reported, lines.size()); i >= 1; i--) {
                if (p.matcher(lines.get(i - 1)).find()) {
                    return i;
                }
            }
        } catch (IOException ignored) {
            // fall back to the parser's line
        }
        return reported;
    }

    /**
     * @param name a key as written
     * @return the key escaped for a JSON pointer (RFC 6901: "~" as "~0", "/" as "~1")
     */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
