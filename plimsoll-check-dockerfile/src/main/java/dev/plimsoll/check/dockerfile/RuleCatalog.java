package dev.plimsoll.check.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.core.finding.RuleDocs;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every Dockerfile rule's metadata, read once from the catalogues shipped in the jar. Rules carry only their id;
 * titles, severities and help live in the catalogue so that the docs, the reports and the code agree.
 */
public final class RuleCatalog {
    private static final String[] RESOURCES = {"rules/hadolint-rules.yaml", "rules/plimsoll-rules.yaml"};

    private final Map<String, RuleMeta> byId;

    private RuleCatalog(Map<String, RuleMeta> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The catalogues in this jar. */
    public static RuleCatalog standard() {
        Map<String, RuleMeta> all = new LinkedHashMap<>();
        YAMLMapper yaml = new YAMLMapper();
        for (String resource : RESOURCES) {
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
