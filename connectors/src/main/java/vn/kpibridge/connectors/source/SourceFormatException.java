package vn.kpibridge.connectors.source;

/**
 * A source file that cannot be read at all (malformed JSON, wrong envelope). The whole file is
 * rejected and kept with this message; it names the file, line and column.
 */
public class SourceFormatException extends RuntimeException {
    private final String fileName;
    private final int line;
    private final String reason;

    /**
     * @param fileName name of the rejected file
     * @param line 1-based line of the problem, 0 when unknown
     * @param message what is wrong
     * @param cause the parser's error, or null
     */
    public SourceFormatException(String fileName, int line, String message, Throwable cause) {
        super(fileName + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.fileName = fileName;
        this.line = line;
        this.reason = message;
    }

    /** @return the rejected file's name. */
    public String fileName() {
        return fileName;
    }

    /** @return 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** @return what is wrong, without file and line. */
    public String reason() {
        return reason;
    }
}
