package vn.kpibridge.routes.security;

import jakarta.servlet.DispatcherType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Spring Security for the HTTP API (issue 6 point 3): stateless; callers authenticate with a JWT
 * of the province's identity provider ({@code Authorization: Bearer}, OAuth2 resource server) or,
 * machine clients, with an API key ({@code X-API-Key}). Every {@code /api/**} request must be
 * authenticated except the OpenAPI document; {@code /actuator/health/**} and
 * {@code /actuator/prometheus} stay open for probes and scraping, other actuator endpoints need
 * ADMIN. What a caller may see or change is decided by {@link AccessPolicy} in the services.
 * Refusals are problem+json: 401 (no, bad, expired, forged or revoked credentials), 403.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfig {

    /**
     * @param http the builder
     * @param keys API key store
     * @param props security settings
     * @param jwtDecoder the JWT decoder when JWTs are configured
     * @return the filter chain
     * @throws Exception from the builder
     */
    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyService keys, SecurityProperties props,
            ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        http.csrf(c -> c.disable())
                .cors(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // the route's answer to an authorised request comes back on an async dispatch
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(KpiRole.ADMIN.name())
                        .requestMatchers("/api/v1/openapi.json").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res, 401, "Authorization",
                                "authentication required: send \"Authorization: Bearer <JWT>\" or \"X-API-Key: <key>\""))
                        .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res, 403, null,
                                "access denied: " + ex.getMessage())))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), BearerTokenAuthenticationFilter.class)
                .addFilterBefore(new PrincipalExposingFilter(), AuthorizationFilter.class);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(o -> o
                    .authenticationEntryPoint((req, res, ex) -> ProblemResponses.write(res, 401, "Authorization",
                            "invalid bearer token: " + ex.getMessage()))
                    .accessDeniedHandler((req, res, ex) -> ProblemResponses.write(res, 403, null, "access denied: " + ex.getMessage()))
                    .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new JwtPrincipalConverter(props.jwt()))));
        }
        return http.build();
    }

    /**
     * The JWT decoder from {@code kpi.security.jwt.*}: keys from the JWK set URI, else the
     * configured RSA public key, else the issuer's metadata; validates signature, {@code exp}/{@code nbf}
     * (with the configured clock skew), the issuer when configured and the audience when configured.
     *
     * @param props security settings
     * @return the decoder, or null when no key source is configured (JWTs then answer 401)
     * @throws IllegalStateException when the public key cannot be read
     */
    @Bean
    public JwtDecoder kpiJwtDecoder(SecurityProperties props) {
        SecurityProperties.Jwt j = props.jwt();
        if (!j.enabled()) {
            return null;
        }
        NimbusJwtDecoder decoder;
        if (!SecurityProperties.blank(j.jwkSetUri())) {
            decoder = NimbusJwtDecoder.withJwkSetUri(j.jwkSetUri()).build();
        } else if (!SecurityProperties.blank(j.publicKey())) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(j.publicKey())).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(j.issuerUri()).build();
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator(Duration.ofSeconds(j.clockSkewSeconds())));
        if (!SecurityProperties.blank(j.issuerUri())) {
            validators.add(new JwtIssuerValidator(j.issuerUri()));
        }
        if (!SecurityProperties.blank(j.audience())) {
            String aud = j.audience();
            validators.add(t -> t.getAudience() != null && t.getAudience().contains(aud) ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token's audience does not "
                            + "contain " + aud, null)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    static RSAPublicKey publicKey(String value) {
        String v = value.trim();
        try {
            byte[] pem = v.startsWith("-----BEGIN") ? v.getBytes(StandardCharsets.US_ASCII) : Files.readAllBytes(Path.of(v));
            try (InputStream in = new ByteArrayInputStream(pem)) {
                return RsaKeyConverters.x509().convert(in);
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("kpi.security.jwt.public-key: cannot read an X.509 PEM RSA public key from "
                    + (v.startsWith("-----BEGIN") ? "the configured text" : v) + ": " + e.getMessage(), e);
        }
    }
}
