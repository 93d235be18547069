package dev.plimsoll.report;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.stream.Collectors;

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
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NOASSERTION = "NOASSERTION";
    private static final String NAMESPACE_BASE = "https://plimsoll.dev/spdx/";
    /** Properties SPDX already carries in its own fields (the purl's type, sourceInfo), not repeated as annotations. */
    private static final Set<String> SPDX_FIELDS = Set.of(PackageProperties.NAMESPACE + "package:type",
            PackageProperties.NAMESPACE + "source:name", PackageProperties.NAMESPACE + "source:version");

    private final DocumentIds documentIds;
    private final JsonMapper mapper = ReportJson.newMapper();

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
        ReportJson.write(mapper, document(report), out);
    }

    private ObjectNode document(Report report) {
        ScanResult scan = report.scan();
        Subject subject = Subject.of(scan);
        PackageIndex index = PackageIndex.of(scan.inventory());
        String created = report.createdAtSeconds().toString();
        String creator = "Tool: " + report.tool().name() + "-" + report.tool().version();
        SpdxLicenses spdx = SpdxLicenses.bundled();
        LicenseRefs licenseRefs = new LicenseRefs();

        ObjectNode doc = NODES.objectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", subject.name());
        doc.put("documentNamespace", NAMESPACE_BASE + idString(subject.name()) + "-" + documentIds.idOf(report));
        if (!scan.complete()) {
            doc.put("comment", incompleteComment(scan.allProblems()));
        }
        ObjectNode creationInfo = doc.putObject("creationInfo");
        creationInfo.put("licenseListVersion", spdx.listVersion());
        creationInfo.putArray("creators").add(creator);
        creationInfo.put("created", created);

        ArrayNode packages = doc.putArray("packages");
        Set<String> usedIds = new HashSet<>();
        String rootId = unique(usedIds, (subject.image() ? "SPDXRef-Image-" : "SPDXRef-Filesystem-")
                + idString(subject.name()));
        packages.add(root(subject, rootId));
        Optional<String> osId = scan.inventory().os().map(os -> {
            String id = unique(usedIds, "SPDXRef-OperatingSystem-" + idString(os.id() + "-" + os.versionId()));
            packages.add(operatingSystem(os, id));
            return id;
        });
        List<String> packageIds = new ArrayList<>();
        for (PackageIndex.Entry e : index.entries()) {
            Package p = e.pkg();
            String id = unique(usedIds, "SPDXRef-Package-" + p.ecosystem().purlType() + "-" + idString(p.name())
                    + "-" + Fingerprint.of(e.ref()).value().substring(0, 16));
            packageIds.add(id);
            packages.add(pkg(e, id, licenseDeclared(p.licenses(), spdx, licenseRefs), creator, created));
        }

        if (!licenseRefs.byId.isEmpty()) {
            ArrayNode extracted = doc.putArray("hasExtractedLicensingInfos");
            licenseRefs.byId.forEach((id, text) -> {
                ObjectNode info = extracted.addObject();
                info.put("licenseId", id);
                info.put("name", text);
                // Plimsoll sees the license as the package database declares it, not the license text itself.
                info.put("extractedText", text);
                info.put("comment", "declared by the package as: " + text);
            });
        }

        ArrayNode relationships = doc.putArray("relationships");
        relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", rootId);
        osId.ifPresent(id -> relationship(relationships, rootId, "CONTAINS", id));
        packageIds.forEach(id -> relationship(relationships, rootId, "CONTAINS", id));
        return doc;
    }

    private static ObjectNode root(Subject subject, String id) {
        ObjectNode n = NODES.objectNode();
        n.put("name", subject.name());
        n.put("SPDXID", id);
        subject.version().ifPresent(v -> n.put("versionInfo", v));
        n.put("supplier", NOASSERTION);
        noAssertions(n);
        subject.purl().ifPresent(purl -> purlRef(n, purl));
        n.put("primaryPackagePurpose", subject.image() ? "CONTAINER" : "FILE");
        return n;
    }

    private static ObjectNode operatingSystem(OsRelease os, String id) {
        ObjectNode n = NODES.objectNode();
        n.put("name", os.id());
        n.put("SPDXID", id);
        n.put("versionInfo", os.versionId());
        n.put("supplier", NOASSERTION);
        noAssertions(n);
        n.put("description", os.prettyName());
        n.put("primaryPackagePurpose", "OPERATING_SYSTEM");
        return n;
    }

    private static ObjectNode pkg(PackageIndex.Entry e, String id, String licenseDeclared, String creator,
                                  String created) {
        Package p = e.pkg();
        ObjectNode n = NODES.objectNode();
        n.put("name", p.name());
        n.put("SPDXID", id);
        n.put("versionInfo", p.version());
        n.put("supplier", Party.supplierOf(p)
                .map(party -> "Organization: " + party.name() + party.email().map(m -> " (" + m + ")").orElse(""))
                .orElse(NOASSERTION));
        n.put("downloadLocation", NOASSERTION);
        n.put("filesAnalyzed", false);
        p.source().ifPresent(s -> n.put("sourceInfo", "built package from: " + s.name() + " " + s.version()));
        n.put("licenseConcluded", NOASSERTION);
        n.put("licenseDeclared", licenseDeclared);
        n.put("copyrightText", NOASSERTION);
        purlRef(n, e.purl());
        n.put("primaryPackagePurpose", "LIBRARY");
        ArrayNode annotations = n.putArray("annotations");
        for (PackageProperties.Entry prop : PackageProperties.of(p)) {
            if (SPDX_FIELDS.contains(prop.name())) {
                continue;
            }
            ObjectNode a = annotations.addObject();
            a.put("annotator", creator);
            a.put("annotationDate", created);
            a.put("annotationType", "OTHER");
            a.put("comment", prop.name() + "=" + prop.value());
        }
        return n;
    }

    private static void noAssertions(ObjectNode n) {
        n.put("downloadLocation", NOASSERTION);
        n.put("filesAnalyzed", false);
        n.put("licenseConcluded", NOASSERTION);
        n.put("licenseDeclared", NOASSERTION);
        n.put("copyrightText", NOASSERTION);
    }

    private static void purlRef(ObjectNode n, String purl) {
        ObjectNode ref = n.putArray("externalRefs").addObject();
        ref.put("referenceCategory", "PACKAGE-MANAGER");
        ref.put("referenceType", "purl");
        ref.put("referenceLocator", purl);
    }

    private static void relationship(ArrayNode relationships, String from, String type, String to) {
        ObjectNode r = relationships.addObject();
        r.put("spdxElementId", from);
        r.put("relationshipType", type);
        r.put("relatedSpdxElement", to);
    }

    static String licenseDeclared(List<String> declared, SpdxLicenses spdx, LicenseRefs refs) {
        List<String> parts = new ArrayList<>();
        for (String license : new LinkedHashSet<>(declared)) {
            if (license.isBlank()) {
                continue;
            }
            parts.add(spdx.parse(license)
                    .map(x -> x.singleId() ? x.text() : "(" + x.text() + ")")
                    .orElseGet(() -> refs.refFor(license)));
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
        return "INCOMPLETE: the scan met " + problems.size() + " problem(s); packages may be missing. "
                + problems.stream().map(p -> p.kind().name() + " " + p).collect(Collectors.joining("; "));
    }

    /** SPDX idstring: letters, digits, '.' and '-'; '+' becomes "plus" so "GPL-2+" stays distinct from "GPL-2". */
    static String idString(String text) {
        String s = text.replace("+", "plus").replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^-|-$", "");
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
            return byText.computeIfAbsent(text, t -> {
                String id = "LicenseRef-" + idString(t);
                if (byId.containsKey(id)) {
                    // Two texts that sanitise alike ("GPL 2" and "GPL_2") each keep their own definition.
                    id = id + "-" + Fingerprint.of(t).value().substring(0, 8);
                }
                byId.put(id, t);
                return id;
            });
        }
    }
}
