package vn.kpibridge.routes.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the security layer's refusals (401, 403) as RFC 9457 problem+json, like the API's other errors. */
final class ProblemResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemResponses() {
    }

    /**
     * @param response the servlet response
     * @param status 401 or 403
     * @param field the header at fault ({@code Authorization}, {@code X-API-Key}) or null
     * @param detail what is wrong
     */
    static void write(HttpServletResponse response, int status, String field, String detail) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", "about:blank");
        n.put("title", status == 401 ? "Unauthorized" : "Forbidden");
        n.put("status", status);
        n.put("detail", detail);
        if (field != null) {
            n.put("field", field);
        }
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer, ApiKey header=\"X-API-Key\"");
        }
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(n.toString());
    }
}
