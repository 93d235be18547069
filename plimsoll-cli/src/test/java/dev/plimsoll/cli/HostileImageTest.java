package dev.plimsoll.cli;

import static dev.plimsoll.testkit.ImageBuilder.Compression.GZIP;
import static dev.plimsoll.testkit.ImageBuilder.Compression.NONE;
import static dev.plimsoll.testkit.ImageBuilder.Compression.ZSTD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.testkit.ImageBuilder;
import dev.plimsoll.testkit.TarBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken images through the whole command line: a clear message naming what is wrong, a non-zero
 * exit, and no report presented as complete (nothing at all where the scan cannot go on).
 */
class HostileImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] STATUS = """
            Package: base-files
            Status: install ok installed
            Architecture: amd64
            Version: 12.4+deb12u8

            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    /** Incompressible bytes, so a truncated compressed layer really lacks most of its content. */
    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        return bytes;
    }

    private static TarBuilder base() {
        return TarBuilder.tar()
                .file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
                .file("var/lib/dpkg/status", STATUS);
    }

    /** Runs a scan that must fail before any report: exit 3, the message contains every fragment, no output. */
    private void assertRefused(Path image, String... fragments) {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.image("-f", "json", "-o", out.toString(), image.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(run.err()).contains(fragments);
        assertThat(out).doesNotExist();
    }

    /** Runs a scan that can go on: exit 4, and the report says incomplete and names the problem. */
    private JsonNode assertIncomplete(Path image, String... fragments) throws Exception {
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.image("-f", "json", "-o", out.toString(), image.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.err()).contains("incomplete");
        JsonNode report = JSON.readTree(out.toFile());
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("problems").toString()).contains(fragments);
        return report;
    }

    @Test
    void layerWhoseDigestDoesNotMatchIsRefused() {
        Path image = dir.resolve("tampered.tar");
        ImageBuilder.image().layer(base().build(), GZIP)
                .tamperLayer(0, base().file("etc/evil", "x").build()).writeOciArchive(image, NONE);
        assertRefused(image, "does not match");
    }

    @Test
    void missingBlobIsNamed() {
        Path image = dir.resolve("missing.tar");
        ImageBuilder.image().layer(base().build(), GZIP).missingLayerBlob(0).writeDockerArchiveOciLayout(image, NONE);
        assertRefused(image, "blobs/sha256/", "is missing");
    }

    @Test
    void truncatedGzipLayerIsRefused() {
        Path image = dir.resolve("truncated-gzip.tar");
        ImageBuilder.image().layer(base().file("big", noise(200_000)).build(), GZIP).truncateLayer(0, 300)
                .writeOciArchive(image, NONE);
        assertRefused(image, "layer");
    }

    @Test
    void truncatedZstdLayerIsRefused() {
        Path image = dir.resolve("truncated-zstd.tar");
        ImageBuilder.image().layer(base().file("big", noise(200_000)).build(), ZSTD).truncateLayer(0, 300)
                .writeOciArchive(image, NONE);
        assertRefused(image, "layer");
    }

    @Test
    void malformedConfigIsNamed() {
        Path image = dir.resolve("bad-config.tar");
        ImageBuilder.image().layer(base().build(), GZIP).rawConfig("{\"architecture\": \"amd64\", ")
                .writeDockerArchive(image, NONE);
        assertRefused(image, "json");
    }

    @Test
    void decompressionBombStopsAtTheConfiguredLimit() {
        Path image = dir.resolve("bomb.tar");
        ImageBuilder.image().layer(base().file("zeros", new byte[8 << 20]).build(), GZIP)
                .writeOciArchive(image, NONE);
        Path out = dir.resolve("report.json");
        CliRun run = CliRun.image("--max-layer-size", "1MiB", "-o", out.toString(), image.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT_ERROR);
        assertThat(run.err()).contains("1048576");
        assertThat(out).doesNotExist();
    }

    @Test
    void pathEscapeIsSkippedAndReported() throws Exception {
        Path image = dir.resolve("escape.tar");
        ImageBuilder.image().layer(base().file("../../../etc/cron.d/evil", "x").build(), GZIP)
                .writeDockerArchive(image, NONE);
        assertIncomplete(image, "../../../etc/cron.d/evil");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("escape.tar",
                    "report.json");
        }
    }

    @Test
    void hardLinkOutOfTheRootIsSkippedAndReported() throws Exception {
        Path image = dir.resolve("hardlink.tar");
        ImageBuilder.image().layer(base().hardlink("etc/shadow-copy", "../../etc/shadow").build(), NONE)
                .writeDockerArchive(image, NONE);
        assertIncomplete(image, "etc/shadow-copy");
    }

    @Test
    void deviceFilesSymlinkLoopsAndEscapingSymlinksAreOnlyMetadata() {
        Path image = dir.resolve("links.tar");
        ImageBuilder.image().layer(base().charDevice("dev/kmsg").symlink("a", "b").symlink("b", "a")
                        .symlink("etc/passwd", "../../../../../etc/passwd").build(), GZIP)
                .writeDockerArchive(image, GZIP);
        CliRun run = CliRun.image("-f", "json", image.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("base-files");
    }

    @Test
    void garbageIsNotAnImage() throws Exception {
        Path image = dir.resolve("garbage.tar");
        Files.write(image, "this is not a tar archive at all".repeat(40).getBytes(StandardCharsets.UTF_8));
        assertRefused(image, image.toString());
    }
}
