package dev.plimsoll.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.net.URI;
import java.util.Collection;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Builds the Plimsoll JSON report (schema version {@value #SCHEMA_VERSION}, described by
 * {@code schema/plimsoll-report.schema.json}). Absent values are left out, never written as null; lists are always
 * present, possibly empty; enum values are written as their constant names ("HIGH", "IMAGE", "MALFORMED_FILE").
 */
final class JsonReportTree {
    static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReportTree() {
    }

    static ObjectNode of(Report report) {
        ScanResult scan = report.scan();
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = root.putObject("tool");
        tool.put("name", report.tool().name());
        tool.put("version", report.tool().version());
        root.put("createdAt", report.createdAtSeconds().toString());
        root.set("target", target(scan.target()));
        scan.inventory().image().ifPresent(i -> root.set("image", image(i)));
        scan.inventory().os().ifPresent(os -> root.set("os", os(os)));
        root.put("complete", scan.complete());
        ArrayNode problems = root.putArray("problems");
        scan.allProblems().forEach(p -> problems.add(problem(p)));
        ArrayNode packages = root.putArray("packages");
        PackageIndex.of(scan.inventory()).entries().forEach(e -> packages.add(pkg(e)));
        ArrayNode findings = root.putArray("findings");
        Findings.sorted(scan.findings()).forEach(f -> findings.add(finding(f)));
        return root;
    }

    private static ObjectNode target(Target t) {
        ObjectNode n = NODES.objectNode();
        n.put("kind", t.kind().name());
        n.put("name", t.name());
        return n;
    }

    private static ObjectNode image(ImageSummary i) {
        ObjectNode n = NODES.objectNode();
        n.put("name", i.name());
        n.put("sourceKind", i.sourceKind());
        strings(n.putArray("repoTags"), i.repoTags());
        i.manifestDigest().ifPresent(d -> n.put("manifestDigest", d.toString()));
        i.configDigest().ifPresent(d -> n.put("configDigest", d.toString()));
        n.put("platform", i.platform().toString());
        return n;
    }

    private static ObjectNode os(OsRelease os) {
        ObjectNode n = NODES.objectNode();
        n.put("id", os.id());
        n.put("versionId", os.versionId());
        os.versionCodename().ifPresent(c -> n.put("versionCodename", c));
        n.put("prettyName", os.prettyName());
        strings(n.putArray("idLike"), os.idLike());
        os.detail().ifPresent(d -> n.put("detail", d));
        n.put("source", os.source());
        return n;
    }

    private static ObjectNode problem(ScanProblem p) {
        ObjectNode n = NODES.objectNode();
        n.put("kind", p.kind().name());
        n.put("component", p.component());
        p.layer().ifPresent(l -> n.put("layer", l));
        p.path().ifPresent(path -> n.put("path", path));
        n.put("message", p.message());
        return n;
    }

    private static ObjectNode pkg(PackageIndex.Entry e) {
        Package p = e.pkg();
        ObjectNode n = NODES.objectNode();
        n.put("name", p.name());
        n.put("version", p.version());
        n.put("type", p.ecosystem().purlType());
        n.put("purl", e.purl());
        p.source().ifPresent(s -> {
            ObjectNode src = n.putObject("source");
            src.put("name", s.name());
            src.put("version", s.version());
        });
        strings(n.putArray("licenses"), p.licenses());
        ArrayNode locations = n.putArray("locations");
        p.locations().forEach(l -> locations.add(location(l)));
        p.introducedIn().ifPresent(l -> n.set("introducedIn", layer(l)));
        n.put("foundBy", p.foundBy().value());
        n.set("metadata", metadata(p.metadata()));
        return n;
    }

    private static ObjectNode metadata(PackageMetadata metadata) {
        ObjectNode n = NODES.objectNode();
        switch (metadata) {
            case PackageMetadata.Dpkg d -> {
                n.put("format", "dpkg");
                n.put("architecture", d.architecture());
                d.maintainer().ifPresent(m -> n.put("maintainer", m));
                d.multiArch().ifPresent(m -> n.put("multiArch", m));
                put(n, "installedSizeKib", d.installedSizeKib());
                strings(n.putArray("depends"), d.depends());
                strings(n.putArray("files"), d.files());
            }
            case PackageMetadata.Apk a -> {
                n.put("format", "apk");
                n.put("architecture", a.architecture());
                a.origin().ifPresent(o -> n.put("origin", o));
                a.maintainer().ifPresent(m -> n.put("maintainer", m));
                a.url().ifPresent(u -> n.put("url", u));
                a.commit().ifPresent(c -> n.put("commit", c));
                put(n, "installedSize", a.installedSize());
                strings(n.putArray("depends"), a.depends());
                strings(n.putArray("files"), a.files());
            }
            case PackageMetadata.Rpm r -> {
                n.put("format", "rpm");
                r.epoch().ifPresent(e -> n.put("epoch", e));
                n.put("version", r.version());
                n.put("release", r.release());
                n.put("architecture", r.architecture());
                r.sourceRpm().ifPresent(s -> n.put("sourceRpm", s));
                r.vendor().ifPresent(v -> n.put("vendor", v));
                r.modularityLabel().ifPresent(m -> n.put("modularityLabel", m));
                put(n, "installedSize", r.installedSize());
                strings(n.putArray("files"), r.files());
            }
        }
        return n;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = NODES.objectNode();
        n.put("kind", f.kind().name());
        n.put("id", f.ruleId().value());
        n.put("title", f.title());
        n.put("severity", f.severity().name());
        n.set("target", target(f.target()));
        f.location().ifPresent(l -> n.set("location", location(l)));
        switch (f) {
            case VulnerabilityFinding v -> {
                strings(n.putArray("aliases"), v.aliases());
                n.set("package", packageRef(v.pkg()));
                n.put("installedVersion", v.pkg().version());
                v.fixedVersion().ifPresent(fixed -> n.put("fixedVersion", fixed));
                n.put("fixState", v.fixState());
            }
            case MisconfigurationFinding m -> {
                n.put("message", m.message());
                n.put("evidence", m.evidence());
            }
            case SecretFinding s -> {
                // Only the masked match and a hash: the finding never holds the secret itself.
                n.put("maskedMatch", s.maskedMatch());
                n.put("secretSha256", s.secretSha256());
                n.put("visibility", s.visibility().name());
            }
            case ComplianceFinding c -> {
                n.put("outcome", c.outcome().name());
                n.put("evidence", c.evidence());
            }
        }
        f.fix().ifPresent(fix -> n.put("fix", fix));
        ArrayNode refs = n.putArray("references");
        f.references().stream().map(URI::toString).forEach(refs::add);
        n.put("fingerprint", f.fingerprint().value());
        return n;
    }

    private static ObjectNode packageRef(PackageRef p) {
        ObjectNode n = NODES.objectNode();
        n.put("name", p.name());
        n.put("version", p.version());
        n.put("type", p.ecosystem().purlType());
        n.put("purl", p.purl());
        return n;
    }

    private static ObjectNode location(Location l) {
        ObjectNode n = NODES.objectNode();
        n.put("path", l.path());
        l.layer().ifPresent(layer -> n.set("layer", layer(layer)));
        put(n, "line", l.line());
        return n;
    }

    private static ObjectNode layer(LayerRef l) {
        ObjectNode n = NODES.objectNode();
        n.put("index", l.index());
        l.digest().map(Digest::toString).ifPresent(d -> n.put("digest", d));
        l.diffId().map(Digest::toString).ifPresent(d -> n.put("diffId", d));
        return n;
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    private static void put(ObjectNode n, String field, OptionalLong value) {
        value.ifPresent(v -> n.put(field, v));
    }

    private static void put(ObjectNode n, String field, OptionalInt value) {
        value.ifPresent(v -> n.put(field, v));
    }
}
