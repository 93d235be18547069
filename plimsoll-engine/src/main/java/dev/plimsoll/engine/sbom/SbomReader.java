package dev.plimsoll.engine.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.engine.sbom.SbomDocument.SbomComponent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads CycloneDX (1.4–1.6) and SPDX (2.2, 2.3) JSON SBOMs — ours and other tools' — into the purls to match.
 * Bounded: the file size and nesting depth are limited, since an SBOM may come from anywhere.
 */
public final class SbomReader {
    /** Larger than any real SBOM of one image (Trivy's of a 2 GB image is a few MiB). */
    public static final long MAX_BYTES = 256L << 20;
    private static final int MAX_DEPTH = 64;

    private final ObjectMapper mapper;

    public SbomReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH * 4).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public SbomDocument read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
            throw new ConfigException(file + ": not a file");
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ConfigException(file + ": " + size + " bytes, more than the " + (MAX_BYTES >> 20)
                    + " MiB an SBOM may have");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigException(file + ": not an SBOM: the document is not a JSON object");
        }
        if ("CycloneDX".equals(object.path("bomFormat").asText())) {
            return cyclonedx(file, object);
        }
        if (object.path("spdxVersion").asText().startsWith("SPDX-")) {
            return spdx(file, object);
        }
        throw new ConfigException(file + ": not a CycloneDX or SPDX JSON document (no bomFormat: CycloneDX, no"
                + " spdxVersion)");
    }

    private static SbomDocument cyclonedx(Path file, ObjectNode bom) {
        String spec = bom.path("specVersion").asText();
        if (!List.of("1.4", "1.5", "1.6").contains(spec)) {
            throw new ConfigException(file + ": CycloneDX " + (spec.isEmpty() ? "without specVersion" : spec)
                    + " is not supported (1.4, 1.5 and 1.6 are)");
        }
        List<SbomComponent> components = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        List<OsRelease> systems = new ArrayList<>();
        collect(file, bom.path("components"), components, problems, systems, 0);
        return new SbomDocument("cyclonedx", spec, bom, systems.stream().findFirst(), components, problems);
    }

    /** Components nest (CycloneDX allows sub-components, e.g. jars inside a war); walk them all. */
    private static void collect(Path file, JsonNode array, List<SbomComponent> out, List<ScanProblem> problems,
                                List<OsRelease> systems, int depth) {
        if (!array.isArray()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            problems.add(problem(file, "components nested deeper than " + MAX_DEPTH + " levels; the rest ignored"));
            return;
        }
        for (JsonNode c : array) {
            String name = c.path("name").asText("");
            Optional<String> ref = text(c, "bom-ref");
            if ("operating-system".equals(c.path("type").asText())) {
                os(name, c.path("version").asText("")).ifPresent(systems::add);
            }
            Optional<String> purl = text(c, "purl");
            if (purl.isPresent()) {
                add(file, ref, name, purl.get(), out, problems);
            }
            collect(file, c.path("components"), out, problems, systems, depth + 1);
        }
    }

    private static SbomDocument spdx(Path file, ObjectNode doc) {
        String spec = doc.path("spdxVersion").asText();
        if (!List.of("SPDX-2.2", "SPDX-2.3").contains(spec)) {
            throw new ConfigException(file + ": " + spec + " is not supported (SPDX-2.2 and SPDX-2.3 are)");
        }
        List<SbomComponent> components = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        Optional<OsRelease> os = Optional.empty();
        for (JsonNode p : doc.path("packages")) {
            String name = p.path("name").asText("");
            Optional<String> ref = text(p, "SPDXID");
            if ("OPERATING-SYSTEM".equals(p.path("primaryPackagePurpose").asText()) && os.isEmpty()) {
                os = os(name, p.path("versionInfo").asText(""));
            }
            for (JsonNode r : p.path("externalRefs")) {
                if ("purl".equals(r.path("referenceType").asText())) {
                    text(r, "referenceLocator").ifPresent(purl -> add(file, ref, name, purl, components, problems));
                }
            }
        }
        return new SbomDocument("spdx", spec, doc, os, components, problems);
    }

    private static void add(Path file, Optional<String> ref, String name, String purl, List<SbomComponent> out,
                            List<ScanProblem> problems) {
        try {
            new PackageURL(purl);
            out.add(new SbomComponent(ref, name, purl));
        } catch (MalformedPackageURLException e) {
            problems.add(problem(file, "component " + (name.isEmpty() ? ref.orElse("?") : name)
                    + ref.filter(r -> !name.isEmpty()).map(r -> " (" + r + ")").orElse("")
                    + ": invalid purl \"" + purl + "\": " + e.getMessage() + "; not matched"));
        }
    }

    /** Trivy and Syft write the OS as a component named after the os-release ID, versioned with VERSION_ID. */
    private static Optional<OsRelease> os(String name, String version) {
        String id = name.trim().toLowerCase(Locale.ROOT);
        if (id.isEmpty() || version.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new OsRelease(id, version.trim(), Optional.empty(), name + " " + version, List.of(),
                Optional.empty(), "sbom"));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static ScanProblem problem(Path file, String message) {
        return ScanProblem.of(ProblemKind.MALFORMED_FILE, "sbom", file.toString(), message);
    }
}
