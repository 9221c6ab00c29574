package vn.kpibridge.routes.api;

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
}
