package vn.kpibridge.routes.target;

/**
 * A delivery that could not be made ready or whose preliminary call failed (a setting missing,
 * the OAuth2 token endpoint refusing or unreachable). It carries the {@link DeliveryResult} the
 * attempt is recorded with; the message never holds a credential.
 */
public class TargetCallException extends RuntimeException {
    private final transient DeliveryResult result;

    /** @param result how the attempt ends (answer text is the message) */
    public TargetCallException(DeliveryResult result) {
        super(result.answer());
        this.result = result;
    }

    /** @return how the attempt ends */
    public DeliveryResult result() {
        return result;
    }
}
