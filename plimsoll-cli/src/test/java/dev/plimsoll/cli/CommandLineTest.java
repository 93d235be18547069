package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

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

    /** Each command is made only when named: each name must make its own command (Main checks), and help works. */
    @ParameterizedTest
    @ValueSource(strings = {"image", "sbom", "rootfs", "fs", "dockerfile", "secrets", "baseline", "audit", "db",
            "cache"})
    void everyCommandIsMadeByItsOwnName(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: plimsoll " + command);
        assertThat(CliRun.of("--help").out()).containsPattern("(?m)^  " + command + " ");
    }

    @Test
    void topLevelHelpListsCommandsAndExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("image", "sbom", "rootfs", "Exit codes:");
    }

    @Test
    void onlyTheNamedCommandsModelIsBuilt() {
        List<String> built = new ArrayList<>();
        List<CliCommand> commands = Stream.of("image", "dockerfile", "audit").map(name -> new CliCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CommandSpec spec() {
                built.add(name);
                return CommandSpec.create().name(name).addPositional(PositionalParamSpec.builder().arity("0..*")
                        .build());
            }

            @Override
            public int run(ParseResult parsed) {
                return 0;
            }
        }).map(CliCommand.class::cast).toList();
        assertThat(Main.requested(commands, "dockerfile", "image")).extracting(CliCommand::name)
                .containsExactly("dockerfile");
        assertThat(Main.requested(commands, "--help")).hasSize(3);
        assertThat(Main.requested(commands, "imag")).hasSize(3); // a typo still gets the list to suggest from

        Console console = new Console(new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
        assertThat(Main.run(console, commands, "audit", "x")).isZero();
        assertThat(built).containsExactly("audit");
        built.clear();
        assertThat(Main.run(console, commands, "--version")).isZero();
        assertThat(built).containsExactly("image", "dockerfile", "audit");
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
