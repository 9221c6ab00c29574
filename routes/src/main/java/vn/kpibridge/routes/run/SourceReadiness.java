package vn.kpibridge.routes.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.kpibridge.connectors.config.SourceMapping;
import vn.kpibridge.connectors.config.SourceMapping.Auth;
import vn.kpibridge.connectors.config.SourceMapping.Rest;
import vn.kpibridge.routes.source.SourcePlaceholders;
import vn.kpibridge.routes.source.SourcePullException;

/**
 * Tells, without calling anything, whether a REST or SQL source is configured on this
 * installation: every placeholder without a default of its connection settings and credentials
 * has a value (REST), or its connection {@code kpi.sources.datasources.<name>.url} is set (SQL).
 * A sync run skips a source that is not configured (status SKIPPED, with the settings to set)
 * instead of failing on it; a configured source that then fails is a failure (run PARTIAL).
 */
@Component
public class SourceReadiness {
    private final SourcePlaceholders placeholders;
    private final Environment env;

    /**
     * @param placeholders placeholder resolution of source settings
     * @param env the environment SQL connections are read from
     */
    public SourceReadiness(SourcePlaceholders placeholders, Environment env) {
        this.placeholders = placeholders;
        this.env = env;
    }

    /**
     * @param m a source mapping
     * @return why the source cannot be pulled on this installation (names the settings, never a
     *     value), or empty when it is configured or is a file-inbox source
     */
    public Optional<String> notConfigured(SourceMapping m) {
        if (SourceMapping.TYPE_SQL.equals(m.type())) {
            String name = m.sql().datasource();
            String url = env.getProperty("kpi.sources.datasources." + name + ".url");
            return url == null || url.isBlank()
                    ? Optional.of("source " + m.id() + ": sql.datasource \"" + name + "\" is not configured: set "
                            + "kpi.sources.datasources." + name + ".url (e.g. through its environment variable)")
                    : Optional.empty();
        }
        if (!SourceMapping.TYPE_REST.equals(m.type())) {
            return Optional.empty();
        }
        Rest rest = m.rest();
        List<String[]> settings = new ArrayList<>();
        settings.add(new String[] {"rest.baseUrl", rest.baseUrl()});
        rest.headers().forEach((k, v) -> settings.add(new String[] {"rest.headers." + k, v}));
        rest.query().forEach((k, v) -> settings.add(new String[] {"rest.query." + k, v}));
        Auth auth = rest.auth();
        switch (auth.type()) {
            case Auth.HEADER -> settings.add(new String[] {"rest.auth.value", auth.value()});
            case Auth.BASIC -> {
                settings.add(new String[] {"rest.auth.username", auth.username()});
                settings.add(new String[] {"rest.auth.password", auth.password()});
            }
            case Auth.LOGIN_TOKEN -> auth.login().body().forEach((k, v) ->
                    settings.add(new String[] {"rest.auth.login.body." + k, v}));
            case Auth.OAUTH2 -> {
                settings.add(new String[] {"rest.auth.oauth2.tokenUrl", auth.oauth2().tokenUrl()});
                settings.add(new String[] {"rest.auth.oauth2.clientId", auth.oauth2().clientId()});
                settings.add(new String[] {"rest.auth.oauth2.clientSecret", auth.oauth2().clientSecret()});
            }
            default -> {
                // no credentials
            }
        }
        for (String[] s : settings) {
            try {
                placeholders.resolve(m.id(), s[0], s[1]);
            } catch (SourcePullException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }
}
