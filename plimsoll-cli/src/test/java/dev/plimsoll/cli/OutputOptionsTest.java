package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputOptionsTest {
    @TempDir
    Path dir;

    /** Writes a megabyte and a half (more than any buffer on the way), then fails. */
    private static final OutputOptions.Body FAILS_HALF_WAY = out -> {
        out.write("x".repeat(1_500_000).getBytes(StandardCharsets.US_ASCII));
        throw new IOException("the reporter failed");
    };

    private static OutputOptions.Body text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReportFileIsCreatedWithTheUsualModeAndNoTemporaryFileIsLeft() throws IOException {
        Path report = dir.resolve("sub/report.json");
        new OutputOptions("json", report).write(text("{}\n"), nullStdout());
        assertThat(report).hasContent("{}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r--r--");
        assertThat(Files.list(report.getParent())).containsExactly(report);
    }

    @Test
    void aReplacedReportKeepsTheModeOfTheFileItReplaces() throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw----"));
        new OutputOptions("json", report).write(text("new"), nullStdout());
        assertThat(report).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-rw----");
    }

    @Test
    void aFailureHalfWayLeavesTheOldReportAndNoPartOfTheNewOne() throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "old");
        assertThatThrownBy(() -> new OutputOptions("json", report).write(FAILS_HALF_WAY, nullStdout()))
                .hasMessage("the reporter failed");
        assertThat(report).hasContent("old");
        assertThat(Files.list(dir)).containsExactly(report);
    }

    @Test
    void aFailureHalfWayCreatesNoReport() {
        Path report = dir.resolve("report.json");
        assertThatThrownBy(() -> new OutputOptions("json", report).write(FAILS_HALF_WAY, nullStdout()))
                .hasMessage("the reporter failed");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aSymlinkIsFollowedAndStaysALink() throws IOException {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        new OutputOptions("json", link).write(text("new"), nullStdout());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void aDeviceIsWrittenInPlace() throws IOException {
        Path devNull = Path.of("/dev/null");
        new OutputOptions("json", devNull).write(text("{}"), nullStdout());
        assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void aDescriptorLinkIsWrittenInPlace() throws IOException {
        // Under the test runner stderr is a pipe, whose /proc link names no file; nothing is written to it.
        new OutputOptions("json", Path.of("/dev/stderr")).write(text(""), nullStdout());
        assertThat(Files.exists(Path.of("/dev/stderr"))).isTrue();
    }

    @Test
    void stdoutGetsTheWholeReportOrNothing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String big = "é".repeat(400_000);
        new OutputOptions("json", null).write(text(big), stdout);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(big);

        bytes.reset();
        assertThatThrownBy(() -> new OutputOptions("json", null).write(FAILS_HALF_WAY, stdout))
                .hasMessage("the reporter failed");
        assertThat(bytes.size()).isZero();
    }

    private static PrintStream nullStdout() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }
}
