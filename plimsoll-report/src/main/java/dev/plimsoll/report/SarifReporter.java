package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.problem.ScanProblem;
import dev.plimsoll.core.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one run whose driver lists one rule per rule or
 * advisory id ({@link SarifRules}), and one result per finding.
 *
 * <ul>
 *   <li>{@code level}: error for CRITICAL and HIGH, warning for MEDIUM, note for LOW and UNKNOWN. A compliance
 *       control that passed, is informational or needs a person's review is a result of kind pass, informational or
 *       review, whose level SARIF requires to be none.</li>
 *   <li>Locations are URI references relative to the scanned target's root, without a leading "/" (an image's
 *       files by their path inside the image); the layer that wrote the file and the image's name are the
 *       location's properties. A finding about the target as a whole (an image's configuration) is located at the
 *       target's name, since GitHub needs a location for every result.</li>
 *   <li>{@code partialFingerprints["plimsollFingerprint/v1"]} is the finding's stable fingerprint, so an alert
 *       keeps its identity across runs and line moves.</li>
 *   <li>The one invocation says {@code executionSuccessful: false} when the scan is incomplete and lists every
 *       problem as a tool execution notification.</li>
 * </ul>
 * Untrusted text is cleaned ({@link UntrustedText}), can form no embedded link in plain-text messages, is escaped
 * in Markdown ({@link MarkdownText}), and the JSON escapes
 * {@code <} and {@code >}.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SARIF_VERSION = "2.1.0";
    static final String FINGERPRINT_KEY = "plimsollFingerprint/v1";
    static final String INFORMATION_URI = "https://plimsoll.dev/";
    /** A result's message; GitHub shows it in full on the alert. */
    private static final int MESSAGE_LIMIT = 4000;

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public Set<String> aliases() {
        return Set.of();
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        List<Finding> findings = Findings.sorted(report.scan().findings());
        SarifRules rules = SarifRules.of(findings);
        ReportJson.write(out, g -> {
            g.setCharacterEscapes(HtmlSafeJsonEscapes.INSTANCE);
            document(g, report, findings, rules);
        });
    }

    private static void document(JsonGenerator g, Report report, List<Finding> findings, SarifRules rules)
            throws IOException {
        ScanResult scan = report.scan();
        g.writeStartObject();
        g.writeStringField("$schema", SCHEMA_URI);
        g.writeStringField("version", SARIF_VERSION);
        g.writeArrayFieldStart("runs");
        g.writeStartObject();

        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", report.tool().name());
        g.writeStringField("version", report.tool().version());
        g.writeStringField("informationUri", INFORMATION_URI);
        g.writeArrayFieldStart("rules");
        for (SarifRules.Rule rule : rules.rules()) {
            rule(g, rule);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();

        invocation(g, report);

        g.writeArrayFieldStart("results");
        for (Finding f : findings) {
            result(g, f, rules.indexOf(f), scan.target());
        }
        g.writeEndArray();

        g.writeObjectFieldStart("properties");
        g.writeStringField("target", UntrustedText.line(scan.target().name()));
        g.writeStringField("targetKind", scan.target().kind().name().toLowerCase(Locale.ROOT));
        g.writeBooleanField("complete", scan.complete());
        g.writeEndObject();

        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void rule(JsonGenerator g, SarifRules.Rule rule) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        message(g, "shortDescription", rule.shortDescription());
        message(g, "fullDescription", rule.fullDescription());
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(rule.severity()));
        g.writeEndObject();
        if (rule.helpUri().isPresent()) {
            g.writeStringField("helpUri", rule.helpUri().get().toASCIIString());
        }
        g.writeObjectFieldStart("help");
        g.writeStringField("text", plainText(rule.helpText()));
        g.writeStringField("markdown", rule.helpMarkdown());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        for (String tag : rule.tags()) {
            g.writeString(tag);
        }
        g.writeEndArray();
        if (rule.securitySeverity().isPresent()) {
            g.writeStringField("security-severity", rule.securitySeverity().get());
        }
        if (!rule.cvss().isEmpty()) {
            g.writeArrayFieldStart("cvss");
            for (var c : rule.cvss()) {
                g.writeStartObject();
                g.writeStringField("version", UntrustedText.line(c.version()));
                g.writeStringField("vector", UntrustedText.line(c.vector()));
                if (c.score().isPresent()) {
                    g.writeNumberField("score", c.score().get());
                }
                g.writeStringField("source", UntrustedText.line(c.source()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void invocation(JsonGenerator g, Report report) throws IOException {
        List<ScanProblem> problems = report.scan().allProblems();
        g.writeArrayFieldStart("invocations");
        g.writeStartObject();
        g.writeBooleanField("executionSuccessful", problems.isEmpty());
        g.writeStringField("endTimeUtc", report.createdAtSeconds().toString());
        if (!problems.isEmpty()) {
            g.writeArrayFieldStart("toolExecutionNotifications");
            for (ScanProblem p : problems) {
                g.writeStartObject();
                g.writeStringField("level", "warning");
                message(g, "message", UntrustedText.line(p.toString(), MESSAGE_LIMIT));
                g.writeObjectFieldStart("descriptor");
                g.writeStringField("id", p.kind().name());
                g.writeEndObject();
                if (p.path().isPresent()) {
                    g.writeArrayFieldStart("locations");
                    g.writeStartObject();
                    physicalLocation(g, p.path().get(), OptionalInt.empty(), OptionalInt.empty());
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeObjectFieldStart("properties");
                g.writeStringField("component", UntrustedText.line(p.component()));
                if (p.layer().isPresent()) {
                    g.writeStringField("layer", UntrustedText.line(p.layer().get()));
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void result(JsonGenerator g, Finding f, int ruleIndex, Target target) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", SarifRules.idOf(f));
        g.writeNumberField("ruleIndex", ruleIndex);
        Optional<String> kind = f instanceof ComplianceFinding c ? resultKind(c.outcome()) : Optional.empty();
        if (kind.isPresent()) {
            g.writeStringField("kind", kind.get());
        }
        g.writeStringField("level", kind.isPresent() ? "none" : level(f.severity()));
        message(g, "message", UntrustedText.line(message(f, target), MESSAGE_LIMIT));

        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        Optional<Location> where = f.location();
        physicalLocation(g, where.map(Location::path).orElse(target.name()),
                where.map(Location::line).orElse(OptionalInt.empty()),
                where.map(Location::column).orElse(OptionalInt.empty()));
        locationProperties(g, target, where.flatMap(Location::layer));
        g.writeEndObject();
        g.writeEndArray();

        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT_KEY, f.fingerprint().value());
        if (f instanceof SecretFinding s && s.commit().isPresent()) {
            // where the secret entered the history: the same secret in the same file is one alert whatever the commit
            g.writeStringField("commitSha/v1", s.commit().get().id());
        }
        g.writeEndObject();

        g.writeObjectFieldStart("properties");
        g.writeStringField("severity", f.severity().name());
        switch (f) {
            case VulnerabilityFinding v -> {
                g.writeStringField("packageName", UntrustedText.line(v.pkg().name()));
                g.writeStringField("installedVersion", UntrustedText.line(v.pkg().version()));
                g.writeStringField("purl", UntrustedText.line(v.pkg().purl()));
                g.writeStringField("fixStatus", v.status().label());
                g.writeArrayFieldStart("fixedVersions");
                for (String fixed : v.fixedVersions()) {
                    g.writeString(UntrustedText.line(fixed));
                }
                g.writeEndArray();
                g.writeBooleanField("knownExploited", v.knownExploited());
            }
            case SecretFinding s -> {
                g.writeStringField("visibility", s.visibility().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                g.writeStringField("secretHash", s.secretSha256());
                if (s.commit().isPresent()) {
                    g.writeStringField("commit", s.commit().get().id());
                    g.writeStringField("author", UntrustedText.line(s.commit().get().author()));
                    g.writeStringField("commitDate", s.commit().get().date().toString());
                }
            }
            case ComplianceFinding c -> g.writeStringField("outcome", c.outcome().name());
            case MisconfigurationFinding m -> {
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** What the finding is, where and what fixes it, in one sentence or two. */
    /** The result's text; a compliance control judged on one of several audited targets names it. */
    static String message(Finding f, Target scanned) {
        String text = message(f);
        return f instanceof ComplianceFinding c && !c.target().equals(scanned)
                ? text.replaceFirst("^\\[" + c.outcome().name() + "\\] ",
                        java.util.regex.Matcher.quoteReplacement("[" + c.outcome().name() + "] " + c.target().name()
                                + ": "))
                : text;
    }

    static String message(Finding f) {
        String title = UntrustedText.line(f.title(), SarifRules.TITLE_LIMIT);
        return switch (f) {
            case VulnerabilityFinding v -> "Package " + v.pkg().name() + " " + v.pkg().version() + " ("
                    + v.pkg().ecosystem().purlType() + ") is affected by " + v.ruleId().value() + " ("
                    + v.severity().name() + (v.knownExploited() ? ", known exploited" : "") + "): " + title + ". "
                    + (v.fixedVersions().isEmpty()
                    ? "No fixed version (" + v.status().label()
                    + (v.statusReason().isEmpty() ? "" : ": " + v.statusReason()) + ")."
                    : "Fixed in " + String.join(" or ", v.fixedVersions()) + ".");
            case MisconfigurationFinding m -> title + ": " + m.message() + where(m.location())
                    + m.remediation().map(r -> " Fix: " + r).orElse("");
            case SecretFinding s -> title + " (" + s.maskedMatch() + ")" + where(Optional.of(s.where()))
                    + visibility(s.visibility())
                    + s.commit().map(c -> " Added in commit " + c.shortId() + " by " + c.author() + " on "
                    + c.date() + ".").orElse("") + " Fix: " + s.fix().orElse("");
            case ComplianceFinding c -> "[" + c.outcome().name() + "] " + title + ": " + c.evidence()
                    + where(c.location()) + c.remediation().map(r -> " Fix: " + r).orElse("");
        };
    }

    private static String where(Optional<Location> location) {
        if (location.isEmpty()) {
            return ".";
        }
        Location l = location.get();
        return " in " + l.path() + (l.line().isPresent() ? " line " + l.line().getAsInt() : "") + ".";
    }

    private static String visibility(Visibility v) {
        return switch (v) {
            case VISIBLE -> "";
            case SHADOWED -> " The file was replaced by a later layer, but the secret stays in the image.";
            case WHITED_OUT -> " The file was deleted by a later layer, but the secret stays in the image.";
        };
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, UNKNOWN -> "note";
        };
    }

    private static Optional<String> resultKind(ComplianceFinding.Outcome outcome) {
        return switch (outcome) {
            case FAIL -> Optional.empty();
            case PASS -> Optional.of("pass");
            case INFO -> Optional.of("informational");
            case NOTE -> Optional.of("review");
            case NOT_APPLICABLE -> Optional.of("notApplicable");
        };
    }

    /** The file, and the region when the line is known: startLine, and startColumn (1-based) when known too. */
    private static void physicalLocation(JsonGenerator g, String path, OptionalInt line, OptionalInt column)
            throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", relativeUri(path));
        g.writeEndObject();
        if (line.isPresent() && line.getAsInt() >= 1) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", line.getAsInt());
            if (column.isPresent() && column.getAsInt() >= 1) {
                g.writeNumberField("startColumn", column.getAsInt());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void locationProperties(JsonGenerator g, Target target, Optional<LayerRef> layer)
            throws IOException {
        if (target.kind() != Target.Kind.IMAGE && layer.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("properties");
        if (target.kind() == Target.Kind.IMAGE) {
            g.writeStringField("image", UntrustedText.line(target.name()));
        }
        if (layer.isPresent()) {
            LayerRef l = layer.get();
            g.writeNumberField("layerIndex", l.index());
            if (l.digest().isPresent()) {
                g.writeStringField("layerDigest", l.digest().get().toString());
            }
            if (l.diffId().isPresent()) {
                g.writeStringField("layerDiffId", l.diffId().get().toString());
            }
        }
        g.writeEndObject();
    }

    private static void message(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", plainText(text));
        g.writeEndObject();
    }

    /**
     * SARIF plain-text messages may hold embedded links, {@code [text](uri)} (SARIF 2.1.0 §3.11.6), which viewers
     * render as links: a space after every {@code ]} that precedes {@code (} keeps text from the scan from making one.
     * Plimsoll writes no embedded links of its own.
     */
    static String plainText(String text) {
        return text.replace("](", "] (");
    }

    /**
     * A path inside the target as a relative URI reference: leading "/" and "./" dropped, and every byte of its UTF-8
     * form percent-encoded except unreserved characters, sub-delimiters, "@" and "/" (":" is encoded too, since a
     * colon in a relative reference's first segment would read as a scheme).
     */
    static String relativeUri(String path) {
        String p = UntrustedText.line(path);
        boolean changed = true;
        while (changed) {
            changed = false;
            if (p.startsWith("/")) {
                p = p.substring(1);
                changed = true;
            } else if (p.startsWith("./")) {
                p = p.substring(2);
                changed = true;
            }
        }
        if (p.isEmpty() || p.equals(".")) {
            return ".";
        }
        StringBuilder sb = new StringBuilder(p.length() + 8);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
