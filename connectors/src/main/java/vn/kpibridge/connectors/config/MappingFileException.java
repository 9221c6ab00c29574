package vn.kpibridge.connectors.config;

/**
 * A mapping, catalog or scheme file that cannot be loaded. The message names the file, the line
 * (when known) and the reason; nothing is loaded from that file.
 */
public class MappingFileException extends RuntimeException {
    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file the file
     * @param line 1-based line, 0 when unknown
     * @param reason what is wrong
     * @param cause underlying error, or null
     */
    public MappingFileException(String file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** @return the file as given to the loader */
    public String file() {
        return file;
    }

    /** @return 1-based line, 0 when unknown */
    public int line() {
        return line;
    }

    /** @return what is wrong, without file and line */
    public String reason() {
        return reason;
    }
}
