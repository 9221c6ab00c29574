package vn.kpibridge.routes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Leaves the authenticated {@link KpiPrincipal} in a request attribute
 * ({@link KpiPrincipal#REQUEST_ATTRIBUTE}): Camel's platform-http consumer runs the routes on its
 * own threads, where Spring Security's thread-bound context is not available.
 */
public class PrincipalExposingFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a != null && a.getPrincipal() instanceof KpiPrincipal p) {
            request.setAttribute(KpiPrincipal.REQUEST_ATTRIBUTE, p);
        }
        chain.doFilter(request, response);
    }
}
