package vn.kpibridge.routes.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A Spring Security authentication carrying a {@link KpiPrincipal}; authorities are {@code ROLE_<role>}. */
public class KpiAuthentication extends AbstractAuthenticationToken {
    private final KpiPrincipal principal;
    private final Object credentials;

    /**
     * @param principal the established principal
     * @param credentials the token (JWT) or null for API keys (the key is not kept)
     */
    public KpiAuthentication(KpiPrincipal principal, Object credentials) {
        super(principal.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.principal = principal;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public KpiPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
