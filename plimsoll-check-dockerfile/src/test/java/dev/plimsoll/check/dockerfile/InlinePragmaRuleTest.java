package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * DL1001 is off by default (hadolint level "ignore"): the case harness turns such rules on, so being off without
 * configuration is checked here.
 */
class InlinePragmaRuleTest {
    private static final String DOCKERFILE = "# hadolint ignore=DL3006\nFROM ubuntu\n";

    private static List<LintHit> dl1001(LintConfig config) {
        var df = new DockerfileParser().parse(Path.of("Dockerfile"), DOCKERFILE);
        return DockerfileLinter.standard().lint(new LintContext(df, config, Optional.empty(), true)).hits().stream()
                .filter(h -> h.rule().id().value().equals("DL1001")).toList();
    }

    @Test
    void offWithoutConfiguration() {
        assertThat(dl1001(LintConfig.DEFAULT)).isEmpty();
    }

    @Test
    void reportsThePragmaLineWhenEnabled() {
        LintConfig d = LintConfig.DEFAULT;
        LintConfig on = new LintConfig(d.ignored(), Map.of("DL1001", HadolintLevel.WARNING), d.trustedRegistries(),
                d.labelSchema(), d.strictLabels(), d.disableIgnorePragma(), d.failureThreshold(), d.settings());
        List<LintHit> hits = dl1001(on);
        assertThat(hits).extracting(LintHit::line).containsExactly(1);
        assertThat(hits.get(0).evidence()).isEqualTo("# hadolint ignore=DL3006");
        assertThat(hits.get(0).message()).contains("DL3006");
    }
}
