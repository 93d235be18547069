package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("plimsoll 0.1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"image", "sbom", "rootfs", "fs"})
    void everyScanningCommandHasHelpWithItsExitCodes(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: plimsoll " + command).contains("Exit codes:")
                .contains("1  findings reached the policy's fail-on thresholds").contains("3  the input could not");
    }

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("image", "sbom", "rootfs", "Exit codes:");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.image("--no-such-option", "x.tar");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void missingImageArgumentIsAUsageError() {
        assertThat(CliRun.of("sbom").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void unknownFormatIsAUsageErrorBeforeAnyScan() {
        CliRun run = CliRun.image("-f", "nope", CliRun.DEMO.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("nope");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badPlatformIsAUsageError() {
        CliRun run = CliRun.image("--platform", "a/b/c/d", CliRun.DEMO.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--platform");
    }

    @Test
    void missingImageFileIsNamed() {
        CliRun run = CliRun.image("/nonexistent/image.tar");
        assertThat(run.exitCode()).isIn(ExitCode.USAGE, ExitCode.INPUT_ERROR);
        assertThat(run.err()).contains("/nonexistent/image.tar");
        assertThat(run.out()).isEmpty();
    }
}
