package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DownloadProgressTest {
    private static final Digest A = new Digest("sha256", "a".repeat(64));
    private static final Digest B = new Digest("sha256", "b".repeat(64));

    @Test
    void drawsBlobsAndBytesOnOneLineAndClearsItAtTheEnd() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DownloadProgress p = new DownloadProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        p.started(A, 2 << 20);
        p.started(B, 1 << 20);
        p.progressed(A, 2 << 20);
        p.finished(A, 2 << 20);
        p.end();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r\033[Kpulling: 1/2 blobs, 2.0/3.0 MiB").doesNotContain("\n").endsWith("\r\033[K");
        assertThat(p.blobs()).isEqualTo(1);
        assertThat(p.bytes()).isEqualTo(2 << 20);
    }

    @Test
    void countsButDrawsNothingWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DownloadProgress p = new DownloadProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        p.started(A, 10);
        p.progressed(A, 10);
        p.finished(A, 10);
        p.end();
        assertThat(bytes.size()).isZero();
        assertThat(p.blobs()).isEqualTo(1);
        Console console = new Console(new PrintStream(new ByteArrayOutputStream()), new PrintStream(bytes),
                CliRun.CLOCK);
        assertThat(DownloadProgress.drawable(console, false)).as("stderr is not the process's").isFalse();
    }
}
