package dev.plimsoll.cli;

import dev.plimsoll.report.Report;
import dev.plimsoll.report.Reporter;
import dev.plimsoll.report.Reporters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/** Report format and destination. The report is written whole or not at all. */
public final class OutputOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "Report format: table, json, cyclonedx, spdx-json.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    Reporter reporter(String defaultFormat) {
        return Reporters.byName(format == null ? defaultFormat : format);
    }

    /**
     * Renders into memory first, then writes: a failure half-way never leaves a truncated report behind. A file is
     * written through a temporary sibling and an atomic rename.
     */
    void write(Reporter reporter, Report report, PrintStream stdout) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 * 1024);
        reporter.write(report, buffer);
        if (output == null) {
            buffer.writeTo(stdout);
            stdout.flush();
            return;
        }
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                buffer.writeTo(out);
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
