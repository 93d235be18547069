package dev.plimsoll.check.dockerfile.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.DockerfileLinter;
import dev.plimsoll.check.dockerfile.LintConfig;
import dev.plimsoll.check.dockerfile.LintContext;
import dev.plimsoll.check.dockerfile.LintHit;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the case files cannot express: defaults of the linter configuration (the case harness turns rules on). */
class PlmDfPolicyDefaultsTest {
    private static final DockerfileLinter LINTER = DockerfileLinter.standard();

    private static long hits(String rule, String dockerfile, boolean contextKnown) {
        var df = new DockerfileParser().parse(Path.of("Dockerfile"), dockerfile);
        return LINTER.lint(new LintContext(df, LintConfig.DEFAULT, Optional.empty(), contextKnown)).hits().stream()
                .map(LintHit::rule).filter(r -> r.id().value().equals(rule)).count();
    }

    @Test
    void minimalBaseImageRuleIsOffByDefault() {
        assertThat(hits("PLM-DF-022", "FROM ubuntu:22.04\n", true)).isZero();
    }

    @Test
    void dockerignoreRuleSaysNothingWhenTheContextWasNotLookedAt() {
        assertThat(hits("PLM-DF-016", "FROM node:20\nCOPY . .\n", false)).isZero();
        assertThat(hits("PLM-DF-016", "FROM node:20\nCOPY . .\n", true)).isEqualTo(1);
    }
}
