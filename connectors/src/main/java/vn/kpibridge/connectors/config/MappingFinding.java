package vn.kpibridge.connectors.config;

/**
 * One finding of {@link MappingValidator}: a mapping, catalog, rule, identity or scheme file with
 * the line an administrator must edit and what is wrong there.
 *
 * @param severity {@link Severity#ERROR} (the application refuses the files, or records would be
 *     mapped wrongly) or {@link Severity#WARNING} (loads, but probably not what was meant)
 * @param file the file, relative to the parent of the mappings (or schemes) folder, with "/"
 *     separators, e.g. "mappings/rules/ban-to-chuc-tinh-uy.yml"
 * @param line 1-based line (CSV line, Excel row number), 0 when the finding is about the whole file
 * @param reason what is wrong, in English as the loaders word it
 */
public record MappingFinding(Severity severity, String file, int line, String reason) {

    /** How bad a finding is. */
    public enum Severity {
        /** The files are refused or records would map wrongly: {@code mappings validate} exits 65. */
        ERROR,
        /** The files load, but an administrator should look (shadowed rule, coefficient disagreeing with points). */
        WARNING
    }

    /** @return "file:line", or "file" when the line is unknown */
    public String location() {
        return file + (line > 0 ? ":" + line : "");
    }

    /** @return "file:line: reason" */
    @Override
    public String toString() {
        return location() + ": " + reason;
    }
}
