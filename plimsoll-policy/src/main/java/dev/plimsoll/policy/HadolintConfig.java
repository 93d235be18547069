package dev.plimsoll.policy;

import dev.plimsoll.core.error.ConfigException;
import dev.plimsoll.core.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Imports hadolint's configuration ({@code .hadolint.yaml}) so that a team moving from hadolint keeps its rule
 * choices: {@code ignored: [DL3008, ...]} disables those rules; {@code override: {error: [...], warning: [...],
 * info: [...], style: [...]}} sets their severity (error HIGH, warning MEDIUM, info LOW, style LOW, as Plimsoll
 * reports hadolint's levels); {@code trustedRegistries} joins the policy's trusted registries. Other keys
 * (label-schema, failure-threshold, ...) are the linter's own; an unknown key is not an error, since hadolint adds
 * keys between releases.
 */
public final class HadolintConfig {
    private HadolintConfig() {
    }

    /** What the policy takes from a hadolint configuration. */
    public record Imported(Map<String, Policy.RuleOverride> rules, java.util.List<String> trustedRegistries) {
        public Imported {
            rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
            trustedRegistries = java.util.List.copyOf(trustedRegistries);
        }
    }

    public static Imported read(Path path) {
        String name = path.toString();
        Located root;
        try (InputStream in = Files.newInputStream(path)) {
            root = Located.parse(in, name);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (!(root instanceof Located.Mapping m)) {
            throw Errors.at(name, root.line(), "a hadolint configuration is a mapping (ignored:, override:, ...)");
        }
        Map<String, Policy.RuleOverride> rules = new LinkedHashMap<>();
        m.get("ignored").ifPresent(node -> {
            for (String rule : strings(node, name, "ignored")) {
                rules.put(rule, new Policy.RuleOverride(false, Optional.empty()));
            }
        });
        m.get("override").ifPresent(node -> {
            if (!(node instanceof Located.Mapping levels)) {
                throw Errors.at(name, node.line(), "override: a mapping of error/warning/info/style lists");
            }
            levels.fields().forEach((level, list) -> {
                Severity severity = switch (level) {
                    case "error" -> Severity.HIGH;
                    case "warning" -> Severity.MEDIUM;
                    case "info", "style" -> Severity.LOW;
                    default -> throw Errors.at(name, levels.keyLines().get(level), "override: unknown level '"
                            + level + "' (error, warning, info, style)");
                };
                for (String rule : strings(list, name, "override." + level)) {
                    rules.putIfAbsent(rule, new Policy.RuleOverride(true, Optional.of(severity)));
                }
            });
        });
        java.util.List<String> registries = m.get("trustedRegistries")
                .map(node -> strings(node, name, "trustedRegistries")).orElse(java.util.List.of());
        return new Imported(rules, registries);
    }

    private static java.util.List<String> strings(Located node, String file, String what) {
        if (!(node instanceof Located.Sequence seq)) {
            throw Errors.at(file, node.line(), what + ": a list is needed here");
        }
        return seq.items().stream().map(i -> {
            if (i instanceof Located.Scalar s && !s.isNull()) {
                return s.text();
            }
            throw Errors.at(file, i.line(), what + ": a single value is needed here");
        }).toList();
    }
}
