package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plimsoll dockerfile}: hadolint's options, configuration discovery and formats, the policy and reports. */
class DockerfileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A non-root user and a health check, so that the security rules have nothing to say about the rest. */
    private static final String HARDENED = "USER 1000\nHEALTHCHECK CMD [\"true\"]\n";
    /** DL3006 (warning) on line 1, DL4000 (error) on line 2, DL3000 (error) on line 3. */
    static final String BAD = "FROM debian\nMAINTAINER someone@example.com\nWORKDIR app\n" + HARDENED;
    /** Only DL3006, a warning. */
    static final String WARNING_ONLY = "FROM debian\nRUN true\n" + HARDENED;
    static final String CLEAN = "FROM debian:12\nRUN true\n" + HARDENED;

    @TempDir
    Path dir;
    Path home;
    Map<String, String> env;
    String stdin = "";

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        env = new HashMap<>();
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg").toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private CliRun run(String... args) {
        Path work = dir.resolve("work");
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CliRun.in(new Console.Host(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env,
                work, home, "Linux"), args);
    }

    private static List<String> hadolint(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(f -> out.add(f.path("file").asText() + ":" + f.path("line").asInt() + ":"
                + f.path("column").asInt() + " " + f.path("code").asText() + " " + f.path("level").asText()));
        return out;
    }

    @Test
    void findingsAtOrAboveInfoFailAsHadolintDoesAndTheTableNamesThem() throws IOException {
        Path file = write("Dockerfile", BAD);
        CliRun run = run("dockerfile", file.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.POLICY_FAILED);
        assertThat(run.out()).contains("DL3006").contains("DL4000").contains("DL3000");
        assertThat(run.err()).contains("failure threshold (info)");
    }

    @Test
    void aCleanFileExitsZero() throws IOException {
        CliRun run = run("dockerfile", write("Dockerfile", CLEAN).toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void theFailureThresholdAndNoFailAreHadolints() throws IOException {
        Path file = write("Dockerfile", WARNING_ONLY);

        assertThat(run("dockerfile", "-t", "error", file.toString()).exitCode()).isZero();
        assertThat(run("dockerfile", "--failure-threshold", "warning", file.toString()).exitCode()).isEqualTo(1);
        assertThat(run("dockerfile", "--no-fail", write("Bad.Dockerfile", BAD).toString()).exitCode()).isZero();
        assertThat(run("dockerfile", "-t", "loud", file.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
        env.put("HADOLINT_FAILURE_THRESHOLD", "error");
        assertThat(run("dockerfile", file.toString()).exitCode()).isZero();
        assertThat(run("dockerfile", "-t", "warning", file.toString()).exitCode()).as("the command line wins")
                .isEqualTo(1);
    }

    @Test
    void hadolintJsonHasHadolintsShapeAndOrder() throws IOException {
        Path a = write("a/Dockerfile", BAD);
        Path b = write("b/Dockerfile", WARNING_ONLY);
        CliRun run = run("dockerfile", "-f", "hadolint-json", b.toString(), a.toString());

        assertThat(run.out()).startsWith("[{\"code\":").doesNotEndWith("\n");
        JsonNode array = JSON.readTree(run.out());
        assertThat(hadolint(array)).containsExactly(b + ":1:1 DL3006 warning", a + ":1:1 DL3006 warning",
                a + ":2:1 DL4000 error", a + ":3:1 DL3000 error");
        for (JsonNode f : array) {
            List<String> keys = new ArrayList<>();
            f.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("code", "column", "file", "level", "line", "message");
            assertThat(f.path("message").asText()).isNotBlank();
        }
        assertThat(run("dockerfile", "-f", "hadolint-json", write("c/Dockerfile", CLEAN).toString()).out())
                .isEqualTo("[]");
    }

    @Test
    void hadolintTtyIsOneLinePerFinding() throws IOException {
        Path file = write("Dockerfile", BAD);
        CliRun run = run("dockerfile", "-f", "hadolint-tty", file.toString());

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith(file + ":1 DL3006 warning: ");
        assertThat(lines.get(1)).startsWith(file + ":2 DL4000 error: ");
        assertThat(run.out()).doesNotContain("\u001b");
    }

    @Test
    void standardInputIsTheFileNamedDash() {
        stdin = BAD;
        CliRun run = run("dockerfile", "-f", "hadolint-tty", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("-:1 DL3006 warning: ");
    }

    @Test
    void aMissingFileAndAnUnparsableOneAreInputErrorsNamingThem() throws IOException {
        CliRun missing = run("dockerfile", dir.resolve("nope/Dockerfile").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(missing.err()).contains(dir.resolve("nope/Dockerfile") + ": no such file");

        Path broken = write("broken/Dockerfile", "FROM debian:12\nRUN <<EOF\necho never ends\n");
        CliRun unparsable = run("dockerfile", broken.toString());
        assertThat(unparsable.exitCode()).as(unparsable.err()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(unparsable.err()).containsPattern(java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: ");
    }

    @Test
    void theConfigurationIsFoundAsHadolintFindsIt() throws IOException {
        Path file = write("Dockerfile", BAD);
        write("xdg/hadolint.yaml", "ignored: [DL4000]\n");
        CliRun xdg = run("dockerfile", "-f", "hadolint-json", file.toString());
        assertThat(hadolint(JSON.readTree(xdg.out()))).extracting(s -> s.split(" ")[1])
                .containsExactly("DL3006", "DL3000");
        assertThat(xdg.err()).contains("hadolint configuration: " + dir.resolve("xdg/hadolint.yaml"));

        write("work/.hadolint.yaml", "ignored: [DL3000]\noverride:\n  style: [DL3006]\n");
        CliRun local = run("dockerfile", "-f", "hadolint-json", file.toString());
        assertThat(hadolint(JSON.readTree(local.out()))).extracting(s -> s.split(" ", 2)[1])
                .as("the working directory's file wins; the XDG one is not read")
                .containsExactly("DL3006 style", "DL4000 error");

        Path explicit = write("elsewhere.yaml", "ignored: [DL4000, DL3000]\nfailure-threshold: warning\n");
        CliRun given = run("dockerfile", "--config", explicit.toString(), "--ignore", "DL3006", file.toString());
        assertThat(given.exitCode()).as(given.err()).isZero();
        assertThat(given.out()).doesNotContain("DL3006").doesNotContain("DL4000");

        Path typo = write("typo.yaml", "override:\n  loud: [DL3006]\n");
        CliRun bad = run("dockerfile", "-c", typo.toString(), file.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(bad.err()).contains(typo.toString()).contains("loud");
    }

    @Test
    void commandLineLevelsAndTheEnvironmentCombine() throws IOException {
        Path file = write("Dockerfile", WARNING_ONLY);
        env.put("HADOLINT_OVERRIDE_STYLE", "DL3006");
        CliRun style = run("dockerfile", "-f", "hadolint-json", file.toString());
        assertThat(hadolint(JSON.readTree(style.out()))).containsExactly(file + ":1:1 DL3006 style");
        assertThat(style.exitCode()).as("style is below the default threshold").isZero();

        CliRun error = run("dockerfile", "-f", "hadolint-json", "--error", "DL3006", file.toString());
        assertThat(hadolint(JSON.readTree(error.out()))).containsExactly(file + ":1:1 DL3006 error");
    }

    @Test
    void thePolicyIgnoresADlRuleAndItsThresholdDecides() throws IOException {
        Path file = write("Dockerfile", BAD);
        write("work/plimsoll.yaml", """
                version: 1
                ignore:
                  - id: DL4000
                    reason: the label migration is tracked elsewhere
                rules:
                  DL3000: {enabled: false}
                """);
        CliRun run = run("dockerfile", "-f", "hadolint-json", file.toString());
        assertThat(hadolint(JSON.readTree(run.out()))).containsExactly(file + ":1:1 DL3006 warning");
        assertThat(run.err()).contains("hidden by the policy");
        assertThat(run.exitCode()).as("no policy threshold: hadolint's info threshold").isEqualTo(1);

        write("work/plimsoll.yaml", "version: 1\nfail-on:\n  misconfiguration: HIGH\n");
        CliRun policy = run("dockerfile", write("w/Dockerfile", WARNING_ONLY).toString());
        assertThat(policy.exitCode()).as("the policy's threshold decides: a warning is MEDIUM").isZero();
        assertThat(run("dockerfile", file.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void sarifCarriesLineAndColumnAndJsonNamesEachFile() throws IOException {
        Path a = write("a/Dockerfile", BAD);
        Path b = write("b/Dockerfile", WARNING_ONLY);
        Path sarifFile = dir.resolve("out.sarif");
        CliRun run = run("dockerfile", "-f", "json", "-f", "sarif=" + sarifFile, a.toString(), b.toString());

        JsonNode sarif = JSON.readTree(sarifFile.toFile());
        JsonNode region = sarif.path("runs").path(0).path("results").path(0).path("locations").path(0)
                .path("physicalLocation").path("region");
        assertThat(region.path("startLine").asInt()).isPositive();
        assertThat(region.path("startColumn").asInt()).isPositive();
        JsonNode report = JSON.readTree(run.out());
        List<String> where = new ArrayList<>();
        report.path("findings").forEach(f -> where.add(f.path("location").path("path").asText() + ":"
                + f.path("location").path("line").asInt() + ":" + f.path("location").path("column").asInt()));
        assertThat(where).contains(a + ":2:1", b + ":1:1");
        assertThat(report.toString()).contains(a + ", " + b);
    }

    @Test
    void theDockerignoreOfTheContextIsRead() throws IOException {
        // Whether a rule uses it depends on the rules present; here: it is read without error, and --context to a
        // missing directory is an input error.
        Path file = write("ctx/Dockerfile", CLEAN);
        write("ctx/.dockerignore", "node_modules\n");
        assertThat(run("dockerfile", file.toString()).exitCode()).isZero();
        assertThat(run("dockerfile", "--context", dir.resolve("ctx").toString(), file.toString()).exitCode())
                .isZero();
        assertThat(run("dockerfile", "--context", dir.resolve("none").toString(), file.toString()).exitCode())
                .isEqualTo(ExitCode.INPUT_ERROR);
    }

    /** shellcheck is installed here and in CI (.ci/run); its findings come under their SC codes, as in hadolint. */
    @Test
    void shellcheckFindingsComeUnderTheirScCodesUnlessTurnedOff() throws IOException {
        assertThat(java.nio.file.Path.of("/usr/bin/shellcheck")).as("shellcheck (apt-get install shellcheck)")
                .isExecutable();
        env.put("PATH", "/usr/bin:/bin");
        Path file = write("Dockerfile", "FROM debian:12\nRUN echo $HOME/*.txt\n" + HARDENED);

        CliRun run = run("dockerfile", "-f", "hadolint-json", file.toString());
        assertThat(hadolint(JSON.readTree(run.out()))).contains(file + ":2:1 SC2086 info");

        CliRun off = run("dockerfile", "-f", "hadolint-json", "--no-shellcheck", file.toString());
        assertThat(off.out()).doesNotContain("SC2086");
        CliRun ignored = run("dockerfile", "-f", "hadolint-json", "--ignore", "SC2086", file.toString());
        assertThat(ignored.out()).doesNotContain("SC2086");
    }
}
