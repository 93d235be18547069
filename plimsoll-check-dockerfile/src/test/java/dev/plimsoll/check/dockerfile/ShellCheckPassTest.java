package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.dockerfile.shell.ShellCheck;
import dev.plimsoll.check.dockerfile.syntax.DockerfileParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real shellcheck (Debian's package; .ci/run installs it) on RUN scripts, with pragmas and the SHELL. */
class ShellCheckPassTest {
    private static final ShellCheck BINARY = new ShellCheck(Optional.of(Path.of("/usr/bin/shellcheck")),
            Duration.ofSeconds(30));
    private static final DockerfileLinter LINTER = DockerfileLinter.standard().withShellCheck(BINARY);

    private static List<String> scHits(String dockerfile) {
        var df = new DockerfileParser().parse(Path.of("Dockerfile"), dockerfile);
        var result = LINTER.lint(new LintContext(df, LintConfig.DEFAULT, Optional.empty(), false));
        assertThat(result.problems()).isEmpty();
        return result.hits().stream().filter(h -> h.rule().id().value().startsWith("SC"))
                .map(h -> h.rule().id().value() + "@" + h.line() + " " + h.level().label()).toList();
    }

    @Test
    void findingsComeUnderTheirCodesAtTheirDockerfileLines() {
        assertThat(BINARY.available()).as("/usr/bin/shellcheck (apt-get install shellcheck)").isTrue();
        assertThat(scHits("FROM debian:12\nRUN apt-get update && \\\n    echo $HOME/*.txt\n"))
                .containsExactly("SC2086@3 info");
    }

    @Test
    void argAndEnvNamesAreKnownAndPragmasApply() {
        assertThat(scHits("FROM debian:12\nARG DIR=/x\nRUN cd \"$DIR\" || exit 1\n")).isEmpty();
        assertThat(scHits("FROM debian:12\n# hadolint ignore=SC2086\nRUN echo $HOME/*.txt\n")).isEmpty();
    }

    @Test
    void aPowershellStageIsNotChecked() {
        assertThat(scHits("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "SHELL [\"powershell\", \"-Command\"]\nRUN echo $HOME/*.txt\n")).isEmpty();
    }

    @Test
    void manyRunsInOneDockerfileAreCheckedTogetherWithTheirOwnShellAndNames() {
        assertThat(scHits("""
                FROM debian:12 AS build
                ARG VERSION=1
                RUN echo $VERSION $HOME/*.txt
                RUN [[ -f /x ]] && echo ok
                SHELL ["/bin/bash", "-o", "pipefail", "-c"]
                RUN [[ -f /x ]] && echo ok
                FROM alpine:3.20
                RUN echo $VERSION
                # hadolint ignore=SC2086
                RUN echo $HOME/*.txt
                """)).containsExactly("SC2086@3 info", "SC3010@4 warning", "SC2086@8 info"); // line 8: VERSION is not in the second stage's scope
    }

    @Test
    void whenTheBatchFailsEachRunIsNamedInItsOwnProblem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path liar = dir.resolve("shellcheck");
        java.nio.file.Files.writeString(liar, "#!/bin/sh\ncat >/dev/null; echo 'not json'\n");
        liar.toFile().setExecutable(true);
        DockerfileLinter broken = DockerfileLinter.standard().withShellCheck(new ShellCheck(Optional.of(liar),
                Duration.ofSeconds(5)));
        var df = new DockerfileParser().parse(Path.of("Dockerfile"), "FROM debian:12\nRUN echo a\nRUN echo b\n");
        var result = broken.lint(new LintContext(df, LintConfig.DEFAULT, Optional.empty(), false));
        assertThat(result.problems()).extracting(p -> p.message())
                .containsExactly("shellcheck failed on the RUN at line 2: shellcheck printed something that is not"
                        + " JSON: not json", "shellcheck failed on the RUN at line 3: shellcheck printed something"
                        + " that is not JSON: not json");
    }
}
