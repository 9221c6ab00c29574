package vn.kpibridge.connectors.config;

/**
 * A mapping, catalog or scheme file that cannot be loaded. The message names the file, the line
 * (when known) and the reason; nothing is loaded from that file.
 */
public class MappingFileException extends RuntimeException {
    /**
     * @param file the file
     * @param line 1-based line, 0 when unknown
     * @param reason what is wrong
     * @param cause underlying error, or null
     */
    public MappingFileException(String file, int line, String reason, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason, cause);
    }
}
