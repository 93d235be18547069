package dev.plimsoll.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.BomReference;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Composition;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Evidence;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalContact;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.component.evidence.Occurrence;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;
import org.cyclonedx.model.vulnerability.Vulnerability;

/**
 * CycloneDX 1.6 JSON, built with cyclonedx-core-java's model and serialiser so the output follows the library that
 * validates it.
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
 */
public final class CycloneDxReporter implements Reporter {
    private static final String NS = PackageProperties.NAMESPACE;

    private final DocumentIds documentIds;
    private final JsonMapper mapper = ReportJson.newMapper();

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
        Bom bom = bom(report);
        String json;
        try {
            json = BomGeneratorFactory.createJson(Version.VERSION_16, bom).toJsonString(false);
        } catch (GeneratorException e) {
            throw new IOException("cannot serialise the CycloneDX BOM: " + e.getMessage(), e);
        }
        // Re-read and print through the module's mapper: every JSON format shares one layout.
        JsonNode tree = mapper.readTree(json);
        ReportJson.write(mapper, tree, out);
    }

    private Bom bom(Report report) {
        ScanResult scan = report.scan();
        PackageIndex index = PackageIndex.of(scan.inventory());
        Subject subject = Subject.of(scan);

        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + documentIds.idOf(report));
        bom.setVersion(1);

        Component root = root(subject, scan.inventory().image());
        bom.setMetadata(metadata(report, root));

        List<Component> components = new ArrayList<>();
        Optional<Component> os = scan.inventory().os().map(CycloneDxReporter::operatingSystem);
        os.ifPresent(components::add);
        for (PackageIndex.Entry e : index.entries()) {
            components.add(component(e));
        }
        bom.setComponents(components);
        bom.setDependencies(dependencies(root, os, index));
        if (!scan.complete()) {
            Composition incomplete = new Composition();
            incomplete.setAggregate(Composition.Aggregate.INCOMPLETE);
            incomplete.setAssemblies(List.of(new BomReference(root.getBomRef())));
            bom.setCompositions(List.of(incomplete));
        }
        List<Vulnerability> vulnerabilities = new ArrayList<>();
        for (Finding f : Findings.sorted(scan.findings())) {
            switch (f) {
                case VulnerabilityFinding v -> vulnerabilities.add(vulnerability(v, index));
                // A BOM describes components and their vulnerabilities; configuration, secret and compliance
                // results belong to the table, JSON and (later) SARIF reports.
                case MisconfigurationFinding m -> { }
                case SecretFinding s -> { }
                case ComplianceFinding c -> { }
            }
        }
        if (!vulnerabilities.isEmpty()) {
            bom.setVulnerabilities(vulnerabilities);
        }
        return bom;
    }

    private static Metadata metadata(Report report, Component root) {
        Metadata metadata = new Metadata();
        // cyclonedx-core-java's model takes java.util.Date; its serialiser prints whole seconds in UTC.
        metadata.setTimestamp(Date.from(report.createdAtSeconds()));
        Component tool = new Component();
        tool.setType(Component.Type.APPLICATION);
        tool.setName(report.tool().name());
        tool.setVersion(report.tool().version());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(tool));
        metadata.setToolChoice(tools);
        metadata.setComponent(root);
        List<Property> properties = new ArrayList<>();
        ScanResult scan = report.scan();
        properties.add(property("scan:complete", Boolean.toString(scan.complete())));
        List<ScanProblem> problems = scan.allProblems();
        for (int i = 0; i < problems.size(); i++) {
            properties.add(property("problem:" + i, problems.get(i).kind().name() + " " + problems.get(i)));
        }
        metadata.setProperties(properties);
        return metadata;
    }

    private static Component root(Subject subject, Optional<ImageSummary> image) {
        Component c = new Component();
        c.setType(subject.image() ? Component.Type.CONTAINER : Component.Type.FILE);
        c.setBomRef(subject.purl().orElse((subject.image() ? "image:" : "filesystem:") + subject.name()));
        c.setName(subject.name());
        subject.version().ifPresent(c::setVersion);
        subject.purl().ifPresent(c::setPurl);
        if (subject.image()) {
            List<Property> properties = new ArrayList<>();
            image.ifPresent(i -> {
                properties.add(property("image:sourceKind", i.sourceKind()));
                i.configDigest().ifPresent(d -> properties.add(property("image:configDigest", d.toString())));
                properties.add(property("image:platform", i.platform().toString()));
                i.repoTags().forEach(t -> properties.add(property("image:repoTag", t)));
            });
            c.setProperties(properties);
        }
        return c;
    }

    private static Component operatingSystem(OsRelease os) {
        Component c = new Component();
        c.setType(Component.Type.OPERATING_SYSTEM);
        c.setBomRef(osRef(os));
        c.setName(os.id());
        c.setVersion(os.versionId());
        c.setDescription(os.prettyName());
        List<Property> properties = new ArrayList<>();
        os.versionCodename().ifPresent(v -> properties.add(property("os:versionCodename", v)));
        os.detail().ifPresent(v -> properties.add(property("os:detail", v)));
        if (!properties.isEmpty()) {
            c.setProperties(properties);
        }
        return c;
    }

    private static String osRef(OsRelease os) {
        return "os:" + os.id() + "@" + os.versionId();
    }

    private static Component component(PackageIndex.Entry e) {
        Package p = e.pkg();
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setBomRef(e.ref());
        c.setName(p.name());
        c.setVersion(p.version());
        c.setPurl(e.purl());
        Party.supplierOf(p).ifPresent(party -> c.setSupplier(supplier(party)));
        licenses(p.licenses()).ifPresent(c::setLicenses);
        c.setProperties(properties(p));
        if (!p.locations().isEmpty()) {
            Evidence evidence = new Evidence();
            List<Occurrence> occurrences = new ArrayList<>();
            for (Location l : p.locations()) {
                Occurrence o = new Occurrence();
                o.setLocation(l.path());
                l.line().ifPresent(o::setLine);
                occurrences.add(o);
            }
            evidence.setOccurrences(occurrences);
            c.setEvidence(evidence);
        }
        if (p.metadata() instanceof PackageMetadata.Apk a && a.url().isPresent()) {
            ExternalReference website = new ExternalReference();
            website.setType(ExternalReference.Type.WEBSITE);
            website.setUrl(a.url().get());
            c.setExternalReferences(List.of(website));
        }
        return c;
    }

    private static OrganizationalEntity supplier(Party party) {
        OrganizationalEntity entity = new OrganizationalEntity();
        entity.setName(party.name());
        party.email().ifPresent(email -> {
            OrganizationalContact contact = new OrganizationalContact();
            contact.setEmail(email);
            entity.setContacts(List.of(contact));
        });
        return entity;
    }

    /**
     * Listed SPDX ids as {@code license.id}; if every declared license is a valid SPDX expression and one is
     * compound, one {@code expression} (the schema allows an expression only alone); otherwise each license by id
     * when it is one, else by name as written.
     */
    static Optional<LicenseChoice> licenses(List<String> declared) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(declared));
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        SpdxLicenses spdx = SpdxLicenses.bundled();
        List<Optional<SpdxLicenses.Expression>> parsed = distinct.stream().map(spdx::parse).toList();
        LicenseChoice choice = new LicenseChoice();
        boolean allValid = parsed.stream().allMatch(Optional::isPresent);
        boolean anyCompound = parsed.stream().anyMatch(x -> x.isPresent() && !x.get().singleId());
        if (allValid && anyCompound) {
            choice.setExpression(new Expression(parsed.stream().map(Optional::get)
                    .map(x -> parsed.size() > 1 && !x.singleId() ? "(" + x.text() + ")" : x.text())
                    .reduce((a, b) -> a + " AND " + b).orElseThrow()));
            return Optional.of(choice);
        }
        List<License> licenses = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            License l = new License();
            Optional<SpdxLicenses.Expression> x = parsed.get(i);
            if (x.isPresent() && x.get().singleId()) {
                l.setId(x.get().text());
            } else {
                l.setName(distinct.get(i));
            }
            licenses.add(l);
        }
        choice.setLicenses(licenses);
        return Optional.of(choice);
    }

    private static List<Property> properties(Package p) {
        return PackageProperties.of(p).stream().map(e -> new Property(e.name(), e.value())).toList();
    }

    private static List<Dependency> dependencies(Component root, Optional<Component> os, PackageIndex index) {
        Dependency rootDependency = new Dependency(root.getBomRef());
        List<Dependency> all = new ArrayList<>();
        all.add(rootDependency);
        if (os.isPresent()) {
            rootDependency.addDependency(new Dependency(os.get().getBomRef()));
            Dependency osDependency = new Dependency(os.get().getBomRef());
            for (PackageIndex.Entry e : index.entries()) {
                if (e.pkg().ecosystem().isOs()) {
                    osDependency.addDependency(new Dependency(e.ref()));
                } else {
                    rootDependency.addDependency(new Dependency(e.ref()));
                }
            }
            all.add(osDependency);
        } else {
            index.entries().forEach(e -> rootDependency.addDependency(new Dependency(e.ref())));
        }
        return all;
    }

    private static Vulnerability vulnerability(VulnerabilityFinding v, PackageIndex index) {
        Vulnerability vuln = new Vulnerability();
        vuln.setId(v.ruleId().value());
        Advisories.sourceOf(v.ruleId().value()).ifPresent(s -> vuln.setSource(source(s)));
        List<Vulnerability.Reference> references = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        for (String alias : v.aliases()) {
            Optional<Advisories.Source> source = Advisories.sourceOf(alias);
            if (source.isPresent()) {
                Vulnerability.Reference r = new Vulnerability.Reference();
                r.setId(alias);
                r.setSource(source(source.get()));
                references.add(r);
            } else {
                // CycloneDX references need a source; an alias without a known publisher is kept as a property.
                properties.add(property("alias", alias));
            }
        }
        vuln.setReferences(references);
        Vulnerability.Rating rating = new Vulnerability.Rating();
        rating.setSeverity(rating(v.severity()));
        vuln.setRatings(List.of(rating));
        vuln.setDescription(v.title());
        v.fix().ifPresent(vuln::setRecommendation);
        List<Vulnerability.Advisory> advisories = new ArrayList<>();
        for (URI uri : v.references()) {
            Vulnerability.Advisory a = new Vulnerability.Advisory();
            a.setUrl(uri.toString());
            advisories.add(a);
        }
        vuln.setAdvisories(advisories);
        List<Vulnerability.Affect> affects = new ArrayList<>();
        List<PackageIndex.Entry> affected = index.withPurl(v.pkg().purl());
        // Matchers report inventory packages, so the purl finds them. A finding about a package the inventory lacks
        // keeps its purl as the reference rather than being dropped: losing a vulnerability is the worse failure.
        List<String> refs = affected.isEmpty() ? List.of(v.pkg().purl())
                : affected.stream().map(PackageIndex.Entry::ref).toList();
        for (String ref : refs) {
            Vulnerability.Affect affect = new Vulnerability.Affect();
            affect.setRef(ref);
            Vulnerability.Version version = new Vulnerability.Version();
            version.setVersion(v.pkg().version());
            version.setStatus(Vulnerability.Version.Status.AFFECTED);
            affect.setVersions(List.of(version));
            affects.add(affect);
        }
        vuln.setAffects(affects);
        v.fixedVersion().ifPresent(f -> properties.add(property("fixedVersion", f)));
        properties.add(property("fixState", v.fixState()));
        properties.add(property("fingerprint", v.fingerprint().value()));
        vuln.setProperties(properties);
        return vuln;
    }

    private static Vulnerability.Rating.Severity rating(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Vulnerability.Rating.Severity.CRITICAL;
            case HIGH -> Vulnerability.Rating.Severity.HIGH;
            case MEDIUM -> Vulnerability.Rating.Severity.MEDIUM;
            case LOW -> Vulnerability.Rating.Severity.LOW;
            case UNKNOWN -> Vulnerability.Rating.Severity.UNKNOWN;
        };
    }

    private static Vulnerability.Source source(Advisories.Source s) {
        Vulnerability.Source source = new Vulnerability.Source();
        source.setName(s.name());
        source.setUrl(s.url());
        return source;
    }

    private static Property property(String name, String value) {
        return new Property(NS + name, value);
    }
}
