package dev.plimsoll.engine.sbom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.problem.ScanProblem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SBOM as Plimsoll reads it for matching: the package components with their purls, the operating system it
 * names, and the components that could not be used.
 *
 * @param format     "cyclonedx" or "spdx"
 * @param specVersion "1.6", "SPDX-2.3"
 * @param tree       the parsed document, so a CycloneDX input can be written back with vulnerabilities
 * @param os         the operating-system component, when the SBOM has one
 * @param components components with a purl
 * @param problems   components skipped (an invalid purl), each named
 */
public record SbomDocument(String format, String specVersion, ObjectNode tree, Optional<OsRelease> os,
                           List<SbomComponent> components, List<ScanProblem> problems) {
    public SbomDocument {
        Objects.requireNonNull(format);
        Objects.requireNonNull(specVersion);
        Objects.requireNonNull(tree);
        Objects.requireNonNull(os);
        components = List.copyOf(components);
        problems = List.copyOf(problems);
    }

    /**
     * One component: its reference in the document (CycloneDX bom-ref, SPDX SPDXID; empty when it has none), its
     * name as written, and its purl.
     */
    public record SbomComponent(Optional<String> ref, String name, String purl) {
        public SbomComponent {
            Objects.requireNonNull(ref);
            Objects.requireNonNull(name);
            Objects.requireNonNull(purl);
        }
    }
}
