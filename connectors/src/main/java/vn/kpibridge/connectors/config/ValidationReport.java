package vn.kpibridge.connectors.config;

import java.util.List;

/**
 * What {@link MappingValidator#validate()} found, with counts of what it read.
 *
 * @param findings every finding, ordered by file then line
 * @param sources source mapping files read
 * @param catalogVersions catalog versions read (over all catalog files)
 * @param products product rows read (over all versions)
 * @param rules product rules read (over all rule files)
 * @param identities identity rows read (over all identity files)
 * @param schemes scheme files read
 */
public record ValidationReport(List<MappingFinding> findings, int sources, int catalogVersions, int products,
        int rules, int identities, int schemes) {

    /** Copies the findings. */
    public ValidationReport {
        findings = List.copyOf(findings);
    }

    /** @return the findings of severity ERROR */
    public List<MappingFinding> errors() {
        return findings.stream().filter(f -> f.severity() == MappingFinding.Severity.ERROR).toList();
    }

    /** @return the findings of severity WARNING */
    public List<MappingFinding> warnings() {
        return findings.stream().filter(f -> f.severity() == MappingFinding.Severity.WARNING).toList();
    }

    /** @return true when there is at least one ERROR */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == MappingFinding.Severity.ERROR);
    }
}
