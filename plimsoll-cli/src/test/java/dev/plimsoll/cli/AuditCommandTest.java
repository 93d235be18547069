package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit frame with a test input: shared options, policy, reports and exit codes. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private CliRun audit(String... args) {
        return audit(List.of(new InMemoryAuditInput()), args);
    }

    private CliRun audit(List<AuditInput> inputs, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CliRun.CLOCK,
                new Console.Host(System.in, java.util.Map.of(), dir, dir, "Linux"));
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        int code = Main.run(console, List.of(new AuditCommand(console, inputs)), all.toArray(String[]::new));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void everyCheckOnEveryContainerIsReportedAndFindingsAloneDoNotFail() throws Exception {
        CliRun run = audit("memory", "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run.out());
        assertThat(report.path("findings")).hasSize(2 * 32);
        Set<String> outcomes = new HashSet<>();
        report.path("findings").forEach(f -> outcomes.add(f.path("outcome").asText()));
        assertThat(outcomes).contains("PASS", "FAIL", "NOTE", "INFO");
        assertThat(report.path("compliance").path("checks").asInt()).isEqualTo(32);
        assertThat(report.path("complete").asBoolean()).isTrue();
    }

    @Test
    void checksSelectsByIdSectionAndExclusion() throws Exception {
        JsonNode report = json(audit("memory", "-f", "json", "--checks", "5.*,!5.9,!5.10-5.31").out());
        Set<String> ids = new HashSet<>();
        report.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder("CIS-DOCKER-5.1", "CIS-DOCKER-5.2", "CIS-DOCKER-5.3",
                "CIS-DOCKER-5.4", "CIS-DOCKER-5.5", "CIS-DOCKER-5.6", "CIS-DOCKER-5.7", "CIS-DOCKER-5.8");
    }

    @Test
    void aMalformedOrEmptySelectionIsAUsageError() {
        CliRun malformed = audit("memory", "--checks", "5.*.1");
        assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(malformed.err()).contains("--checks: malformed pattern '5.*.1'");
        CliRun none = audit("memory", "--checks", "7.*");
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("selects none of the checks of 'audit memory'");
    }

    @Test
    void onlyFailedControlsFailThePolicy() throws Exception {
        Path policy = dir.resolve("plimsoll.yaml");
        Files.writeString(policy, "fail-on:\n  compliance: HIGH\n");
        CliRun failing = audit("memory", "--policy", policy.toString(), "-f", "json");
        assertThat(failing.exitCode()).as(failing.err()).isEqualTo(ExitCode.POLICY_FAILED);
        JsonNode report = json(failing.out());
        report.path("findings").forEach(f -> assertThat(f.path("failsPolicy").asBoolean())
                .as(f.path("id").asText() + " " + f.path("outcome").asText())
                .isEqualTo(f.path("outcome").asText().equals("FAIL")
                        && List.of("HIGH", "CRITICAL").contains(f.path("severity").asText())));

        CliRun passing = audit("memory", "--only-hardened", "--policy", policy.toString());
        assertThat(passing.exitCode()).as("passes, notes and information never fail: " + passing.out()).isZero();
    }

    @Test
    void aTargetThatCouldNotBeReadMakesTheReportIncomplete() throws Exception {
        CliRun run = audit("memory", "--broken", "-f", "json");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.err()).contains("not audited: memory.yaml (services.db): undefined variable DB_TAG");
        JsonNode report = json(run.out());
        assertThat(report.path("complete").asBoolean()).isFalse();
        assertThat(report.path("problems").get(0).path("path").asText()).isEqualTo("memory.yaml");
        assertThat(report.path("findings")).hasSize(2 * 32);
    }

    @Test
    void dockerBenchFormat() throws Exception {
        CliRun run = audit("memory", "-f", "docker-bench", "--checks", "5.4,5.6,5.25");
        JsonNode log = json(run.out());
        assertThat(log.path("dockerbenchsecurity").asText()).isEqualTo("1.6.0");
        JsonNode results = log.path("tests").get(0).path("results");
        assertThat(results).extracting(r -> r.path("id").asText() + "=" + r.path("result").asText())
                .containsExactly("5.4=WARN", "5.6=NOTE", "5.25=WARN");
        assertThat(log.path("score").asInt()).isEqualTo(-2);
        assertThat(log.path("checks").asInt()).isEqualTo(3);
    }

    @Test
    void tableNamesTheContainersAndCountsWhatPassed() {
        CliRun run = audit("memory", "--checks", "5.4");
        // the failure is listed with its container; the pass is counted, not listed (json lists it)
        assertThat(run.out()).contains("agent (memory.yaml)").contains("[FAIL]").doesNotContain("[PASS]")
                .doesNotContain("web (memory.yaml)").contains("Compliance: 1 control (FAIL 1), score -1; 1 result"
                        + " that passed or did not apply is not listed");
        CliRun json = audit("memory", "--checks", "5.4", "-f", "json");
        assertThat(json.out()).contains("web (memory.yaml)").contains("\"outcome\": \"PASS\"");
    }

    @Test
    void withoutAnInputTheUsageListsTheInputs() {
        CliRun run = audit();
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("memory").contains("nothing on this host to audit");
        CliRun help = audit("memory", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--checks").contains("--policy").contains("--format").contains("--broken");
    }

    @Test
    void withoutAnInputEveryInputThatAppliesHereIsAuditedInOneReport() throws Exception {
        List<AuditInput> inputs = List.of(new InMemoryAuditInput(),
                new InMemoryAuditInput("here", Optional.of(List.of("--only-hardened"))),
                new InMemoryAuditInput("there", Optional.of(List.of("--broken"))));
        CliRun run = audit(inputs, "-f", "json", "--checks", "5.4");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INCOMPLETE); // "there" could not read one
        JsonNode report = json(run.out());
        assertThat(report.path("target").path("name").asText()).isEqualTo("this host (here, there)");
        List<String> audited = new ArrayList<>();
        report.path("findings").forEach(f -> audited.add(f.path("id").asText() + " " + f.path("target").path("name")
                .asText() + " " + f.path("outcome").asText()));
        // here: the hardened container only; there: both, and its broken target; memory: not run
        assertThat(audited).containsExactlyInAnyOrder("CIS-DOCKER-5.4 web (memory.yaml) PASS",
                "CIS-DOCKER-5.4 web (memory.yaml) PASS", "CIS-DOCKER-5.4 agent (memory.yaml) FAIL");
        assertThat(report.path("problems")).hasSize(1);
        assertThat(audit(inputs, "--help").out()).contains("without one, this host is audited");
    }

    @Test
    void theStandardCommandAuditsThisHostWhenGivenNoInput() throws Exception {
        CliRun run = CliRun.of("audit", "-q", "-f", "json", "--checks", "1,3");
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.POLICY_FAILED, ExitCode.INCOMPLETE);
        JsonNode report = json(run.out());
        assertThat(report.path("target").path("name").asText()).startsWith("this host (host");
        List<String> ids = new ArrayList<>();
        report.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("CIS-DOCKER-1.") || id.startsWith("CIS-DOCKER-3."));
    }

    @Test
    void theStandardCommandHasTheAuditFrame() {
        CliRun run = CliRun.of("audit", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("CIS Docker Benchmark");
    }

    @Test
    void anUnknownOptionOfAnInputIsAUsageErrorWithItsHelp() {
        CliRun run = audit("memory", "--bogus");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--bogus").contains("Usage: plimsoll audit memory");
        CliRun unknown = audit("nosuchinput");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void inputNamesAreUnique() {
        Console console = new Console(System.out, System.err, CliRun.CLOCK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditCommand(console,
                List.of(new InMemoryAuditInput(), new InMemoryAuditInput())))
                .hasMessageContaining("two audit inputs named memory");
        List<String> names = AuditInputs.standard().stream().map(i -> i.spec().name()).toList();
        assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    }
}
