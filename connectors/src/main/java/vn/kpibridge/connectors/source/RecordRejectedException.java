package vn.kpibridge.connectors.source;

/**
 * A single record that cannot be used (negative quantity, missing id, bad date). The record is
 * kept with this reason; the rest of its batch goes on.
 */
public class RecordRejectedException extends RuntimeException {
    /** @param message reason naming the record and field */
    public RecordRejectedException(String message) {
        super(message);
    }
}
