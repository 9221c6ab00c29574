package vn.kpibridge.routes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request carrying {@code X-API-Key}: an active key sets its principal; an unknown
 * or revoked key is answered 401 problem+json at once (the request goes no further).
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    /** The header machine clients send their key in. */
    public static final String HEADER = "X-API-Key";

    private final ApiKeyService keys;

    /** @param keys the key store */
    public ApiKeyAuthenticationFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        var principal = keys.authenticate(key);
        if (principal.isEmpty()) {
            ProblemResponses.write(response, 401, HEADER, "the API key is unknown or revoked");
            return;
        }
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(new KpiAuthentication(principal.get(), null));
        SecurityContextHolder.setContext(ctx);
        chain.doFilter(request, response);
    }
}
