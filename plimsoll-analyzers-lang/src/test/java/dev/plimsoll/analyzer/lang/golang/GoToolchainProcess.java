package dev.plimsoll.analyzer.lang.golang;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the installed Go toolchain offline for the differential tests. Without one the tests abort, except under CI
 * (the environment variable CI set), whose .ci/run installs Debian's golang-go: there they fail instead.
 */
final class GoToolchainProcess {
    private GoToolchainProcess() {
    }

    static void requireGo() throws InterruptedException {
        boolean present;
        try {
            present = run(Path.of("."), Map.of(), "go", "version").exitCode() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present) {
            if (System.getenv("CI") != null) {
                fail("go is not installed, but CI must run the Go differential tests (.ci/run installs golang-go)");
            }
            Assumptions.abort("go is not installed (Debian: golang-go); the Go differential tests need it");
        }
    }

    record Result(int exitCode, String output) {
    }

    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", command));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs a command that must succeed; returns its output. */
    static String check(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Result r = run(dir, env, command);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + r.exitCode() + "):\n" + r.output());
        }
        return r.output();
    }
}
