package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where -o may point: files are replaced atomically, but devices, FIFOs and symlinks must survive. */
class OutputTargetTest {
    @TempDir
    Path dir;

    /** Regression: -o /dev/null as root once renamed a temporary file over the device node. */
    @Test
    void aFifoIsWrittenInPlaceNotReplaced() throws Exception {
        Path fifo = dir.resolve("report.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = CliRun.of("sbom", "-f", "json", "-o", fifo.toString(), CliRun.DEMO.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).contains("\"packages\"");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fifo);
        }
    }

    @Test
    void aSymlinkIsFollowedAndKept() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real.getFileName());
        CliRun run = CliRun.of("sbom", "-f", "json", "-o", link.toString(), CliRun.DEMO.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("\"packages\"");
    }

    @Test
    void anExistingFileIsReplacedWhole() throws Exception {
        Path out = Files.writeString(dir.resolve("out.json"), "x".repeat(1_000_000));
        CliRun run = CliRun.of("sbom", "-f", "json", "-o", out.toString(), CliRun.DEMO.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).startsWith("{").doesNotContain("xxxx");
    }

    /** Regression: reports were left with the temporary file's private mode 0600. */
    @Test
    void aNewReportIsReadableByOthersAndAReplacedOneKeepsItsMode() throws Exception {
        Path fresh = dir.resolve("new.json");
        assertThat(CliRun.of("sbom", "-f", "json", "-o", fresh.toString(), CliRun.DEMO.toString()).exitCode()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)))
                .isEqualTo("rw-r--r--");

        Path kept = Files.writeString(dir.resolve("kept.json"), "old");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        assertThat(CliRun.of("sbom", "-f", "json", "-o", kept.toString(), CliRun.DEMO.toString()).exitCode()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rw-rw----");
    }
}
