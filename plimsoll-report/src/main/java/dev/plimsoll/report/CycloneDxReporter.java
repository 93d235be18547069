package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * CycloneDX 1.6 JSON, written field by field with Jackson's streaming generator. cyclonedx-core-java's model and
 * serialiser wrote it before; they cost a fresh JVM over half a second (Jackson introspecting about a hundred model
 * classes), so this class writes the same bytes directly, and the tests check them against that library's schema
 * validator and parser.
 *
 * <ul>
 *   <li>metadata.component is the image ("container", version = manifest digest, purl {@code pkg:oci/…}) or the
 *       scanned filesystem ("file"); the OS is an "operating-system" component; every package is a "library", OS
 *       packages included, as Syft and Trivy write them.</li>
 *   <li>bom-ref: the package's purl, with a {@code package-id} qualifier when two packages share one (see
 *       {@link PackageIndex}); "os:ID@VERSION" for the OS; the image's purl, else "image:NAME" or
 *       "filesystem:NAME".</li>
 *   <li>Facts without a CycloneDX field are properties in the "plimsoll:" namespace, named in
 *       {@link PackageProperties}: package type, source package, introducing layer, locations, analyzer, and
 *       per-format fields ({@code plimsoll:rpm:epoch}, …).</li>
 *   <li>Only vulnerability findings appear (in {@code vulnerabilities}); the other kinds have no place in a BOM.</li>
 *   <li>An incomplete scan is said twice: {@code plimsoll:scan:complete=false} with the problems as properties, and
 *       a composition marking the root assembly "incomplete".</li>
 * </ul>
 *
 * <p>Field order, and which empty values are left out, follow what the library wrote, so that BOMs stay
 * byte-for-byte what they were. So does its whitespace handling: most text is written through {@link #text}, which
 * trims it and folds line breaks, tabs and runs of spaces into one space, while vulnerability ids, descriptions and
 * recommendations, dependency refs, website URLs and license expressions were written as they are and still are.
 */
public final class CycloneDxReporter implements Reporter {
    private static final String NS = PackageProperties.NAMESPACE;

    private final DocumentIds documentIds;

    /** Serial numbers derived from the report's content: reproducible for a fixed {@code createdAt}. */
    public CycloneDxReporter() {
        this(DocumentIds.fromContent());
    }

    public CycloneDxReporter(DocumentIds documentIds) {
        this.documentIds = Objects.requireNonNull(documentIds);
    }

    @Override
    public String format() {
        return "cyclonedx";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("cdx", "cyclonedx-json");
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        String serialNumber = "urn:uuid:" + documentIds.idOf(report);
        ReportJson.write(out, g -> bom(g, report, serialNumber));
    }

    /** A component's licenses as CycloneDX allows them: one SPDX expression alone, or a list of licenses. */
    record Licenses(Optional<String> expression, List<License> licenses) {
    }

    /** One license of a list: by SPDX id ({@code spdxId}) when it is a listed one, else by name as declared. */
    record License(boolean spdxId, String text) {
    }

    private static void bom(JsonGenerator g, Report report, String serialNumber) throws IOException {
        ScanResult scan = report.scan();
        PackageIndex index = PackageIndex.of(scan.inventory());
        Subject subject = Subject.of(scan);
        String rootRef = subject.purl().orElse((subject.image() ? "image:" : "filesystem:") + subject.name());
        Optional<OsRelease> os = scan.inventory().os();

        g.writeStartObject();
        g.writeStringField("bomFormat", "CycloneDX");
        g.writeStringField("specVersion", "1.6");
        text(g, "serialNumber", serialNumber);
        g.writeNumberField("version", 1);
        metadata(g, report, subject, rootRef);
        if (os.isPresent() || !index.entries().isEmpty()) {
            g.writeArrayFieldStart("components");
            if (os.isPresent()) {
                operatingSystem(g, os.get());
            }
            for (PackageIndex.Entry e : index.entries()) {
                component(g, e);
            }
            g.writeEndArray();
        }
        dependencies(g, rootRef, os.isPresent() ? Optional.of(osRef(os.get())) : Optional.empty(), index);
        if (!scan.complete()) {
            g.writeArrayFieldStart("compositions");
            g.writeStartObject();
            g.writeStringField("aggregate", "incomplete");
            g.writeArrayFieldStart("assemblies");
            g.writeString(clean(rootRef));
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
        }
        List<VulnerabilityFinding> vulnerabilities = new ArrayList<>();
        for (Finding f : Findings.sorted(scan.findings())) {
            switch (f) {
                case VulnerabilityFinding v -> vulnerabilities.add(v);
                // A BOM describes components and their vulnerabilities; configuration, secret and compliance
                // results belong to the table, JSON and (later) SARIF reports.
                case MisconfigurationFinding m -> { }
                case SecretFinding s -> { }
                case ComplianceFinding c -> { }
            }
        }
        if (!vulnerabilities.isEmpty()) {
            g.writeArrayFieldStart("vulnerabilities");
            for (VulnerabilityFinding v : vulnerabilities) {
                vulnerability(g, v, refsOf(v, index));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, Report report, Subject subject, String rootRef) throws IOException {
        g.writeObjectFieldStart("metadata");
        // Whole seconds in UTC ("2025-01-31T12:34:56Z"): Instant prints exactly that once truncated.
        g.writeStringField("timestamp", report.createdAtSeconds().toString());
        g.writeObjectFieldStart("tools");
        g.writeArrayFieldStart("components");
        g.writeStartObject();
        g.writeStringField("type", "application");
        text(g, "name", report.tool().name());
        text(g, "version", report.tool().version());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeFieldName("component");
        root(g, subject, rootRef, report.scan().inventory().image());
        ScanResult scan = report.scan();
        List<ScanProblem> problems = scan.allProblems();
        g.writeArrayFieldStart("properties");
        property(g, "scan:complete", Boolean.toString(scan.complete()));
        for (int i = 0; i < problems.size(); i++) {
            property(g, "problem:" + i, problems.get(i).kind().name() + " " + problems.get(i));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void root(JsonGenerator g, Subject subject, String rootRef, Optional<ImageSummary> image)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", subject.image() ? "container" : "file");
        text(g, "bom-ref", rootRef);
        text(g, "name", subject.name());
        if (subject.version().isPresent()) {
            text(g, "version", subject.version().get());
        }
        if (subject.purl().isPresent()) {
            text(g, "purl", subject.purl().get());
        }
        if (subject.image() && image.isPresent()) {
            ImageSummary i = image.get();
            g.writeArrayFieldStart("properties");
            property(g, "image:sourceKind", i.sourceKind());
            if (i.configDigest().isPresent()) {
                property(g, "image:configDigest", i.configDigest().get().toString());
            }
            property(g, "image:platform", i.platform().toString());
            for (String tag : i.repoTags()) {
                property(g, "image:repoTag", tag);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void operatingSystem(JsonGenerator g, OsRelease os) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "operating-system");
        text(g, "bom-ref", osRef(os));
        text(g, "name", os.id());
        text(g, "version", os.versionId());
        text(g, "description", os.prettyName());
        if (os.versionCodename().isPresent() || os.detail().isPresent()) {
            g.writeArrayFieldStart("properties");
            if (os.versionCodename().isPresent()) {
                property(g, "os:versionCodename", os.versionCodename().get());
            }
            if (os.detail().isPresent()) {
                property(g, "os:detail", os.detail().get());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static String osRef(OsRelease os) {
        return "os:" + os.id() + "@" + os.versionId();
    }

    private static void component(JsonGenerator g, PackageIndex.Entry e) throws IOException {
        Package p = e.pkg();
        g.writeStartObject();
        g.writeStringField("type", "library");
        text(g, "bom-ref", e.ref());
        Optional<Party> supplier = Party.supplierOf(p);
        if (supplier.isPresent()) {
            g.writeObjectFieldStart("supplier");
            text(g, "name", supplier.get().name());
            if (supplier.get().email().isPresent()) {
                g.writeArrayFieldStart("contact");
                g.writeStartObject();
                text(g, "email", supplier.get().email().get());
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        text(g, "name", p.name());
        text(g, "version", p.version());
        Optional<Licenses> licenses = licenses(p.licenses());
        if (licenses.isPresent()) {
            licenses(g, licenses.get());
        }
        text(g, "purl", e.purl());
        if (p.metadata() instanceof PackageMetadata.Apk a && a.url().isPresent()) {
            g.writeArrayFieldStart("externalReferences");
            // A URL that does not parse as a URI is dropped, leaving the list empty rather than the BOM invalid.
            if (isUri(a.url().get())) {
                g.writeStartObject();
                g.writeStringField("type", "website");
                g.writeStringField("url", a.url().get());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        List<PackageProperties.Entry> properties = PackageProperties.of(p);
        if (!properties.isEmpty()) {
            g.writeArrayFieldStart("properties");
            for (PackageProperties.Entry prop : properties) {
                g.writeStartObject();
                text(g, "name", prop.name());
                text(g, "value", prop.value());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!p.locations().isEmpty()) {
            g.writeObjectFieldStart("evidence");
            g.writeArrayFieldStart("occurrences");
            for (Location l : p.locations()) {
                g.writeStartObject();
                text(g, "location", l.path());
                if (l.line().isPresent()) {
                    g.writeNumberField("line", l.line().getAsInt());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static boolean isUri(String text) {
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Listed SPDX ids as {@code license.id}; if every declared license is a valid SPDX expression and one is
     * compound, one {@code expression} (the schema allows an expression only alone); otherwise each license by id
     * when it is one, else by name as written.
     */
    static Optional<Licenses> licenses(List<String> declared) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(declared));
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        SpdxLicenses spdx = SpdxLicenses.bundled();
        List<Optional<SpdxLicenses.Expression>> parsed = new ArrayList<>(distinct.size());
        boolean allValid = true;
        boolean anyCompound = false;
        for (String license : distinct) {
            Optional<SpdxLicenses.Expression> x = spdx.parse(license);
            parsed.add(x);
            allValid &= x.isPresent();
            anyCompound |= x.isPresent() && !x.get().singleId();
        }
        if (allValid && anyCompound) {
            StringBuilder expression = new StringBuilder();
            for (Optional<SpdxLicenses.Expression> x : parsed) {
                if (!expression.isEmpty()) {
                    expression.append(" AND ");
                }
                boolean parenthesise = parsed.size() > 1 && !x.get().singleId();
                expression.append(parenthesise ? "(" + x.get().text() + ")" : x.get().text());
            }
            return Optional.of(new Licenses(Optional.of(expression.toString()), List.of()));
        }
        List<License> licenses = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            Optional<SpdxLicenses.Expression> x = parsed.get(i);
            licenses.add(x.isPresent() && x.get().singleId() ? new License(true, x.get().text())
                    : new License(false, distinct.get(i)));
        }
        return Optional.of(new Licenses(Optional.empty(), List.copyOf(licenses)));
    }

    private static void licenses(JsonGenerator g, Licenses licenses) throws IOException {
        g.writeArrayFieldStart("licenses");
        if (licenses.expression().isPresent()) {
            g.writeStartObject();
            g.writeStringField("expression", licenses.expression().get());
            g.writeEndObject();
        }
        for (License l : licenses.licenses()) {
            g.writeStartObject();
            g.writeObjectFieldStart("license");
            text(g, l.spdxId() ? "id" : "name", l.text());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void dependencies(JsonGenerator g, String rootRef, Optional<String> osRef, PackageIndex index)
            throws IOException {
        // Sets: a ref is listed once per dependency even if two entries resolve to it.
        Set<String> fromRoot = new LinkedHashSet<>();
        Set<String> fromOs = new LinkedHashSet<>();
        if (osRef.isPresent()) {
            fromRoot.add(osRef.get());
        }
        for (PackageIndex.Entry e : index.entries()) {
            (osRef.isPresent() && e.pkg().ecosystem().isOs() ? fromOs : fromRoot).add(e.ref());
        }
        g.writeArrayFieldStart("dependencies");
        dependency(g, rootRef, fromRoot);
        if (osRef.isPresent()) {
            dependency(g, osRef.get(), fromOs);
        }
        g.writeEndArray();
    }

    private static void dependency(JsonGenerator g, String ref, Set<String> dependsOn) throws IOException {
        g.writeStartObject();
        g.writeStringField("ref", ref);
        g.writeArrayFieldStart("dependsOn");
        for (String d : dependsOn) {
            g.writeString(d);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static List<String> refsOf(VulnerabilityFinding v, PackageIndex index) {
        List<PackageIndex.Entry> affected = index.withPurl(v.pkg().purl());
        // Matchers report inventory packages, so the purl finds them. A finding about a package the inventory lacks
        // keeps its purl as the reference rather than being dropped: losing a vulnerability is the worse failure.
        List<String> refs = new ArrayList<>();
        for (PackageIndex.Entry e : affected) {
            refs.add(e.ref());
        }
        if (refs.isEmpty()) {
            refs.add(v.pkg().purl());
        }
        return refs;
    }

    /**
     * One entry of a CycloneDX {@code vulnerabilities} array: id and source, aliases as references, ratings
     * (severity and CVSS), the fix, analysis where the vendor's state is known, and the affected components' refs.
     */
    static void vulnerability(JsonGenerator g, VulnerabilityFinding v, List<String> refs) throws IOException {
        g.writeStartObject();
        String id = v.ruleId().value();
        if (!id.isEmpty()) {
            g.writeStringField("id", id);
        }
        Optional<Advisories.Source> source = Advisories.sourceOf(id);
        if (source.isPresent()) {
            source(g, source.get());
        }
        List<String> unsourcedAliases = new ArrayList<>();
        List<String> sourcedAliases = new ArrayList<>();
        for (String alias : v.aliases()) {
            (Advisories.sourceOf(alias).isPresent() ? sourcedAliases : unsourcedAliases).add(alias);
        }
        if (!sourcedAliases.isEmpty()) {
            g.writeArrayFieldStart("references");
            for (String alias : sourcedAliases) {
                g.writeStartObject();
                text(g, "id", alias);
                source(g, Advisories.sourceOf(alias).orElseThrow());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("ratings");
        g.writeStartObject();
        if (!v.severitySource().isEmpty() && !v.severitySource().equals("none")) {
            g.writeObjectFieldStart("source");
            g.writeStringField("name", v.severitySource());
            g.writeEndObject();
        }
        g.writeStringField("severity", rating(v.severity()));
        g.writeEndObject();
        for (Cvss c : v.cvss()) {
            Optional<String> method = cvssMethod(c.version());
            if (method.isEmpty()) {
                continue;
            }
            g.writeStartObject();
            g.writeObjectFieldStart("source");
            g.writeStringField("name", c.source());
            g.writeEndObject();
            if (c.score().isPresent()) {
                g.writeNumberField("score", c.score().get());
            }
            g.writeStringField("method", method.get());
            g.writeStringField("vector", c.vector());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (!v.title().isEmpty()) {
            g.writeStringField("description", v.title());
        }
        if (v.fix().isPresent() && !v.fix().get().isEmpty()) {
            g.writeStringField("recommendation", v.fix().get());
        }
        Optional<String> response = switch (v.status()) {
            case FIXED -> Optional.of("update");
            case WONT_FIX -> Optional.of("will_not_fix");
            case END_OF_LIFE -> Optional.of("can_not_fix");
            case NOT_FIXED, DISPUTED, CANNOT_COMPARE -> Optional.empty();
        };
        if (response.isPresent() || !v.statusReason().isEmpty()) {
            g.writeObjectFieldStart("analysis");
            if (!v.statusReason().isEmpty()) {
                g.writeStringField("detail", v.statusReason());
            }
            if (response.isPresent()) {
                g.writeArrayFieldStart("response");
                g.writeString(response.get());
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        if (!FindingLinks.references(v).isEmpty()) {
            g.writeArrayFieldStart("advisories");
            for (URI uri : FindingLinks.references(v)) {
                g.writeStartObject();
                text(g, "url", uri.toASCIIString());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("affects");
        for (String ref : refs) {
            g.writeStartObject();
            text(g, "ref", ref);
            g.writeArrayFieldStart("versions");
            g.writeStartObject();
            text(g, "version", v.pkg().version());
            g.writeStringField("status", "affected");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("properties");
        // CycloneDX references need a source; an alias without a known publisher is kept as a property.
        for (String alias : unsourcedAliases) {
            property(g, "alias", alias);
        }
        for (String fixed : v.fixedVersions()) {
            property(g, "fixedVersion", fixed);
        }
        property(g, "fixState", v.status().label());
        if (v.knownExploited()) {
            property(g, "knownExploited", "true");
        }
        property(g, "fingerprint", v.fingerprint().value());
        g.writeEndArray();
        g.writeEndObject();
    }

    /** CycloneDX's rating method names for each CVSS version. */
    private static Optional<String> cvssMethod(String version) {
        return switch (version) {
            case "2.0" -> Optional.of("CVSSv2");
            case "3.0" -> Optional.of("CVSSv3");
            case "3.1" -> Optional.of("CVSSv31");
            case "4.0" -> Optional.of("CVSSv4");
            default -> Optional.empty();
        };
    }

    private static String rating(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "critical";
            case HIGH -> "high";
            case MEDIUM -> "medium";
            case LOW -> "low";
            case UNKNOWN -> "unknown";
        };
    }

    private static void source(JsonGenerator g, Advisories.Source s) throws IOException {
        g.writeObjectFieldStart("source");
        text(g, "name", s.name());
        text(g, "url", s.url());
        g.writeEndObject();
    }

    private static void property(JsonGenerator g, String name, String value) throws IOException {
        g.writeStartObject();
        text(g, "name", NS + name);
        text(g, "value", value);
        g.writeEndObject();
    }

    /** A text field, {@link #clean cleaned}; an empty value is still written, as the library wrote it. */
    private static void text(JsonGenerator g, String field, String value) throws IOException {
        g.writeStringField(field, clean(value));
    }

    /**
     * Trims {@code s} (every character up to U+0020) and folds each run of spaces, tabs, CRs and LFs inside it into
     * one space: the normalisation cyclonedx-core-java applied to text fields, kept so that values (a multi-line
     * problem message, a license name with doubled spaces) read as they did. Returns {@code s} itself when nothing
     * changes, which is nearly always.
     */
    static String clean(String s) {
        String t = s.trim();
        if (!needsFolding(t)) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        boolean inRun = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!isFolded(c)) {
                sb.append(c);
            } else if (!inRun) {
                sb.append(' ');
            }
            inRun = isFolded(c);
        }
        return sb.toString();
    }

    private static boolean needsFolding(String trimmed) {
        // A space followed by a tab, CR or LF is caught by the second character.
        return trimmed.indexOf('\t') >= 0 || trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0
                || trimmed.contains("  ");
    }

    private static boolean isFolded(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
