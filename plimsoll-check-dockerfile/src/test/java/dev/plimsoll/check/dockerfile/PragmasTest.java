package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PragmasTest {
    private static final DockerfileLinter LINTER = DockerfileLinter.standard();

    private static List<String> hits(String dockerfile, String rule) {
        var df = new DockerfileParser().parse(Path.of("Dockerfile"), dockerfile);
        return LINTER.lint(new LintContext(df, LintConfig.DEFAULT, Optional.empty(), false)).hits().stream()
                .filter(h -> h.rule().id().value().equals(rule)).map(h -> Integer.toString(h.line())).toList();
    }

    @Test
    void inlineIgnoreCoversTheNextInstructionOnlyAndAllowsAReason() {
        String df = """
                # hadolint ignore=DL3006 # the base is pinned by the CI job
                FROM alpine
                FROM busybox
                """;
        assertThat(hits(df, "DL3006")).containsExactly("3");
        assertThat(hits("# plimsoll ignore=DL4000\nFROM alpine:3\nMAINTAINER x\n", "DL4000"))
                .as("a pragma not directly above the instruction does nothing").containsExactly("3");
    }

    @Test
    void globalIgnoreCoversTheFileWhereverItIs() {
        assertThat(hits("FROM alpine\nFROM busybox\n# hadolint global ignore=DL3006\n", "DL3006")).isEmpty();
    }

    @Test
    void stageIgnoreCoversTheStageOfTheNextInstruction() {
        String df = """
                FROM alpine:3 AS one
                MAINTAINER a
                # hadolint stage ignore=DL4000
                FROM alpine:3 AS two
                MAINTAINER b
                MAINTAINER c
                FROM alpine:3 AS three
                MAINTAINER d
                """;
        assertThat(hits(df, "DL4000")).containsExactly("2", "8");
    }

    @Test
    void disableIgnorePragmaMakesThemInert() {
        var df = new DockerfileParser().parse(Path.of("Dockerfile"), "# hadolint ignore=DL3006\nFROM alpine\n");
        LintConfig config = new LintConfig(java.util.Set.of(), java.util.Map.of(), List.of(), java.util.Map.of(),
                false, true, Optional.empty(), RuleSettings.NONE);
        assertThat(LINTER.lint(new LintContext(df, config, Optional.empty(), false)).hits())
                .extracting(h -> h.rule().id().value()).contains("DL3006");
    }
}
