package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy gate end to end on the sample image (33 vulnerabilities with the sample database, 4 CRITICAL, among
 * them Log4Shell). CliRun's clock says 2026-01-02.
 */
class PolicyCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static int findings(CliRun run) throws IOException {
        return JSON.readTree(run.out()).path("findings").size();
    }

    @Test
    void aThresholdFailsTheBuildWithExitCodeOneOrTheOneAskedFor() throws IOException {
        Path policy = write("p.yaml", "fail-on:\n  vulnerability: CRITICAL\n");

        CliRun run = CliRun.image("-f", "json", "--policy", policy.toString(), CliRun.DEMO.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.POLICY_FAILED);
        assertThat(run.err()).contains("4 finding(s) at or above the policy's thresholds; exiting with 1");
        assertThat(findings(run)).isEqualTo(33);

        assertThat(CliRun.image("-q", "--exit-code", "9", "--policy", policy.toString(), CliRun.DEMO.toString())
                .exitCode()).isEqualTo(9);
        Path lenient = write("lenient.yaml", "fail-on:\n  secret: LOW\n");
        assertThat(CliRun.image("-q", "--policy", lenient.toString(), CliRun.DEMO.toString()).exitCode()).isZero();
    }

    @Test
    void ignoreEntriesHideFindingsUntilTheyExpire() throws IOException {
        Path policy = write("p.yaml", """
                fail-on: CRITICAL
                ignore:
                  - id: CVE-2021-44228
                    reason: lookups disabled
                    expires: 2026-06-30
                  - package: org.apache.logging.log4j:log4j-core
                    ecosystem: maven
                    versions: "<2.17.1"
                    reason: only the remaining Log4j CVEs, accepted until the upgrade
                    expires: 2025-12-31
                """);
        CliRun run = CliRun.image("-f", "json", "--policy", policy.toString(), CliRun.DEMO.toString());
        JsonNode report = JSON.readTree(run.out());

        assertThat(report.path("findings").findValuesAsText("id")).doesNotContain("CVE-2021-44228");
        assertThat(findings(run)).isEqualTo(32);
        assertThat(run.err()).contains("1 finding(s) hidden by the policy: 1 ignored")
                .contains("ignore entry expired on 2025-12-31, no longer applied: "
                        + "maven:org.apache.logging.log4j:log4j-core <2.17.1 (" + policy + ":6)");
        assertThat(run.exitCode()).as("3 other CRITICAL findings remain").isEqualTo(ExitCode.POLICY_FAILED);
    }

    @Test
    void aBaselineHidesTodaysFindingsSoOnlyNewOnesFail() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        CliRun create = CliRun.withDb("baseline create", "-o", baseline.toString(), CliRun.DEMO.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        assertThat(create.err()).contains("33 finding(s) written to " + baseline);

        Path policy = write("p.yaml", "fail-on: LOW\n");
        CliRun later = CliRun.image("-f", "json", "--policy", policy.toString(), "--baseline", baseline.toString(),
                CliRun.DEMO.toString());
        assertThat(later.exitCode()).as(later.err()).isZero();
        assertThat(findings(later)).isZero();
        assertThat(later.err()).contains("33 finding(s) hidden by the policy: 33 baseline");
    }

    @Test
    void aTrivyignoreIsImported() throws IOException {
        Path ignore = write(".trivyignore", "# fixed in our fork\nCVE-2021-44228\nCVE-2021-45046 exp:2027-01-01\n");
        CliRun run = CliRun.image("-f", "json", "--ignorefile", ignore.toString(), CliRun.DEMO.toString());

        assertThat(JSON.readTree(run.out()).path("findings").findValuesAsText("id"))
                .doesNotContain("CVE-2021-44228", "CVE-2021-45046");
        assertThat(run.err()).contains("hidden by the policy: 2 ignored");
    }

    @Test
    void vexStatementsHideWhatTheyDeclareNotAffected() throws IOException {
        Path vex = write("app.openvex.json", """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/1",
                 "author": "Example", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2021-44228"},
                                 "products": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                                 "status": "not_affected", "justification": "vulnerable_code_not_present"}]}
                """);
        CliRun run = CliRun.image("-f", "json", "--vex", vex.toString(), CliRun.DEMO.toString());

        assertThat(JSON.readTree(run.out()).path("findings").findValuesAsText("id")).doesNotContain("CVE-2021-44228");
        assertThat(findings(run)).isEqualTo(32);
        assertThat(run.err()).contains("1 finding(s) hidden by the policy: 1 vex").contains(
                "hidden CVE-2021-44228 in org.apache.logging.log4j:log4j-core 2.14.1: not_affected:"
                        + " vulnerable_code_not_present (" + vex + ")");
    }

    @Test
    void severalFormatsInOneRun() throws IOException {
        Path json = dir.resolve("out/report.json");
        Path cdx = dir.resolve("report.cdx.json");
        CliRun run = CliRun.image("-f", "json=" + json, "-f", "table", "--format", "cyclonedx=" + cdx,
                CliRun.DEMO.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("FINDINGS (33)");
        assertThat(JSON.readTree(json.toFile()).path("findings").size()).isEqualTo(33);
        assertThat(JSON.readTree(cdx.toFile()).path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(run.err()).contains("json report written to " + json);

        CliRun twoToStdout = CliRun.image("-f", "json", "-f", "table", CliRun.DEMO.toString());
        assertThat(twoToStdout.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(twoToStdout.err()).contains("two formats for one destination");
        CliRun unknown = CliRun.image("-f", "table", "-f", "nonsense=" + json, CliRun.DEMO.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("unknown report format 'nonsense'");
    }

    @Test
    void aBrokenPolicyNamesItsLineAndStopsTheScan() throws IOException {
        Path policy = write("p.yaml", "fail-on: HIGH\nignore:\n  - id: CVE-2021-44228\n");
        CliRun run = CliRun.image("--policy", policy.toString(), CliRun.DEMO.toString());

        assertThat(run.exitCode()).isNotZero().isNotEqualTo(ExitCode.POLICY_FAILED);
        assertThat(run.err()).contains(policy + ":3: ignore entry without a reason");
        assertThat(run.out()).isEmpty();
    }
}
