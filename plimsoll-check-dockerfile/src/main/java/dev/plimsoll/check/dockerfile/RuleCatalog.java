package dev.plimsoll.check.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.core.finding.RuleDocs;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every Dockerfile rule's metadata. Rules carry only their id; titles, severities and help live in the catalogues
 * ({@code rules/hadolint-rules.yaml}, {@code rules/plimsoll-rules.yaml}), so that the docs, the reports and the code
 * agree. At run time the linter reads {@code rules/catalogue.tsv}, the same entries compiled from the YAML by
 * {@code RuleCatalogTest} (which fails when the two differ): parsing 70 KB of YAML cold cost a third of the
 * start-up budget of a one-file lint.
 */
public final class RuleCatalog {
    static final List<String> SOURCES = List.of("rules/hadolint-rules.yaml", "rules/plimsoll-rules.yaml");
    static final String COMPILED = "rules/catalogue.tsv";

    private final Map<String, RuleMeta> byId;

    private RuleCatalog(Map<String, RuleMeta> byId) {
        this.byId = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    /** The catalogue in this jar. */
    public static RuleCatalog standard() {
        Map<String, RuleMeta> all = new LinkedHashMap<>();
        try (InputStream in = RuleCatalog.class.getResourceAsStream(COMPILED)) {
            if (in == null) {
                throw new IllegalStateException("missing rule catalogue " + COMPILED);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    RuleMeta meta = fromTsv(line);
                    all.put(meta.id().value(), meta);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule catalogue " + COMPILED, e);
        }
        return new RuleCatalog(all);
    }

    /** The catalogue read from the YAML sources (for the compiled form and its test). */
    static RuleCatalog fromYamlSources() {
        Map<String, RuleMeta> all = new LinkedHashMap<>();
        YAMLMapper yaml = new YAMLMapper();
        for (String resource : SOURCES) {
            try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing rule catalogue " + resource);
                }
                for (JsonNode entry : yaml.readTree(in)) {
                    RuleMeta meta = meta(entry, resource);
                    if (all.put(meta.id().value(), meta) != null) {
                        throw new IllegalStateException(resource + ": rule " + meta.id().value() + " twice");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule catalogue " + resource, e);
            }
        }
        return new RuleCatalog(all);
    }

    /** The compiled form: one rule a line, tab-separated, tabs, newlines and backslashes escaped. */
    String toTsv() {
        StringBuilder out = new StringBuilder("# Compiled from " + String.join(" and ", SOURCES)
                + " by RuleCatalogTest (-Dplimsoll.updateCatalogue=true); edit the YAML, not this file.\n");
        for (RuleMeta m : byId.values()) {
            out.append(String.join("\t", m.id().value(), m.severity().name(), m.level().name(),
                    Boolean.toString(m.enabledByDefault()), Boolean.toString(m.onbuild()), escape(m.title()),
                    m.helpUri().toString(), escape(m.remediation()), escape(m.description()))).append('\n');
        }
        return out.toString();
    }

    private static RuleMeta fromTsv(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 9) {
            throw new IllegalStateException(COMPILED + ": a line with " + f.length + " fields: " + line);
        }
        return new RuleMeta(RuleId.of(f[0]), Severity.valueOf(f[1]), HadolintLevel.valueOf(f[2]),
                Boolean.parseBoolean(f[3]), Boolean.parseBoolean(f[4]), unescape(f[5]), unescape(f[8]),
                unescape(f[7]), URI.create(f[6]));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static RuleMeta meta(JsonNode e, String resource) {
        String id = text(e, "id", resource);
        Optional<HadolintLevel> level = Optional.ofNullable(e.get("hadolintSeverity")).map(JsonNode::asText)
                .flatMap(HadolintLevel::parse);
        Severity severity = Optional.ofNullable(e.get("severity"))
                .map(s -> Severity.valueOf(s.asText().toUpperCase(Locale.ROOT)))
                .orElseGet(() -> level.orElse(HadolintLevel.WARNING).severity());
        String help = text(e, "helpUri", resource);
        // Plimsoll's own pages are in the repository's docs/ folder, published page for page.
        URI helpUri = help.startsWith("docs/") ? RuleDocs.of(help.substring(5).replaceFirst("\\.md$", ""))
                : URI.create(help);
        boolean enabled = e.path("enabledByDefault").asBoolean(level.map(l -> l != HadolintLevel.IGNORE).orElse(true));
        return new RuleMeta(RuleId.of(id), severity, level.orElse(HadolintLevel.of(severity)), enabled,
                e.path("onbuild").asBoolean(false), text(e, "title", resource).strip(),
                e.path("description").asText("").strip(), e.path("remediation").asText("").strip(), helpUri);
    }

    private static String text(JsonNode e, String field, String resource) {
        JsonNode v = e.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalStateException(resource + ": an entry without " + field + ": " + e);
        }
        return v.asText();
    }

    public Optional<RuleMeta> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public RuleMeta get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no rule " + id + " in the catalogue"));
    }

    public Collection<RuleMeta> all() {
        return byId.values();
    }
}
