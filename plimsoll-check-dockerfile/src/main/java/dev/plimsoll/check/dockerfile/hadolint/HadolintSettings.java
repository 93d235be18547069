package dev.plimsoll.check.dockerfile.hadolint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.check.dockerfile.HadolintLevel;
import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.check.dockerfile.RuleSettings;
import dev.plimsoll.core.error.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * hadolint's settings as one source gives them: the environment ({@code HADOLINT_*}), a configuration file, or the
 * command line. {@link #merge} combines sources as hadolint's {@code app/Main.hs} does: environment &lt; file &lt;
 * command line; booleans and the threshold take the value of the highest source that sets them, lists are
 * concatenated; a rule in several override lists reports at the most severe of them.
 *
 * @param ignored             rule ids never reported
 * @param overrides           per level, the rules that report at it
 * @param trustedRegistries   DL3026's registries
 * @param labelSchema         required labels and their types
 * @param strictLabels        DL3050 on, when set
 * @param disableIgnorePragma inline ignore pragmas inert, when set
 * @param noFail              always exit 0 for findings, when set
 * @param failureThreshold    the lowest level that fails, when set
 * @param plimsoll            the {@code plimsoll:} section (files only)
 */
public record HadolintSettings(List<String> ignored, Map<HadolintLevel, List<String>> overrides,
                               List<String> trustedRegistries, Map<String, String> labelSchema,
                               Optional<Boolean> strictLabels, Optional<Boolean> disableIgnorePragma,
                               Optional<Boolean> noFail, Optional<HadolintLevel> failureThreshold,
                               RuleSettings plimsoll) {
    public static final HadolintSettings NONE = new HadolintSettings(List.of(), Map.of(), List.of(), Map.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RuleSettings.NONE);

    /** hadolint's order of precedence among override lists: a later level wins. */
    private static final List<HadolintLevel> OVERRIDE_ORDER = List.of(HadolintLevel.IGNORE, HadolintLevel.STYLE,
            HadolintLevel.INFO, HadolintLevel.WARNING, HadolintLevel.ERROR);

    public HadolintSettings {
        ignored = List.copyOf(ignored);
        Map<HadolintLevel, List<String>> o = new EnumMap<>(HadolintLevel.class);
        overrides.forEach((k, v) -> o.put(k, List.copyOf(v)));
        overrides = java.util.Collections.unmodifiableMap(o);
        trustedRegistries = List.copyOf(trustedRegistries);
        labelSchema = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelSchema));
        java.util.Objects.requireNonNull(strictLabels);
        java.util.Objects.requireNonNull(disableIgnorePragma);
        java.util.Objects.requireNonNull(noFail);
        java.util.Objects.requireNonNull(failureThreshold);
        java.util.Objects.requireNonNull(plimsoll);
    }

    /** Reads a configuration file (hadolint's keys and Plimsoll's {@code plimsoll:} section); a mistake names it. */
    public static HadolintSettings read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the hadolint configuration: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return NONE;
        }
        return of(root, file.toString());
    }

    /** Settings from a configuration's YAML tree; {@code origin} names it in errors. */
    public static HadolintSettings of(JsonNode root, String origin) {
        LintConfig parsed = LintConfig.of(root, origin); // validates every key the linter knows
        Map<HadolintLevel, List<String>> overrides = new EnumMap<>(HadolintLevel.class);
        JsonNode override = root.get("override");
        if (override != null && override.isObject()) {
            override.fields().forEachRemaining(e -> {
                HadolintLevel level = HadolintLevel.parse(e.getKey()).orElseThrow();
                List<String> ids = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(x -> ids.add(x.asText()));
                } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    ids.add(e.getValue().asText());
                }
                overrides.computeIfAbsent(level, k -> new ArrayList<>()).addAll(ids);
            });
        }
        return new HadolintSettings(List.copyOf(parsed.ignored().stream().sorted().toList()), overrides,
                parsed.trustedRegistries(), parsed.labelSchema(), bool(root, "strict-labels", origin),
                bool(root, "disable-ignore-pragma", origin), bool(root, "no-fail", origin),
                parsed.failureThreshold(), parsed.settings());
    }

    private static Optional<Boolean> bool(JsonNode root, String key, String origin) {
        JsonNode v = root.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new ConfigException(origin + ": " + key + ": true or false is needed here, not '" + v.asText()
                    + "'");
        }
        return Optional.of(v.booleanValue());
    }

    /** The {@code HADOLINT_*} variables; a bad level names the variable. */
    public static HadolintSettings fromEnvironment(Map<String, String> env) {
        Map<HadolintLevel, List<String>> overrides = new EnumMap<>(HadolintLevel.class);
        for (HadolintLevel level : List.of(HadolintLevel.ERROR, HadolintLevel.WARNING, HadolintLevel.INFO,
                HadolintLevel.STYLE)) {
            List<String> ids = list(env.get("HADOLINT_OVERRIDE_" + level.name()));
            if (!ids.isEmpty()) {
                overrides.put(level, ids);
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : list(env.get("HADOLINT_REQUIRE_LABELS"))) {
            labels.putAll(label(pair, "HADOLINT_REQUIRE_LABELS"));
        }
        Optional<HadolintLevel> threshold = Optional.ofNullable(env.get("HADOLINT_FAILURE_THRESHOLD"))
                .filter(s -> !s.isBlank()).map(s -> level(s, "HADOLINT_FAILURE_THRESHOLD"));
        return new HadolintSettings(list(env.get("HADOLINT_IGNORE")), overrides,
                list(env.get("HADOLINT_TRUSTED_REGISTRIES")), labels, truthy(env.get("HADOLINT_STRICT_LABELS")),
                truthy(env.get("HADOLINT_DISABLE_IGNORE_PRAGMA")), truthy(env.get("HADOLINT_NOFAIL")), threshold,
                RuleSettings.NONE);
    }

    /** A level as a user wrote it; {@code what} names the option or variable in the error. */
    public static HadolintLevel level(String text, String what) {
        return HadolintLevel.parse(text).orElseThrow(() -> new ConfigException(what + ": unknown level '" + text
                + "' (error, warning, info, style, ignore, none)"));
    }

    /** {@code LABEL:TYPE} (an empty type is text), as {@code --require-label} and the environment give it. */
    public static Map<String, String> label(String pair, String what) {
        int colon = pair.indexOf(':');
        String name = colon < 0 ? pair : pair.substring(0, colon);
        String type = colon < 0 ? "" : pair.substring(colon + 1);
        if (name.isBlank()) {
            throw new ConfigException(what + ": '" + pair + "' is not LABEL:TYPE");
        }
        return Map.of(name.strip(), type.isBlank() ? "text" : type.strip());
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** hadolint's truthy values: 1, y, yes, on, true; any other value of a set variable is false. */
    private static Optional<Boolean> truthy(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(Set.of("1", "y", "yes", "on", "true").contains(value.strip().toLowerCase(Locale.ROOT)));
    }

    /** The sources combined, lowest precedence first. */
    public static HadolintSettings merge(List<HadolintSettings> lowToHigh) {
        Set<String> ignored = new LinkedHashSet<>();
        Map<HadolintLevel, List<String>> overrides = new EnumMap<>(HadolintLevel.class);
        List<String> registries = new ArrayList<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Optional<Boolean> strict = Optional.empty();
        Optional<Boolean> noPragma = Optional.empty();
        Optional<Boolean> noFail = Optional.empty();
        Optional<HadolintLevel> threshold = Optional.empty();
        RuleSettings plimsoll = RuleSettings.NONE;
        for (HadolintSettings s : lowToHigh) {
            ignored.addAll(s.ignored);
            s.overrides.forEach((k, v) -> overrides.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            s.trustedRegistries.stream().filter(r -> !registries.contains(r)).forEach(registries::add);
            labels.putAll(s.labelSchema);
            strict = s.strictLabels.isPresent() ? s.strictLabels : strict;
            noPragma = s.disableIgnorePragma.isPresent() ? s.disableIgnorePragma : noPragma;
            noFail = s.noFail.isPresent() ? s.noFail : noFail;
            threshold = s.failureThreshold.isPresent() ? s.failureThreshold : threshold;
            plimsoll = plimsoll.with(s.plimsoll);
        }
        return new HadolintSettings(List.copyOf(ignored), overrides, registries, labels, strict, noPragma, noFail,
                threshold, plimsoll);
    }

    /** hadolint's default failure threshold. */
    public HadolintLevel threshold() {
        return failureThreshold.orElse(HadolintLevel.INFO);
    }

    public boolean noFailSet() {
        return noFail.orElse(false);
    }

    /**
     * The linter's configuration, with more trusted registries (a Plimsoll policy's {@code images.trusted-registries})
     * given to DL3026 and to the {@code trustedRegistries} setting of Plimsoll's own rules.
     */
    public LintConfig toLintConfig(List<String> moreTrustedRegistries) {
        Map<String, HadolintLevel> levels = new LinkedHashMap<>();
        for (HadolintLevel level : OVERRIDE_ORDER) {
            overrides.getOrDefault(level, List.of()).forEach(id -> levels.put(id, level));
        }
        List<String> registries = new ArrayList<>(trustedRegistries);
        moreTrustedRegistries.stream().filter(r -> !registries.contains(r)).forEach(registries::add);
        RuleSettings settings = plimsoll;
        if (!moreTrustedRegistries.isEmpty()) {
            List<String> own = new ArrayList<>(settings.strings("trustedRegistries"));
            moreTrustedRegistries.stream().filter(r -> !own.contains(r)).forEach(own::add);
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            com.fasterxml.jackson.databind.node.ArrayNode array = node.putArray("trustedRegistries");
            own.forEach(array::add);
            settings = settings.with(RuleSettings.of(node));
        }
        return new LintConfig(new LinkedHashSet<>(ignored), levels, registries, labelSchema,
                strictLabels.orElse(false), disableIgnorePragma.orElse(false), failureThreshold, settings);
    }
}
