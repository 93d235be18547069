package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Rules hadolint ships at level "ignore" stay silent under the default configuration. The case files cannot show
 * this: their runner turns such rules on.
 */
class OffByDefaultRulesTest {
    @Test
    void healthcheckMissingIsOffByDefault() {
        DockerfileLinter.Result result = DockerfileLinter.standard().lint(new LintContext(
                new DockerfileParser().parse(Path.of("Dockerfile"), "FROM debian:12\nCMD [\"app\"]\n"),
                LintConfig.DEFAULT, Optional.empty(), true));

        assertThat(result.hits()).noneMatch(h -> h.rule().id().value().equals("DL3057"));
    }
}
