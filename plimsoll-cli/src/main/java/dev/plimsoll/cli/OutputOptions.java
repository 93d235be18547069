package dev.plimsoll.cli;

import dev.plimsoll.report.Report;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.Reporters;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;

/** Report format and destination ({@code output} null: stdout). The report is written whole or not at all. */
record OutputOptions(String format, Path output) {

    Reporter reporter() {
        return Reporters.byName(format);
    }

    /**
     * Writes the report whole or not at all: a failure half-way never leaves a truncated report behind. A regular
     * file is written through a temporary sibling and an atomic rename; stdout and anything else that already
     * exists there (a device such as /dev/null, a FIFO) get the report from memory once it is complete, written in
     * place, since renaming over a device would replace the device itself. A symlink is followed, as a shell
     * redirection would.
     */
    void write(Reporter reporter, Report report, PrintStream stdout) throws IOException {
        write(out -> reporter.write(report, out), stdout);
    }

    /** Something that renders a whole document into a stream. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    void write(Body body, PrintStream stdout) throws IOException {
        Path target = output == null ? null : output.toAbsolutePath();
        if (target != null && Files.exists(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                // A descriptor's link to a pipe or socket (/dev/stderr, /proc/self/fd/N) names no file: written
                // in place below, as a shell redirection would.
            }
        }
        if (target == null || Files.exists(target) && !Files.isRegularFile(target)) {
            // Grows by adding blocks, never by copying: an audit's JSON report can be tens of megabytes, and a
            // doubling array copied it twice over.
            UnsynchronizedByteArrayOutputStream buffer = UnsynchronizedByteArrayOutputStream.builder()
                    .setBufferSize(64 * 1024).get();
            body.writeTo(buffer);
            if (target == null) {
                buffer.writeTo(stdout);
                stdout.flush();
            } else {
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    buffer.writeTo(out);
                }
            }
            return;
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            // A temporary file is private (0600); the report gets the mode of the file it replaces, else the
            // usual rw-r--r--, so that CI steps running as another user can read and upload it.
            if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            // Streamed into the temporary file rather than held in memory: it only replaces the target once whole.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
