package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.core.finding.Fingerprint;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SPDX 2.3 JSON, written with Jackson to the SPDX 2.3 JSON schema.
 *
 * <ul>
 *   <li>One package for the image (purpose CONTAINER) or filesystem (FILE), one for the OS (OPERATING_SYSTEM) and
 *       one per package (LIBRARY); the document DESCRIBES the root, which CONTAINS the OS and every package.</li>
 *   <li>SPDXIDs: {@code SPDXRef-Package-TYPE-NAME-HASH}, where HASH is 16 hex digits of a SHA-256 of the package's
 *       unique report reference (its purl, see {@link PackageIndex}) and NAME keeps only letters, digits, '.' and
 *       '-'; {@code SPDXRef-Image-NAME}, {@code SPDXRef-Filesystem-NAME}, {@code SPDXRef-OperatingSystem-ID-VERSION}.
 *       </li>
 *   <li>licenseDeclared is a valid SPDX expression: listed ids as they are, any other declared license as a
 *       {@code LicenseRef-} defined in hasExtractedLicensingInfos (so nothing declared is lost), several licenses
 *       joined with AND; NOASSERTION when none is declared. licenseConcluded is NOASSERTION: Plimsoll reads
 *       declarations, it does not conclude.</li>
 *   <li>primaryPackagePurpose uses the JSON schema's spelling OPERATING_SYSTEM: the spec's prose says
 *       OPERATING-SYSTEM, but the 2.3 JSON schema, which validators check, enumerates only the underscore form.</li>
 *   <li>Facts without an SPDX field (layers, locations, analyzer, per-format fields) are package annotations
 *       "NAME=VALUE" with the names of {@link PackageProperties}; an incomplete scan is stated in the document
 *       comment.</li>
 * </ul>
 */
public final class SpdxJsonReporter implements Reporter {
    private static final String NOASSERTION = "NOASSERTION";
    private static final String NAMESPACE_BASE = "https://plimsoll.dev/spdx/";
    /** Properties SPDX already carries in its own fields (the purl's type, sourceInfo), not repeated as annotations. */
    private static final Set<String> SPDX_FIELDS = Set.of(PackageProperties.NAMESPACE + "package:type",
            PackageProperties.NAMESPACE + "source:name", PackageProperties.NAMESPACE + "source:version");
    // Compiled once: String.replaceAll would compile each pattern again for every package.
    private static final Pattern NOT_ID_CHARS = Pattern.compile("[^A-Za-z0-9.-]+");
    private static final Pattern DASH_RUNS = Pattern.compile("-{2,}");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-|-$");

    private final DocumentIds documentIds;

    /** Namespaces derived from the report's content: reproducible for a fixed {@code createdAt}. */
    public SpdxJsonReporter() {
        this(DocumentIds.fromContent());
    }

    public SpdxJsonReporter(DocumentIds documentIds) {
        this.documentIds = Objects.requireNonNull(documentIds);
    }

    @Override
    public String format() {
        return "spdx-json";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("spdx");
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        String documentId = documentIds.idOf(report).toString();
        ReportJson.write(out, g -> document(g, report, documentId));
    }

