package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.audit.Score;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Fingerprint;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.image.ImageSummary;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.OsRelease;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Writes the Plimsoll JSON report (schema version {@value #SCHEMA_VERSION}, described by
 * {@code schema/plimsoll-report.schema.json}) to a generator: pretty for {@link JsonReporter}, compact for the
 * content hash behind {@link DocumentIds#fromContent()}. Absent values are left out, never written as null; lists
 * are always present, possibly empty; enum values are written as their constant names ("HIGH", "IMAGE",
 * "MALFORMED_FILE").
 *
 * <p>Streamed rather than built as a tree, and written with plain conditionals rather than {@code Optional}
 * lambdas: in a fresh JVM, as every CLI run is, each lambda costs a class to spin and link, and an SBOM pays for
 * this report once more for its document id.
 */
final class JsonReportWriter {
    static final int SCHEMA_VERSION = 1;
    // A finding's field names, encoded once: a report may hold tens of thousands of findings.
    private static final SerializableString KIND = new SerializedString("kind");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString TITLE = new SerializedString("title");
    private static final SerializableString SEVERITY = new SerializedString("severity");
    private static final SerializableString TARGET = new SerializedString("target");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString OUTCOME = new SerializedString("outcome");
    private static final SerializableString EVIDENCE = new SerializedString("evidence");
    private static final SerializableString SCORED = new SerializedString("scored");
    private static final SerializableString FIX = new SerializedString("fix");
    private static final SerializableString REFERENCES = new SerializedString("references");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString FAILS_POLICY = new SerializedString("failsPolicy");

    private JsonReportWriter() {
    }

    static void write(JsonGenerator g, Report report) throws IOException {
        ScanResult scan = report.scan();
        List<Finding> findings = scan.findings();
        // A large report's sort (an audit's tens of thousands of results) runs on a worker while this thread writes
        // everything before the findings, the score included.
        ForkJoinTask<List<Finding>> sorting = findings.size() < ReportJson.PARALLEL_THRESHOLD ? null
                : ForkJoinPool.commonPool().submit(() -> Findings.sorted(findings));
        RepeatedStrings repeated = new RepeatedStrings();
        g.writeStartObject();
        g.writeNumberField("schemaVersion", SCHEMA_VERSION);
        g.writeObjectFieldStart("tool");
        g.writeStringField("name", report.tool().name());
        g.writeStringField("version", report.tool().version());
        g.writeEndObject();
        g.writeStringField("createdAt", report.createdAtSeconds().toString());
        g.writeFieldName(TARGET);
        target(g, scan.target(), repeated);
        if (scan.inventory().image().isPresent()) {
            g.writeFieldName("image");
            image(g, scan.inventory().image().get());
        }
        if (scan.inventory().os().isPresent()) {
            g.writeFieldName("os");
            os(g, scan.inventory().os().get());
        }
        g.writeBooleanField("complete", scan.complete());
        if (report.policy().isPresent()) {
            g.writeFieldName("policy");
            policy(g, report.policy().get());
        }
        Optional<Score> compliance = ComplianceSummary.of(findings);
        if (compliance.isPresent()) {
            compliance(g, compliance.get());
        }
        g.writeArrayFieldStart("problems");
        for (ScanProblem p : scan.allProblems()) {
            problem(g, p);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("packages");
        for (PackageIndex.Entry e : PackageIndex.of(scan.inventory()).entries()) {
            pkg(g, e);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        Optional<PolicyVerdict> verdict = report.policy();
        ReportJson.writeElements(g, sorting == null ? Findings.sorted(findings) : sorting.join(), repeated,
                RepeatedStrings::new,
                (generator, f, strings) -> finding(generator, f, verdict, strings));
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The docker-bench-style score of the compliance controls, when there are any. */
    private static void compliance(JsonGenerator g, Score score) throws IOException {
        g.writeObjectFieldStart("compliance");
        g.writeNumberField("score", score.score());
        g.writeNumberField("checks", score.checks());
        g.writeObjectFieldStart("totals");
        for (CheckStatus s : CheckStatus.values()) {
            g.writeNumberField(s.name(), score.total(s));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void target(JsonGenerator g, Target t, RepeatedStrings repeated) throws IOException {
        g.writeStartObject();
        repeated.write(g, KIND, t.kind().name());
        repeated.write(g, NAME, t.name()); // an audit names each container or workload in some fifty results
        g.writeEndObject();
    }

    private static void image(JsonGenerator g, ImageSummary i) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", i.name());
        g.writeStringField("sourceKind", i.sourceKind());
        strings(g, "repoTags", i.repoTags());
        if (i.manifestDigest().isPresent()) {
            g.writeStringField("manifestDigest", i.manifestDigest().get().toString());
        }
        if (i.configDigest().isPresent()) {
            g.writeStringField("configDigest", i.configDigest().get().toString());
        }
        g.writeStringField("platform", i.platform().toString());
        g.writeEndObject();
    }

    private static void os(JsonGenerator g, OsRelease os) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", os.id());
        g.writeStringField("versionId", os.versionId());
        string(g, "versionCodename", os.versionCodename());
        g.writeStringField("prettyName", os.prettyName());
        strings(g, "idLike", os.idLike());
        string(g, "detail", os.detail());
        g.writeStringField("source", os.source());
        g.writeEndObject();
    }

    private static void problem(JsonGenerator g, ScanProblem p) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", p.kind().name());
        g.writeStringField("component", p.component());
        string(g, "layer", p.layer());
        string(g, "path", p.path());
        g.writeStringField("message", p.message());
        g.writeEndObject();
    }

    private static void pkg(JsonGenerator g, PackageIndex.Entry e) throws IOException {
        Package p = e.pkg();
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeStringField("type", p.ecosystem().purlType());
        g.writeStringField("purl", e.purl());
        if (p.source().isPresent()) {
            SourcePackage s = p.source().get();
            g.writeObjectFieldStart("source");
            g.writeStringField("name", s.name());
            g.writeStringField("version", s.version());
            g.writeEndObject();
        }
        strings(g, "licenses", p.licenses());
        g.writeArrayFieldStart("locations");
        for (Location l : p.locations()) {
            location(g, l);
        }
        g.writeEndArray();
        if (p.introducedIn().isPresent()) {
            g.writeFieldName("introducedIn");
            layer(g, p.introducedIn().get());
        }
        g.writeStringField("foundBy", p.foundBy().value());
        g.writeFieldName("metadata");
        metadata(g, p.metadata());
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, PackageMetadata metadata) throws IOException {
        g.writeStartObject();
        switch (metadata) {
            case PackageMetadata.Dpkg d -> {
                g.writeStringField("format", "dpkg");
                g.writeStringField("architecture", d.architecture());
                string(g, "maintainer", d.maintainer());
                string(g, "multiArch", d.multiArch());
                number(g, "installedSizeKib", d.installedSizeKib());
                strings(g, "depends", d.depends());
                strings(g, "files", d.files());
            }
            case PackageMetadata.Apk a -> {
                g.writeStringField("format", "apk");
                g.writeStringField("architecture", a.architecture());
                string(g, "origin", a.origin());
                string(g, "maintainer", a.maintainer());
                string(g, "url", a.url());
                string(g, "commit", a.commit());
                number(g, "installedSize", a.installedSize());
                strings(g, "depends", a.depends());
                strings(g, "files", a.files());
            }
            case PackageMetadata.Rpm r -> {
                g.writeStringField("format", "rpm");
                if (r.epoch().isPresent()) {
                    g.writeNumberField("epoch", r.epoch().get().intValue());
                }
                g.writeStringField("version", r.version());
                g.writeStringField("release", r.release());
                g.writeStringField("architecture", r.architecture());
                string(g, "sourceRpm", r.sourceRpm());
                string(g, "vendor", r.vendor());
                string(g, "modularityLabel", r.modularityLabel());
                number(g, "installedSize", r.installedSize());
                strings(g, "files", r.files());
            }
            case PackageMetadata.Listed l -> {
                g.writeStringField("format", "purl");
                g.writeStringField("purl", l.purl());
                string(g, "bomRef", l.bomRef());
            }
            case PackageMetadata.Python py -> {
                g.writeStringField("format", "python");
                g.writeStringField("layout", py.layout());
                string(g, "author", py.author());
                string(g, "homePage", py.homePage());
                string(g, "requiresPython", py.requiresPython());
            }
            case PackageMetadata.Npm n -> {
                g.writeStringField("format", "npm");
                g.writeStringField("installPath", n.installPath());
                string(g, "author", n.author());
                string(g, "resolved", n.resolved());
                string(g, "integrity", n.integrity());
                g.writeBooleanField("dev", n.dev());
                g.writeBooleanField("optional", n.optional());
            }
            case PackageMetadata.Java j -> {
                g.writeStringField("format", "java");
                g.writeStringField("groupId", j.groupId());
                g.writeStringField("artifactId", j.artifactId());
                g.writeStringField("identifiedBy", j.identifiedBy().name());
                string(g, "pomProperties", j.pomProperties());
                g.writeStringField("sha1", j.sha1());
                string(g, "vendor", j.vendor());
            }
            case PackageMetadata.Declared d -> {
                g.writeStringField("format", "declared");
                g.writeStringField("file", d.format());
                g.writeBooleanField("dev", d.dev());
                g.writeStringField("relation", d.relation().name());
                string(g, "resolved", d.resolved());
                string(g, "checksum", d.checksum());
            }
            case PackageMetadata.GoBuild gb -> {
                g.writeStringField("format", "go-build");
                g.writeStringField("role", gb.role().name());
                g.writeStringField("binaryPath", gb.binaryPath());
                g.writeStringField("toolchain", gb.toolchain());
                string(g, "replacement", gb.replacement());
                string(g, "sum", gb.sum());
            }
        }
        g.writeEndObject();
    }

    private static void policy(JsonGenerator g, PolicyVerdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("origin", v.origin());
        g.writeBooleanField("failed", v.failed());
        g.writeObjectFieldStart("thresholds");
        for (var e : v.thresholds().entrySet()) {
            g.writeStringField(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue().name());
        }
        g.writeEndObject();
        g.writeNumberField("failing", v.failing().size());
        g.writeObjectFieldStart("hidden");
        for (var e : v.hidden().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f, java.util.Optional<PolicyVerdict> verdict,
                                RepeatedStrings repeated) throws IOException {
        g.writeStartObject();
        repeated.write(g, KIND, f.kind().name());
        repeated.write(g, ID, f.ruleId().value());
        repeated.write(g, TITLE, f.title());
        repeated.write(g, SEVERITY, f.severity().name());
        g.writeFieldName(TARGET);
        target(g, f.target(), repeated);
        if (f.location().isPresent()) {
            g.writeFieldName("location");
            location(g, f.location().get());
        }
        switch (f) {
            case VulnerabilityFinding v -> {
                strings(g, "aliases", v.aliases());
                g.writeFieldName("package");
                packageRef(g, v.pkg());
                g.writeStringField("installedVersion", v.pkg().version());
                string(g, "fixedVersion", v.fixedVersion());
                strings(g, "fixedVersions", v.fixedVersions());
                g.writeStringField("status", v.status().label());
                if (!v.statusReason().isEmpty()) {
                    g.writeStringField("statusReason", v.statusReason());
                }
                g.writeStringField("severitySource", v.severitySource());
                g.writeArrayFieldStart("cvss");
                for (Cvss c : v.cvss()) {
                    g.writeStartObject();
                    g.writeStringField("version", c.version());
                    g.writeStringField("vector", c.vector());
                    if (c.score().isPresent()) {
                        g.writeNumberField("score", c.score().get());
                    }
                    g.writeStringField("source", c.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeBooleanField("knownExploited", v.knownExploited());
                if (v.epss().isPresent()) {
                    g.writeNumberField("epss", v.epss().getAsDouble());
                }
                g.writeStringField("matchedBy", v.basis().name());
                strings(g, "dataSources", v.dataSources());
            }
            case MisconfigurationFinding m -> {
                g.writeStringField("message", m.message());
                g.writeStringField("evidence", m.evidence());
            }
            case SecretFinding s -> {
                // Only the masked match and a hash: the finding never holds the secret itself.
                g.writeStringField("maskedMatch", s.maskedMatch());
                g.writeStringField("secretSha256", s.secretSha256());
                g.writeStringField("visibility", s.visibility().name());
                if (s.commit().isPresent()) {
                    g.writeObjectFieldStart("commit");
                    g.writeStringField("id", s.commit().get().id());
                    g.writeStringField("author", UntrustedText.line(s.commit().get().author()));
                    g.writeStringField("date", s.commit().get().date().toString());
                    g.writeEndObject();
                }
            }
            case ComplianceFinding c -> {
                repeated.write(g, OUTCOME, c.outcome().name());
                g.writeFieldName(EVIDENCE);
                g.writeString(c.evidence());
                g.writeFieldName(SCORED);
                g.writeBoolean(c.scored());
            }
        }
        if (f.fix().isPresent()) {
            repeated.write(g, FIX, f.fix().get());
        }
        g.writeFieldName(REFERENCES);
        g.writeStartArray();
        // Only web links: a feed or rule may carry javascript:, file: or relative references, which readers of
        // the report would follow.
        for (URI uri : FindingLinks.references(f)) {
            repeated.write(g, uri.toASCIIString());
        }
        g.writeEndArray();
        Fingerprint fingerprint = f.fingerprint();
        g.writeFieldName(FINGERPRINT);
        g.writeString(fingerprint.value());
        if (verdict.isPresent()) {
            g.writeFieldName(FAILS_POLICY);
            g.writeBoolean(verdict.get().fails(fingerprint));
        }
        g.writeEndObject();
    }

    private static void packageRef(JsonGenerator g, PackageRef p) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeStringField("type", p.ecosystem().purlType());
        g.writeStringField("purl", p.purl());
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        g.writeStartObject();
        g.writeStringField("path", l.path());
        if (l.layer().isPresent()) {
            g.writeFieldName("layer");
            layer(g, l.layer().get());
        }
        number(g, "line", l.line());
        number(g, "column", l.column());
        g.writeEndObject();
    }

    private static void layer(JsonGenerator g, LayerRef l) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", l.index());
        if (l.digest().isPresent()) {
            g.writeStringField("digest", l.digest().get().toString());
        }
        if (l.diffId().isPresent()) {
            g.writeStringField("diffId", l.diffId().get().toString());
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get());
        }
    }

    private static void strings(JsonGenerator g, String field, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void number(JsonGenerator g, String field, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsLong());
        }
    }

    private static void number(JsonGenerator g, String field, OptionalInt value) throws IOException {
        if (value.isPresent()) {
            g.writeNumberField(field, value.getAsInt());
        }
    }
}
