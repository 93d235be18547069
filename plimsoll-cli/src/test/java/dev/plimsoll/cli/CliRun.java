package dev.plimsoll.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** One run of the command line in-process, with its exit code and both streams captured. */
record CliRun(int exitCode, String out, String err) {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final Path DEMO = Path.of("..", "samples", "demo-image.tar").toAbsolutePath().normalize();

    /** {@code plimsoll image --db DB ARGS…}, with a database built once from the repository's sample data. */
    static CliRun image(String... args) {
        return withDb("image", args);
    }

    /** {@code plimsoll COMMAND --db DB ARGS…}, with the sample database; COMMAND may be two words ("baseline create"). */
    static CliRun withDb(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.add("--db");
        all.add(SampleDb.FILE.toString());
        all.addAll(List.of(args));
        return of(all.toArray(String[]::new));
    }

    /** The sample database, built on first use. */
    static Path sampleDb() {
        return SampleDb.FILE;
    }

    /** Built on first use (the holder idiom: thread-safe, no mutable static state after initialisation). */
    private static final class SampleDb {
        static final Path FILE = build();

        private static Path build() {
            try {
                Path dir = Files.createTempDirectory("plimsoll-cli-test-db");
                Path db = dir.resolve("vuln.db");
                CliRun run = of("db", "build", "-q", "--from",
                        Path.of("..", "samples", "vulndata").toAbsolutePath().normalize().toString(), "--db",
                        db.toString());
                if (run.exitCode() != 0) {
                    throw new IllegalStateException("cannot build the sample database: " + run.err());
                }
                db.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return db;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A run with its own stdin, environment, working and home directory. */
    static CliRun in(Console.Host host, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, host), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
