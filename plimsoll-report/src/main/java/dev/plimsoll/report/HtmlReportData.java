package dev.plimsoll.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.Digest;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the HTML report's tables as JSON, for its script to build the tables from with {@code textContent}.
 * One object per finding (report order) and per package (index order) holding exactly the cells shown, so the
 * script does no formatting of its own beyond sorting and filtering.
 *
 * <p>The JSON goes inside a {@code <script type="application/json">} element, which ends at the first
 * {@code </script} and changes parsing state at {@code <!--}; {@link #forScriptElement} therefore escapes every
 * {@code <}, {@code >} and {@code &}, and U+2028/U+2029 for old JavaScript parsers, as {@code \}{@code uXXXX}.
 */
final class HtmlReportData {
    private static final String NONE = "";

    private HtmlReportData() {
    }

    /** The data block's content: the report's rows as pretty-printed JSON, escaped for a script element. */
    static String json(ScanResult scan) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ReportJson.write(buffer, g -> write(g, scan));
        return forScriptElement(buffer.toString(StandardCharsets.UTF_8));
    }

    /**
     * {@code json} with the characters that could end or confuse a script element written as JSON escapes. Valid
     * because JSON has these characters only inside strings, where an escape means the same character.
     */
    static String forScriptElement(String json) {
        StringBuilder sb = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void write(JsonGenerator g, ScanResult scan) throws IOException {
        boolean image = scan.target().kind() == Target.Kind.IMAGE;
        Map<Finding, String> groupOf = new IdentityHashMap<>();
        for (FindingGroups.Group group : FindingGroups.of(scan, false)) {
            group.findings().forEach(f -> groupOf.put(f, group.label()));
        }
        g.writeStartObject();
        g.writeStringField("packageWhere", image ? "layer" : "file");
        g.writeArrayFieldStart("findings");
        for (Finding f : Findings.sorted(scan.findings())) {
            finding(g, f, groupOf.getOrDefault(f, ""), scan.target());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("packages");
        for (PackageIndex.Entry e : PackageIndex.of(scan.inventory()).entries()) {
            pkg(g, e.pkg(), image);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f, String group, Target scanned) throws IOException {
        g.writeStartObject();
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("kind", f.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("id", f.ruleId().value());
        String url = firstWebReference(f.references());
        if (url != null) {
            g.writeStringField("url", url);
        }
        List<String> aliases = f instanceof VulnerabilityFinding v ? v.aliases() : List.of();
        g.writeArrayFieldStart("aliases");
        for (String alias : aliases) {
            g.writeString(alias);
        }
        g.writeEndArray();
        switch (f) {
            case VulnerabilityFinding v -> {
                g.writeStringField("package", v.pkg().name());
                g.writeStringField("installed", v.pkg().version());
                g.writeStringField("fixed", v.fixedVersions().isEmpty() ? v.status().label()
                        : String.join(", ", v.fixedVersions()));
                g.writeStringField("title", v.title());
            }
            case MisconfigurationFinding m -> {
                g.writeStringField("package", m.location().isPresent() ? where(m.location().get()) : NONE);
                noVersions(g);
                g.writeStringField("title", m.title());
            }
            case SecretFinding s -> {
                g.writeStringField("package", where(s.where()));
                noVersions(g);
                g.writeStringField("title", s.title() + visibility(s.visibility()));
            }
            case ComplianceFinding c -> {
                // An audit covers many targets (containers, services): say which one a control was judged on.
                g.writeStringField("package", c.location().isPresent() ? where(c.location().get())
                        : c.target().equals(scanned) ? NONE : c.target().name());
                noVersions(g);
                g.writeStringField("title", "[" + c.outcome().name() + "] " + c.title());
            }
        }
        g.writeBooleanField("kev", f instanceof VulnerabilityFinding v && v.knownExploited());
        g.writeStringField("group", group);
        g.writeEndObject();
    }

    private static void noVersions(JsonGenerator g) throws IOException {
        g.writeStringField("installed", NONE);
        g.writeStringField("fixed", NONE);
    }

    /** Images name the layer that introduced each package; other targets have one "layer", so the file instead. */
    private static void pkg(JsonGenerator g, Package p, boolean image) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeStringField("type", p.ecosystem().purlType());
        String source = NONE;
        if (p.source().isPresent()) {
            source = p.source().get().version().equals(p.version()) ? p.source().get().name()
                    : p.source().get().name() + " " + p.source().get().version();
        }
        g.writeStringField("source", source);
        String where = NONE;
        if (image && p.introducedIn().isPresent()) {
            where = shortLayer(p.introducedIn().get());
        } else if (!image && !p.locations().isEmpty()) {
            where = p.locations().get(0).path();
        }
        g.writeStringField("where", where);
        g.writeStringField("licenses", String.join(", ", p.licenses()));
        g.writeEndObject();
    }

    /**
     * The first http or https reference: the id links to it. Other schemes (javascript:, data:, file:) are never
     * links, whatever a feed or rule put there.
     */
    static String firstWebReference(List<URI> references) {
        return references.stream().filter(MarkdownText::httpUrl).findFirst().map(URI::toASCIIString).orElse(null);
    }

    private static String shortLayer(LayerRef layer) {
        Digest d = layer.diffId().isPresent() ? layer.diffId().get()
                : layer.digest().isPresent() ? layer.digest().get() : null;
        return d != null ? d.shortHex() : "layer-" + layer.index();
    }

    private static String where(Location l) {
        return l.path() + (l.line().isPresent() ? ":" + l.line().getAsInt() : "");
    }

    private static String visibility(Visibility v) {
        return switch (v) {
            case VISIBLE -> "";
            case SHADOWED -> " (in a file replaced by a later layer)";
            case WHITED_OUT -> " (in a file deleted by a later layer)";
        };
    }
}
