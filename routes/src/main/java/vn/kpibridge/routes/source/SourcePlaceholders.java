package vn.kpibridge.routes.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Resolves the {@code ${NAME}} and {@code ${NAME:default}} placeholders of a source mapping's
 * {@code rest:} and {@code sql:} sections from the Spring environment (environment variables,
 * system properties, application properties), when a pull runs.
 *
 * <p>A placeholder without a value fails the pull with a {@link SourcePullException} naming the
 * setting and the placeholder, never a resolved value, so a missing secret is reported without
 * showing any other.
 */
@Component
public class SourcePlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");

    private final Environment env;

    /** @param env the Spring environment */
    public SourcePlaceholders(Environment env) {
        this.env = env;
    }

    /**
     * @param sourceId source, for the message
     * @param setting setting name, for the message, e.g. "rest.baseUrl"
     * @param value the value as written in the mapping file, or null
     * @return the value with its placeholders resolved, or null for null
     * @throws SourcePullException (not retryable) when a placeholder has no value and no default
     */
    public String resolve(String sourceId, String setting, String value) {
        if (value == null) {
            return null;
        }
        List<String> missing = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            if (m.group(2) == null && !env.containsProperty(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        if (!missing.isEmpty()) {
            throw new SourcePullException(sourceId, setting + ": " + String.join(", ", missing.stream()
                    .map(n -> "${" + n + "}").toList()) + (missing.size() == 1 ? " is" : " are")
                    + " not set (environment variable or property " + String.join(", ", missing) + ")", false, null);
        }
        try {
            return env.resolveRequiredPlaceholders(value);
        } catch (IllegalArgumentException e) {
            throw new SourcePullException(sourceId, setting + ": a placeholder cannot be resolved (" + names(value)
                    + ")", false, null);
        }
    }

    /**
     * @param sourceId source, for the message
     * @param setting setting name of the map, e.g. "rest.query"
     * @param values the map as written
     * @return a new map, same order, with resolved values
     * @throws SourcePullException when a placeholder has no value
     */
    public Map<String, String> resolveAll(String sourceId, String setting, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, resolve(sourceId, setting + "." + k, v)));
        return out;
    }

    /**
     * @param value a value as written in a mapping file
     * @return true when it holds a placeholder (its resolved value is treated as a secret in messages)
     */
    public static boolean hasPlaceholder(String value) {
        return value != null && PLACEHOLDER.matcher(value).find();
    }

    /**
     * @param values values as written in a mapping file
     * @return the placeholders they use, e.g. "${IOFFICE_USERNAME}, ${IOFFICE_PASSWORD}", for
     *     messages that tell which settings to check
     */
    public static String names(String... values) {
        Set<String> names = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(v);
            while (m.find()) {
                names.add("${" + m.group(1) + "}");
            }
        }
        return String.join(", ", names);
    }
}
