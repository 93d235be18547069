package dev.plimsoll.check.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.core.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The linter's configuration, in hadolint's terms so that a {@code .hadolint.yaml} reads unchanged: rules ignored,
 * levels overridden, trusted registries, the label schema, and Plimsoll's own rule settings under {@code plimsoll:}.
 *
 * @param ignored             rule ids never reported
 * @param overrides           rule id to the level it reports at (IGNORE turns it off, any other level turns on a
 *                            rule that is off by default)
 * @param trustedRegistries   registries FROM may use (DL3026); empty: any
 * @param labelSchema         label name to its type (text, url, spdx, rfc3339, semver, hash, email)
 * @param strictLabels        labels outside the schema are findings (DL3050)
 * @param disableIgnorePragma inline {@code # hadolint ignore=} comments are not honoured
 * @param failureThreshold    the lowest level that fails (hadolint's {@code failure-threshold})
 * @param settings            Plimsoll rules' own settings
 */
public record LintConfig(Set<String> ignored, Map<String, HadolintLevel> overrides, List<String> trustedRegistries,
                         Map<String, String> labelSchema, boolean strictLabels, boolean disableIgnorePragma,
                         Optional<HadolintLevel> failureThreshold, RuleSettings settings) {
    public static final LintConfig DEFAULT = new LintConfig(Set.of(), Map.of(), List.of(), Map.of(), false, false,
            Optional.empty(), RuleSettings.NONE);

    public LintConfig {
        ignored = Set.copyOf(ignored);
        overrides = Map.copyOf(overrides);
        trustedRegistries = List.copyOf(trustedRegistries);
        labelSchema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
        java.util.Objects.requireNonNull(failureThreshold);
        java.util.Objects.requireNonNull(settings);
    }

    /** Reads a hadolint configuration file; a mistake names the file. */
    public static LintConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = new YAMLMapper().readTree(in);
            return of(root == null || root.isMissingNode() ? new YAMLMapper().createObjectNode() : root,
                    file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the linter configuration: " + e.getMessage(), e);
        }
    }

    /** A configuration from its YAML tree ({@code origin} names it in errors). */
    public static LintConfig of(JsonNode root, String origin) {
        if (!root.isObject()) {
            throw new ConfigException(origin + ": a linter configuration is a mapping (ignored:, override:, ...)");
        }
        Set<String> ignored = new LinkedHashSet<>(strings(root.get("ignored"), origin, "ignored"));
        Map<String, HadolintLevel> overrides = new HashMap<>();
        JsonNode override = root.get("override");
        if (override != null && !override.isNull()) {
            if (!override.isObject()) {
                throw new ConfigException(origin + ": override: a mapping of error/warning/info/style lists");
            }
            override.fields().forEachRemaining(e -> {
                HadolintLevel level = HadolintLevel.parse(e.getKey()).orElseThrow(() -> new ConfigException(origin
                        + ": override: unknown level '" + e.getKey() + "' (error, warning, info, style, ignore)"));
                strings(e.getValue(), origin, "override." + e.getKey()).forEach(id -> overrides.put(id, level));
            });
        }
        Map<String, String> schema = new LinkedHashMap<>();
        JsonNode labels = root.get("label-schema");
        if (labels != null && !labels.isNull()) {
            if (!labels.isObject()) {
                throw new ConfigException(origin + ": label-schema: a mapping of label name to type");
            }
            labels.fields().forEachRemaining(e -> schema.put(e.getKey(), e.getValue().asText()));
        }
        Optional<HadolintLevel> threshold = Optional.ofNullable(root.get("failure-threshold"))
                .filter(n -> !n.isNull()).map(n -> HadolintLevel.parse(n.asText()).orElseThrow(() ->
                        new ConfigException(origin + ": failure-threshold: unknown level '" + n.asText() + "'")));
        return new LintConfig(ignored, overrides, strings(root.get("trustedRegistries"), origin, "trustedRegistries"),
                schema, root.path("strict-labels").asBoolean(false),
                root.path("disable-ignore-pragma").asBoolean(false), threshold, RuleSettings.of(root.get("plimsoll")));
    }

    private static List<String> strings(JsonNode node, String origin, String what) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
            return out;
        }
        if (!node.isArray()) {
            throw new ConfigException(origin + ": " + what + ": a list is needed here");
        }
        node.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** Whether the rule reports at all under this configuration. */
    public boolean enabled(RuleMeta rule) {
        if (ignored.contains(rule.id().value())) {
            return false;
        }
        HadolintLevel level = overrides.get(rule.id().value());
        return level != null ? level != HadolintLevel.IGNORE : rule.enabledByDefault();
    }

    /** The level the rule reports at. */
    public HadolintLevel level(RuleMeta rule) {
        HadolintLevel level = overrides.getOrDefault(rule.id().value(), rule.level());
        return level == HadolintLevel.IGNORE ? rule.level() : level;
    }
}
