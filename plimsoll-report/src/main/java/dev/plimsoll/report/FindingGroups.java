package dev.plimsoll.report;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /** Groups in reading order: the OS packages, then files by path, then the other checks by kind. */
    Map<String, List<Finding>> group(List<Finding> findings) {
        Map<String, List<Finding>> byLabel = new TreeMap<>(java.util.Comparator
                .comparingInt((String label) -> label.equals(osGroup) ? 0
                        : KINDS.contains(label) ? 2 : 1)
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (Finding f : findings) {
            byLabel.computeIfAbsent(label(f), k -> new ArrayList<>()).add(f);
        }
        return byLabel;
    }

    private static final java.util.Set<String> KINDS = java.util.Set.of("Misconfigurations", "Secrets", "Compliance");

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
