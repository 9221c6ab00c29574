package vn.kpibridge.routes.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Turns a validated JWT into a {@link KpiAuthentication}: roles, unit and employee code from the
 * claims named in {@code kpi.security.jwt.*} (a dotted claim path reaches into objects, e.g.
 * Keycloak's {@code realm_access.roles}); roles that are not ours are ignored.
 */
public class JwtPrincipalConverter implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SecurityProperties.Jwt settings;

    /** @param settings the claim names */
    public JwtPrincipalConverter(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<KpiRole> roles = EnumSet.noneOf(KpiRole.class);
        Object raw = claim(jwt.getClaims(), settings.rolesClaim());
        if (raw instanceof Collection<?> c) {
            c.forEach(r -> KpiRole.parse(String.valueOf(r)).ifPresent(roles::add));
        } else if (raw != null) {
            for (String r : String.valueOf(raw).split("[\\s,]+")) {
                KpiRole.parse(r).ifPresent(roles::add);
            }
        }
        Object name = claim(jwt.getClaims(), settings.nameClaim());
        Object unit = claim(jwt.getClaims(), settings.unitClaim());
        Object employee = claim(jwt.getClaims(), settings.employeeClaim());
        KpiPrincipal p = new KpiPrincipal(name == null ? jwt.getSubject() : String.valueOf(name), roles,
                unit == null ? null : String.valueOf(unit), employee == null ? null : String.valueOf(employee), "JWT");
        return new KpiAuthentication(p, jwt);
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object cur = claims;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(part);
        }
        return cur;
    }
}
