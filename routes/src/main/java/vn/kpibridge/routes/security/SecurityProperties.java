package vn.kpibridge.routes.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kpi.security.*}: how callers are authenticated (issue 6 point 3).
 *
 * @param jwt JSON Web Tokens from the province's identity provider
 * @param bootstrapAdminKey the local ADMIN API key of the embedded default
 */
@ConfigurationProperties(prefix = "kpi.security")
public record SecurityProperties(Jwt jwt, BootstrapAdminKey bootstrapAdminKey) {

    /** Defaults for missing groups. */
    public SecurityProperties {
        jwt = jwt == null ? new Jwt(null, null, null, null, null, null, null, null, 60) : jwt;
        bootstrapAdminKey = bootstrapAdminKey == null ? new BootstrapAdminKey(false, null) : bootstrapAdminKey;
    }

    /**
     * JWT resource server settings. The first set of {@code jwkSetUri}, {@code publicKey},
     * {@code issuerUri} gives the keys; none set means JWTs are not accepted (API keys only).
     *
     * @param issuerUri the identity provider's issuer; when set, the {@code iss} claim must equal it
     *     (and without a JWK set URI or public key its keys are discovered from the issuer's
     *     metadata at the first token)
     * @param jwkSetUri the identity provider's JWK set URL
     * @param publicKey an RSA public key, PEM (X.509 "BEGIN PUBLIC KEY") text or the path of a PEM file
     * @param audience when set, the {@code aud} claim must contain it
     * @param rolesClaim claim holding the roles, a list or a space/comma separated string; a dotted
     *     path reaches into objects ({@code realm_access.roles} for Keycloak); default {@code roles}
     * @param unitClaim claim holding the caller's unit code; default {@code unit}
     * @param employeeClaim claim holding the caller's employee code; default {@code employee_code}
     * @param nameClaim claim naming the user in the audit trail; default {@code preferred_username},
     *     falling back to {@code sub}
     * @param clockSkewSeconds tolerance on {@code exp} and {@code nbf}, seconds; default 60
     */
    public record Jwt(String issuerUri, String jwkSetUri, String publicKey, String audience, String rolesClaim,
            String unitClaim, String employeeClaim, String nameClaim, long clockSkewSeconds) {
        /** Defaults for the claim names. */
        public Jwt {
            rolesClaim = blank(rolesClaim) ? "roles" : rolesClaim;
            unitClaim = blank(unitClaim) ? "unit" : unitClaim;
            employeeClaim = blank(employeeClaim) ? "employee_code" : employeeClaim;
            nameClaim = blank(nameClaim) ? "preferred_username" : nameClaim;
        }

        /** @return true when some source of keys is configured. */
        public boolean enabled() {
            return !blank(issuerUri) || !blank(jwkSetUri) || !blank(publicKey);
        }
    }

    /**
     * @param enabled when true and no key file exists, an ADMIN API key is generated at start-up and
     *     written (owner-only) to {@code file}; an existing file's key is registered again if the
     *     database lost it (unless it was revoked). Turn off in production.
     * @param file where the key is written, default {@code ${kpi.data-dir}/keys/bootstrap-admin.key}
     */
    public record BootstrapAdminKey(boolean enabled, String file) {
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
