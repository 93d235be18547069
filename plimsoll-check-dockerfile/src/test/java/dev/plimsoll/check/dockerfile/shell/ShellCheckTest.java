package dev.plimsoll.check.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real shellcheck binary (installed here and in CI; optional for users). */
class ShellCheckTest {
    private static final ShellCheck SHELLCHECK = new ShellCheck(
            Optional.of(Path.of("/usr/bin/shellcheck")).filter(Files::isExecutable), Duration.ofSeconds(30));

    @Test
    void reportsUnquotedVariableAtItsDockerfilePosition() {
        assertThat(SHELLCHECK.available()).as("shellcheck is installed here and in CI").isTrue();
        // RUN at line 12; script starts at column 5; the second script line is line 13
        ScriptSource source = ScriptSource.at("apt-get update && \\\n    echo $FOO", 12, 5);
        ShellCheck.Result result = SHELLCHECK.check(source, "sh", List.of(), List.of());
        assertThat(result.status()).isEqualTo(ShellCheck.Status.RAN);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("SC2086");
            assertThat(finding.level()).isEqualTo(ShellCheckFinding.Level.INFO);
            assertThat(finding.position()).isEqualTo(new Position(13, 10));
            assertThat(finding.end()).isEqualTo(new Position(13, 14));
            assertThat(finding.message()).contains("Double quote");
        });
    }

    @Test
    void firstLineColumnsIncludeTheRunOffset() {
        ShellCheck.Result result = SHELLCHECK.check(ScriptSource.at("echo $1", 3, 5), "sh", List.of(), List.of());
        assertThat(result.findings()).extracting(ShellCheckFinding::position).containsExactly(new Position(3, 10));
    }

    @Test
    void knownVariablesAreExportedAndDoNotShiftLines() {
        String script = "echo \"$version\"\necho $1";
        ShellCheck.Result without = SHELLCHECK.check(ScriptSource.at(script, 1, 5), "sh", List.of(), List.of());
        assertThat(without.findings()).extracting(ShellCheckFinding::code).contains("SC2154");
        ShellCheck.Result with = SHELLCHECK.check(ScriptSource.at(script, 1, 5), "sh", List.of(),
                List.of("version", "not a name; rm -rf /", "HTTP_PROXY"));
        assertThat(with.findings()).extracting(ShellCheckFinding::code).containsExactly("SC2086");
        assertThat(with.findings().get(0).position()).isEqualTo(new Position(2, 6));
    }

    @Test
    void excludesAndErrors() {
        ScriptSource source = ScriptSource.at("echo $1\nif true; then", 1, 5);
        ShellCheck.Result result = SHELLCHECK.check(source, "bash", List.of("2086"), List.of());
        assertThat(result.findings()).extracting(ShellCheckFinding::code).doesNotContain("SC2086");
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.level()).isEqualTo(ShellCheckFinding.Level.ERROR));
        assertThat(SHELLCHECK.check(ScriptSource.of("echo $1"), "sh", List.of("SC2086"), List.of()).findings())
                .isEmpty();
    }

    @Test
    void bashismsDependOnTheShell() {
        ScriptSource source = ScriptSource.of("if [[ -f /x ]]; then echo \"ok\"; fi");
        assertThat(SHELLCHECK.check(source, "sh", List.of(), List.of()).findings())
                .extracting(ShellCheckFinding::code).contains("SC3010");
        assertThat(SHELLCHECK.check(source, "bash", List.of(), List.of()).findings()).isEmpty();
        assertThat(SHELLCHECK.check(source, ShellCheck.shellOf(List.of("/bin/bash", "-o", "pipefail", "-c")),
                List.of(), List.of()).findings()).isEmpty();
    }

    @Test
    void ashIsCheckedAsDashWithoutSc2187() {
        ShellCheck.Result result = SHELLCHECK.check(ScriptSource.of("echo \"$HOME\""), "ash", List.of(), List.of());
        assertThat(result.ran()).isTrue();
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void unsupportedShellsAreNotChecked() {
        assertThat(SHELLCHECK.check(ScriptSource.of("Write-Host hi"), "pwsh", List.of(), List.of()).status())
                .isEqualTo(ShellCheck.Status.UNSUPPORTED_SHELL);
    }

    @Test
    void missingBinaryIsAFlagNotAnError(@TempDir Path dir) {
        ShellCheck none = new ShellCheck(Optional.empty(), Duration.ofSeconds(5));
        ShellCheck.Result result = none.check(ScriptSource.of("echo $1"), "sh", List.of(), List.of());
        assertThat(result.status()).isEqualTo(ShellCheck.Status.NOT_INSTALLED);
        assertThat(result.findings()).isEmpty();
        ShellCheck vanished = new ShellCheck(Optional.of(dir.resolve("shellcheck")), Duration.ofSeconds(5));
        assertThat(vanished.check(ScriptSource.of("echo"), "sh", List.of(), List.of()).status())
                .isEqualTo(ShellCheck.Status.NOT_INSTALLED);
        assertThat(ShellCheck.findOnPath(dir.toString())).isEmpty();
        assertThat(ShellCheck.findOnPath(null)).isEmpty();
        assertThat(ShellCheck.findOnPath("/usr/bin")).contains(Path.of("/usr/bin/shellcheck"));
    }

    @Test
    void badOutputIsAClearException(@TempDir Path dir) throws IOException {
        ShellCheck liar = new ShellCheck(Optional.of(script(dir, "liar", "echo 'not json'")), Duration.ofSeconds(5));
        assertThatThrownBy(() -> liar.check(ScriptSource.of("echo"), "sh", List.of(), List.of()))
                .isInstanceOf(ShellCheckException.class).hasMessageContaining("not JSON");
        ShellCheck wrongShape = new ShellCheck(Optional.of(script(dir, "shape", "echo '{\"x\":1}'")),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrongShape.check(ScriptSource.of("echo"), "sh", List.of(), List.of()))
                .isInstanceOf(ShellCheckException.class).hasMessageContaining("comments");
        ShellCheck failing = new ShellCheck(Optional.of(script(dir, "failing", "echo boom >&2; exit 3")),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> failing.check(ScriptSource.of("echo"), "sh", List.of(), List.of()))
                .isInstanceOf(ShellCheckException.class).hasMessageContaining("exit status 3").hasMessageContaining("boom");
    }

    @Test
    void oneProcessForManyScriptsGivesWhatEachGivesAlone() {
        List<ShellCheck.Job> jobs = List.of(
                new ShellCheck.Job(ScriptSource.at("apt-get update && \\\n    echo $FOO", 12, 5), "sh", List.of()),
                new ShellCheck.Job(ScriptSource.at("[[ -f x ]] && echo $1", 20, 5), "sh", List.of()),
                new ShellCheck.Job(ScriptSource.at("[[ -f x ]] && echo \"$1\"", 22, 5), "/bin/bash", List.of()),
                new ShellCheck.Job(ScriptSource.at("Write-Host $x", 24, 5), "pwsh", List.of()),
                new ShellCheck.Job(ScriptSource.at("echo $VERSION $OTHER\ncd /x", 26, 5), "ash",
                        List.of("VERSION", "not a name")),
                new ShellCheck.Job(ScriptSource.at("source ./env.sh && echo `date`", 30, 5), "dash", List.of()));
        List<String> excluded = List.of("SC2164");
        List<ShellCheck.Result> batch = SHELLCHECK.checkAll(jobs, excluded);
        assertThat(batch).hasSize(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            ShellCheck.Job j = jobs.get(i);
            ShellCheck.Result alone = SHELLCHECK.check(j.script(), j.shell(), excluded, j.knownVariables());
            assertThat(batch.get(i)).as("script %d", i).isEqualTo(alone);
        }
        assertThat(batch.get(1).findings()).extracting(ShellCheckFinding::code).contains("SC3010");
        assertThat(batch.get(3).status()).isEqualTo(ShellCheck.Status.UNSUPPORTED_SHELL);
        assertThat(batch.get(4).findings()).extracting(ShellCheckFinding::code).containsOnly("SC2086")
                .hasSize(1); // $OTHER only: VERSION is exported, cd's SC2164 excluded
    }

    @Test
    void aBatchWithABadShellcheckFailsClearly(@TempDir Path dir) throws IOException {
        ShellCheck liar = new ShellCheck(Optional.of(script(dir, "liar", "echo 'not json'")), Duration.ofSeconds(5));
        List<ShellCheck.Job> jobs = List.of(new ShellCheck.Job(ScriptSource.of("echo"), "sh", List.of()),
                new ShellCheck.Job(ScriptSource.of("echo"), "sh", List.of()));
        assertThatThrownBy(() -> liar.checkAll(jobs, List.of())).isInstanceOf(ShellCheckException.class)
                .hasMessageContaining("not JSON");
        ShellCheck stranger = new ShellCheck(Optional.of(script(dir, "stranger", "printf '{\"comments\":[{\"file\":"
                + "\"/etc/passwd\",\"code\":1,\"line\":1,\"column\":1,\"level\":\"info\",\"message\":\"m\"}]}'")),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> stranger.checkAll(jobs, List.of())).isInstanceOf(ShellCheckException.class)
                .hasMessageContaining("not given");
        ShellCheck none = new ShellCheck(Optional.empty(), Duration.ofSeconds(5));
        assertThat(none.checkAll(jobs, List.of())).extracting(ShellCheck.Result::status)
                .containsOnly(ShellCheck.Status.NOT_INSTALLED);
    }

    @Test
    void batchScriptsAreWrittenToAPrivateDirectoryThatIsRemoved(@TempDir Path dir) throws IOException {
        // the fake reports its first script's directory and that directory's mode as the comment's message
        Path reporter = script(dir, "reporter", "f=$5; d=$(dirname \"$f\"); printf '{\"comments\":[{\"file\":\"%s\","
                + "\"code\":1,\"line\":2,\"column\":1,\"level\":\"info\",\"message\":\"%s %s\"}]}' \"$f\" "
                + "\"$(stat -c %a \"$d\")\" \"$d\"");
        ShellCheck fake = new ShellCheck(Optional.of(reporter), Duration.ofSeconds(5));
        List<ShellCheck.Job> jobs = List.of(new ShellCheck.Job(ScriptSource.of("echo a"), "sh", List.of()),
                new ShellCheck.Job(ScriptSource.of("echo b"), "sh", List.of()));
        String[] modeAndDir = fake.checkAll(jobs, List.of()).get(0).findings().get(0).message().split(" ", 2);
        assertThat(modeAndDir[0]).isEqualTo("700");
        assertThat(Path.of(modeAndDir[1])).doesNotExist();
        assertThat(Path.of(modeAndDir[1]).getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    }

    @Test
    void slowShellcheckTimesOut(@TempDir Path dir) throws IOException {
        ShellCheck slow = new ShellCheck(Optional.of(script(dir, "slow", "exec sleep 30")), Duration.ofMillis(300));
        assertThatThrownBy(() -> slow.check(ScriptSource.of("echo"), "sh", List.of(), List.of()))
                .isInstanceOf(ShellCheckException.class).hasMessageContaining("did not finish");
    }

    @Test
    void environmentIsMinimal(@TempDir Path dir) throws IOException {
        Path env = script(dir, "env", "cat >/dev/null; printf '{\"comments\":[{\"code\":1,\"line\":2,\"column\":1,"
                + "\"level\":\"style\",\"message\":\"%s\"}]}' \"$(env | sort | tr '\\n' ' ')\"");
        ShellCheck fake = new ShellCheck(Optional.of(env), Duration.ofSeconds(5));
        ShellCheckFinding finding = fake.check(ScriptSource.of("echo"), "sh", List.of(), List.of()).findings().get(0);
        assertThat(finding.message()).doesNotContain("PATH=/", "HOME=");
        assertThat(finding.level()).isEqualTo(ShellCheckFinding.Level.STYLE);
        assertThat(finding.code()).isEqualTo("SC1");
    }

    @Test
    void shellOfShellInstruction() {
        assertThat(ShellCheck.shellOf(List.of())).isEqualTo("sh");
        assertThat(ShellCheck.shellOf(List.of("/bin/bash", "-o", "pipefail", "-c"))).isEqualTo("bash");
        assertThat(ShellCheck.shellOf(List.of("/bin/busybox", "ash", "-c"))).isEqualTo("ash");
        assertThat(ShellCheck.shellOf(List.of("pwsh", "-Command"))).isEqualTo("pwsh");
        assertThat(ShellCheck.HADOLINT_EXCLUDED).isEqualTo(Set.of("SC2187", "SC1090"));
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
