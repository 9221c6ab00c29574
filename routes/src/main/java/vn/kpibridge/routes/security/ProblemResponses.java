package vn.kpibridge.routes.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.kpibridge.routes.api.ApiProblem;

/** Writes the security layer's refusals (401, 403) as RFC 9457 problem+json, like the API's other errors. */
final class ProblemResponses {
    private ProblemResponses() {
    }

    /**
     * @param response the servlet response
     * @param status 401 or 403
     * @param field the header at fault ({@code Authorization}, {@code X-API-Key}) or null
     * @param detail what is wrong
     */
    static void write(HttpServletResponse response, int status, String field, String detail) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer, ApiKey header=\"X-API-Key\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ApiProblem.body(status, status == 401 ? "Unauthorized" : "Forbidden", field, detail)
                .toString());
    }
}