    /**
     * Streamed, with plain conditionals rather than Optional lambdas: in a fresh JVM, as every CLI run is, building a
     * tree first and spinning a class per lambda cost more than writing the document.
     */
    private static void document(JsonGenerator g, Report report, String documentId) throws IOException {
        ScanResult scan = report.scan();
        Subject subject = Subject.of(scan);
        PackageIndex index = PackageIndex.of(scan.inventory());
        String created = report.createdAtSeconds().toString();
        String creator = "Tool: " + report.tool().name() + "-" + report.tool().version();
        SpdxLicenses spdx = SpdxLicenses.bundled();
        LicenseRefs licenseRefs = new LicenseRefs();

        g.writeStartObject();
        g.writeStringField("spdxVersion", "SPDX-2.3");
        g.writeStringField("dataLicense", "CC0-1.0");
        g.writeStringField("SPDXID", "SPDXRef-DOCUMENT");
        g.writeStringField("name", subject.name());
        g.writeStringField("documentNamespace", NAMESPACE_BASE + idString(subject.name()) + "-" + documentId);
        if (!scan.complete()) {
            g.writeStringField("comment", incompleteComment(scan.allProblems()));
        }
        g.writeObjectFieldStart("creationInfo");
        g.writeStringField("licenseListVersion", spdx.listVersion());
        g.writeArrayFieldStart("creators");
        g.writeString(creator);
        g.writeEndArray();
        g.writeStringField("created", created);
        g.writeEndObject();

        g.writeArrayFieldStart("packages");
        Set<String> usedIds = new HashSet<>();
        String rootId = unique(usedIds, (subject.image() ? "SPDXRef-Image-" : "SPDXRef-Filesystem-")
                + idString(subject.name()));
        root(g, subject, rootId);
        Optional<OsRelease> os = scan.inventory().os();
        String osId = null;
        if (os.isPresent()) {
            osId = unique(usedIds, "SPDXRef-OperatingSystem-" + idString(os.get().id() + "-" + os.get().versionId()));
            operatingSystem(g, os.get(), osId);
        }
        List<String> packageIds = new ArrayList<>();
        for (PackageIndex.Entry e : index.entries()) {
            Package p = e.pkg();
            String id = unique(usedIds, "SPDXRef-Package-" + p.ecosystem().purlType() + "-" + idString(p.name())
                    + "-" + Fingerprint.of(e.ref()).value().substring(0, 16));
            packageIds.add(id);
            pkg(g, e, id, licenseDeclared(p.licenses(), spdx, licenseRefs), creator, created);
        }
        g.writeEndArray();

        if (!licenseRefs.byId.isEmpty()) {
            g.writeArrayFieldStart("hasExtractedLicensingInfos");
            for (Map.Entry<String, String> ref : licenseRefs.byId.entrySet()) {
                g.writeStartObject();
                g.writeStringField("licenseId", ref.getKey());
                g.writeStringField("name", ref.getValue());
                // Plimsoll sees the license as the package database declares it, not the license text itself.
                g.writeStringField("extractedText", ref.getValue());
                g.writeStringField("comment", "declared by the package as: " + ref.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        g.writeArrayFieldStart("relationships");
        relationship(g, "SPDXRef-DOCUMENT", "DESCRIBES", rootId);
        if (osId != null) {
            relationship(g, rootId, "CONTAINS", osId);
        }
        for (String id : packageIds) {
            relationship(g, rootId, "CONTAINS", id);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void root(JsonGenerator g, Subject subject, String id) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", subject.name());
        g.writeStringField("SPDXID", id);
        if (subject.version().isPresent()) {
            g.writeStringField("versionInfo", subject.version().get());
        }
        g.writeStringField("supplier", NOASSERTION);
        noAssertions(g);
        if (subject.purl().isPresent()) {
            purlRef(g, subject.purl().get());
        }
        g.writeStringField("primaryPackagePurpose", subject.image() ? "CONTAINER" : "FILE");
        g.writeEndObject();
    }

    private static void operatingSystem(JsonGenerator g, OsRelease os, String id) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", os.id());
        g.writeStringField("SPDXID", id);
        g.writeStringField("versionInfo", os.versionId());
        g.writeStringField("supplier", NOASSERTION);
        noAssertions(g);
        g.writeStringField("description", os.prettyName());
        g.writeStringField("primaryPackagePurpose", "OPERATING_SYSTEM");
        g.writeEndObject();
    }

    private static void pkg(JsonGenerator g, PackageIndex.Entry e, String id, String licenseDeclared, String creator,
                            String created) throws IOException {
        Package p = e.pkg();
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("SPDXID", id);
        g.writeStringField("versionInfo", p.version());
        g.writeStringField("supplier", supplier(p));
        g.writeStringField("downloadLocation", NOASSERTION);
        g.writeBooleanField("filesAnalyzed", false);
        if (p.source().isPresent()) {
            g.writeStringField("sourceInfo",
                    "built package from: " + p.source().get().name() + " " + p.source().get().version());
        }
        g.writeStringField("licenseConcluded", NOASSERTION);
        g.writeStringField("licenseDeclared", licenseDeclared);
        g.writeStringField("copyrightText", NOASSERTION);
        purlRef(g, e.purl());
        g.writeStringField("primaryPackagePurpose", "LIBRARY");
        g.writeArrayFieldStart("annotations");
        for (PackageProperties.Entry prop : PackageProperties.of(p)) {
            if (SPDX_FIELDS.contains(prop.name())) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("annotator", creator);
            g.writeStringField("annotationDate", created);
            g.writeStringField("annotationType", "OTHER");
            g.writeStringField("comment", prop.name() + "=" + prop.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String supplier(Package p) {
        Optional<Party> party = Party.supplierOf(p);
        if (party.isEmpty()) {
            return NOASSERTION;
        }
        Optional<String> email = party.get().email();
        return "Organization: " + party.get().name() + (email.isPresent() ? " (" + email.get() + ")" : "");
    }

    private static void noAssertions(JsonGenerator g) throws IOException {
        g.writeStringField("downloadLocation", NOASSERTION);
        g.writeBooleanField("filesAnalyzed", false);
        g.writeStringField("licenseConcluded", NOASSERTION);
        g.writeStringField("licenseDeclared", NOASSERTION);
        g.writeStringField("copyrightText", NOASSERTION);
    }

    private static void purlRef(JsonGenerator g, String purl) throws IOException {
        g.writeArrayFieldStart("externalRefs");
        g.writeStartObject();
        g.writeStringField("referenceCategory", "PACKAGE-MANAGER");
        g.writeStringField("referenceType", "purl");
        g.writeStringField("referenceLocator", purl);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void relationship(JsonGenerator g, String from, String type, String to) throws IOException {
        g.writeStartObject();
        g.writeStringField("spdxElementId", from);
        g.writeStringField("relationshipType", type);
        g.writeStringField("relatedSpdxElement", to);
        g.writeEndObject();
    }

    static String licenseDeclared(List<String> declared, SpdxLicenses spdx, LicenseRefs refs) {
        List<String> parts = new ArrayList<>();
        for (String license : new LinkedHashSet<>(declared)) {
            if (license.isBlank()) {
                continue;
            }
            Optional<SpdxLicenses.Expression> x = spdx.parse(license);
            if (x.isEmpty()) {
                parts.add(refs.refFor(license));
            } else {
                parts.add(x.get().singleId() ? x.get().text() : "(" + x.get().text() + ")");
            }
        }
        if (parts.isEmpty()) {
            return NOASSERTION;
        }
        if (parts.size() == 1 && parts.get(0).startsWith("(")) {
            return parts.get(0).substring(1, parts.get(0).length() - 1);
        }
        return String.join(" AND ", parts);
    }

    private static String incompleteComment(List<ScanProblem> problems) {
        StringBuilder sb = new StringBuilder("INCOMPLETE: the scan met ").append(problems.size())
                .append(" problem(s); packages may be missing. ");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(problems.get(i).kind().name()).append(' ').append(problems.get(i));
        }
        return sb.toString();
    }

    /** SPDX idstring: letters, digits, '.' and '-'; '+' becomes "plus" so "GPL-2+" stays distinct from "GPL-2". */
    static String idString(String text) {
        String s = NOT_ID_CHARS.matcher(text.replace("+", "plus")).replaceAll("-");
        s = EDGE_DASHES.matcher(DASH_RUNS.matcher(s).replaceAll("-")).replaceAll("");
        return s.isEmpty() ? "unnamed" : s;
    }

    private static String unique(Set<String> used, String id) {
        String candidate = id;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /** The LicenseRef- ids one document defines for declared licenses that are not SPDX expressions. */
    static final class LicenseRefs {
        private final Map<String, String> byId = new TreeMap<>();
        private final Map<String, String> byText = new HashMap<>();

        String refFor(String text) {
            String known = byText.get(text);
            if (known != null) {
                return known;
            }
            String id = "LicenseRef-" + idString(text);
            if (byId.containsKey(id)) {
                // Two texts that sanitise alike ("GPL 2" and "GPL_2") each keep their own definition.
                id = id + "-" + Fingerprint.of(text).value().substring(0, 8);
            }
            byId.put(id, text);
            byText.put(text, id);
            return id;
        }
    }
}
