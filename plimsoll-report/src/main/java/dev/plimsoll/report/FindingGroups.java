package dev.plimsoll.report;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.scan.ScanResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Findings by where they were found, as a reader fixes them and as the table report lists them: the OS packages
 * first, then each lockfile, manifest, archive or binary in path order, then the other checks by kind. Findings keep
 * the report order (most severe first) within a group.
 */
final class FindingGroups {
    /** What a group holds. */
    enum Kind {
        OS_PACKAGES("OS packages"),
        PACKAGE_FILE("Packages"),
        COMPLIANCE("Compliance"),
        MISCONFIGURATIONS("Misconfigurations"),
        SECRETS("Secrets");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        String title() {
            return title;
        }
    }

    /**
     * One group.
     *
     * @param kind      what it holds
     * @param subject   for OS packages the operating system's name ("" when unknown), for a package file its path
     *                  ("" when the packages name none); "" for the other kinds. Untrusted text.
     * @param ecosystem the package-url type of a package file's packages ("npm"), else ""
     * @param packages  how many inventory packages the group covers (0 for checks)
     * @param findings  its findings in report order
     */
    record Group(Kind kind, String subject, String ecosystem, int packages, List<Finding> findings) {
        Group {
            findings = List.copyOf(findings);
        }

        /** A one-line name for people, e.g. "OS packages (Debian GNU/Linux 12)" or "app/package-lock.json (npm)". */
        String label() {
            return switch (kind) {
                case OS_PACKAGES -> "OS packages (" + (subject.isEmpty() ? "unknown OS" : subject) + ")";
                case PACKAGE_FILE -> (subject.isEmpty() ? "(no file)" : subject) + " (" + ecosystem + ")";
                case COMPLIANCE, MISCONFIGURATIONS, SECRETS -> kind.title();
            };
        }

        boolean packageGroup() {
            return kind == Kind.OS_PACKAGES || kind == Kind.PACKAGE_FILE;
        }
    }

    /** A package file's group key: the path, then the ecosystem, so one file's ecosystems sit together. */
    private record FileKey(String path, String ecosystem) implements Comparable<FileKey> {
        @Override
        public int compareTo(FileKey o) {
            int c = path.compareTo(o.path);
            return c != 0 ? c : ecosystem.compareTo(o.ecosystem);
        }
    }

    private FindingGroups() {
    }

    /**
     * The groups of {@code scan}'s findings.
     *
     * @param withCleanPackageGroups also list the OS packages and package files that have packages but no finding,
     *                               so that a reader (a CI test report) sees what was checked and passed
     */
    static List<Group> of(ScanResult scan, boolean withCleanPackageGroups) {
        return of(scan, scan.findings(), withCleanPackageGroups);
    }

    /** The groups of {@code selected}, some of the scan's findings (the table leaves out controls that passed). */
    static List<Group> of(ScanResult scan, List<Finding> selected, boolean withCleanPackageGroups) {
        String os = scan.inventory().os().map(o -> o.prettyName()).orElse("");
        int osPackages = 0;
        Map<FileKey, Integer> filePackages = new TreeMap<>();
        for (Package p : scan.inventory().packages()) {
            if (p.ecosystem().isOs()) {
                osPackages++;
            } else {
                String path = p.locations().isEmpty() ? "" : p.locations().get(0).path();
                filePackages.merge(new FileKey(path, p.ecosystem().purlType()), 1, Integer::sum);
            }
        }

        List<Finding> osFindings = new ArrayList<>();
        Map<FileKey, List<Finding>> byFile = new TreeMap<>();
        Map<Kind, List<Finding>> checks = new EnumMap<>(Kind.class);
        for (Finding f : Findings.sorted(selected)) {
            switch (f) {
                case VulnerabilityFinding v when v.pkg().ecosystem().isOs() -> osFindings.add(f);
                case VulnerabilityFinding v -> byFile.computeIfAbsent(new FileKey(
                        v.location().map(Location::path).orElse(""), v.pkg().ecosystem().purlType()),
                        k -> new ArrayList<>()).add(f);
                case MisconfigurationFinding m -> checks.computeIfAbsent(Kind.MISCONFIGURATIONS,
                        k -> new ArrayList<>()).add(f);
                case SecretFinding s -> checks.computeIfAbsent(Kind.SECRETS, k -> new ArrayList<>()).add(f);
                case ComplianceFinding c -> checks.computeIfAbsent(Kind.COMPLIANCE, k -> new ArrayList<>()).add(f);
            }
        }

        List<Group> groups = new ArrayList<>();
        if (!osFindings.isEmpty() || (withCleanPackageGroups && osPackages > 0)) {
            groups.add(new Group(Kind.OS_PACKAGES, os, "", osPackages, osFindings));
        }
        Map<FileKey, List<Finding>> files = new TreeMap<>(byFile);
        if (withCleanPackageGroups) {
            filePackages.keySet().forEach(k -> files.putIfAbsent(k, List.of()));
        }
        files.forEach((k, findings) -> groups.add(new Group(Kind.PACKAGE_FILE, k.path(), k.ecosystem(),
                filePackages.getOrDefault(k, 0), findings)));
        checks.forEach((kind, findings) -> groups.add(new Group(kind, "", "", 0, findings)));
        return groups;
    }
}
