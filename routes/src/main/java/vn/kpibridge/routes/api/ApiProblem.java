package vn.kpibridge.routes.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/**
 * An API error answered as RFC 9457 problem+json: HTTP status, title and a detail that names the
 * field or record at fault.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String title;
    private final String field;

    /**
     * @param status HTTP status (400, 404, 422...)
     * @param title short summary
     * @param field JSON path of the offending field, e.g. "employees[0].items[2].plannedQuantity", or null
     * @param detail what is wrong, in full
     */
    public ApiProblem(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }

    /**
     * Answers the exchange with the {@link ApiProblem} it caught, as {@code application/problem+json}
     * ({@code type, title, status, detail} and {@code field} when known). Every API route builder
     * installs it: {@code onException(ApiProblem.class).handled(true).process(ApiProblem::respond)}.
     *
     * @param e the exchange whose {@link Exchange#EXCEPTION_CAUGHT} property is an ApiProblem
     */
    public static void respond(Exchange e) {
        ApiProblem p = e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiProblem.class);
        e.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, p.status());
        e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
        e.getMessage().setBody(body(p.status(), p.title(), p.field(), p.getMessage()).toString());
    }

    /**
     * The RFC 9457 problem document every API error is answered with (also the security layer's
     * 401 and 403).
     *
     * @param status HTTP status
     * @param title short summary
     * @param field the field, parameter or header at fault, or null (then left out)
     * @param detail what is wrong, in full
     * @return {@code {type: "about:blank", title, status, detail, field}}
     */
    public static ObjectNode body(int status, String title, String field, String detail) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("type", "about:blank");
        n.put("title", title);
        n.put("status", status);
        n.put("detail", detail);
        if (field != null) {
            n.put("field", field);
        }
        return n;
    }
}
