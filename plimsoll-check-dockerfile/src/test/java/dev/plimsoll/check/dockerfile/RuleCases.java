package dev.plimsoll.check.dockerfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plimsoll.check.dockerfile.syntax.Dockerfile;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catches / catchesNot cases of {@code rules/cases/<ID>.yaml} (format in that folder's README.md), and a way to
 * lint a case's Dockerfile with one rule.
 */
final class RuleCases {
    private static final YAMLMapper YAML = new YAMLMapper();

    private RuleCases() {
    }

    /** One case: its Dockerfile, configuration, .dockerignore and (for catches) the expected lines. */
    record Case(String rule, String name, boolean catches, String dockerfile, JsonNode config,
                Optional<String> dockerignore, List<Integer> lines) {
        @Override
        public String toString() {
            return rule + (catches ? " catches " : " catches not ") + name;
        }
    }

    static Optional<JsonNode> file(String ruleId) {
        String resource = "rules/cases/" + ruleId + ".yaml";
        try (InputStream in = RuleCases.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    static List<Case> of(String ruleId) {
        JsonNode root = file(ruleId).orElseThrow(() -> new AssertionError("no cases file for " + ruleId));
        JsonNode fileConfig = root.path("config").isObject() ? root.get("config")
                : JsonNodeFactory.instance.objectNode();
        List<Case> out = new ArrayList<>();
        for (String group : List.of("catches", "catchesNot")) {
            for (JsonNode c : root.path(group)) {
                List<Integer> lines = new ArrayList<>();
                c.path("lines").forEach(l -> lines.add(l.asInt()));
                JsonNode config = c.path("config").isObject() ? c.get("config") : fileConfig;
                Optional<String> ignore = c.has("dockerignore") && !c.get("dockerignore").isNull()
                        ? Optional.of(c.get("dockerignore").asText()) : Optional.empty();
                out.add(new Case(ruleId, c.path("name").asText(), group.equals("catches"),
                        c.path("dockerfile").asText(), config, ignore, lines));
            }
        }
        return out;
    }

    /** The lines at which {@code rule} reports on the case, with its configuration (the rule turned on). */
    static List<Integer> linesReported(DockerfileLinter linter, Case c) {
        Dockerfile df = new DockerfileParser().parse(Path.of("Dockerfile"), c.dockerfile());
        LintConfig config = LintConfig.of(c.config(), c.toString());
        RuleMeta meta = linter.catalog().get(c.rule());
        if (!config.enabled(meta) && !config.ignored().contains(c.rule())) {
            // Rules off by default are tested as a user who turned them on would see them.
            java.util.Map<String, HadolintLevel> overrides = new java.util.HashMap<>(config.overrides());
            overrides.put(c.rule(), meta.level() == HadolintLevel.IGNORE ? HadolintLevel.INFO : meta.level());
            config = new LintConfig(config.ignored(), overrides, config.trustedRegistries(), config.labelSchema(),
                    config.strictLabels(), config.disableIgnorePragma(), config.failureThreshold(),
                    config.settings());
        }
        DockerfileLinter.Result result = linter.lint(new LintContext(df, config, c.dockerignore(), true));
        if (!result.problems().isEmpty()) {
            throw new AssertionError(c + ": " + result.problems());
        }
        return result.hits().stream().filter(h -> h.rule().id().value().equals(c.rule())).map(LintHit::line)
                .toList();
    }
}
