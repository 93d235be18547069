package dev.plimsoll.report;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.scan.ScanResult;

/**
 * Where a finding belongs, as a reader fixes it: the OS packages, one lockfile, manifest, archive or binary (with
 * its package type), or the other checks by kind. The same grouping as the table's sections.
 */
final class FindingGroups {
    private final String osGroup;

    private FindingGroups(String osGroup) {
        this.osGroup = osGroup;
    }

    static FindingGroups of(ScanResult scan) {
        String os = scan.inventory().os().isPresent() ? scan.inventory().os().get().prettyName() : "unknown OS";
        return new FindingGroups("OS packages (" + os + ")");
    }

    String label(Finding finding) {
        return switch (finding) {
            case VulnerabilityFinding v when v.pkg().ecosystem().isOs() -> osGroup;
            case VulnerabilityFinding v -> (v.location().isPresent() ? v.location().get().path() : "(no file)")
                    + " (" + v.pkg().ecosystem().purlType() + ")";
            case MisconfigurationFinding m -> "Misconfigurations";
            case SecretFinding s -> "Secrets";
            case ComplianceFinding c -> "Compliance";
        };
    }
}
