package dev.plimsoll.version.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.reference.ReferenceTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * golang.org/x/mod's semver and module packages, compiled at test time from Debian's golang-golang-x-mod-dev
 * source (/usr/share/gocode) into a small program (src/test/resources/go/semver-oracle/main.go). The build is
 * offline: GOPATH mode over that source, no module proxy, no toolchain download. Without go or the source the
 * test aborts on a developer machine and fails under CI (CI set).
 */
final class GoOracle {
    static final String INSTALL_HINT = "apt-get install golang-go golang-golang-x-mod-dev "
        + "(or plimsoll-version/reference-tools/install-maven-go-composer.sh)";
    private static final Path GOPATH = Path.of("/usr/share/gocode");
    private static final Path SEMVER_SOURCE = GOPATH.resolve("src/golang.org/x/mod/semver/semver.go");
    private static final Path PROGRAM = Path.of("src/test/resources/go/semver-oracle/main.go");

    private final ReferenceTool program;

    private GoOracle(ReferenceTool program) {
        this.program = program;
    }

    /** Builds the oracle in {@code workDir}; aborts or fails the calling test when go or the source is missing. */
    static GoOracle build(Path workDir) {
        String problem = null;
        if (!Files.isRegularFile(SEMVER_SOURCE)) {
            problem = "golang.org/x/mod source not found at " + SEMVER_SOURCE;
        } else if (!run(List.of("go", "version"), workDir, 60).startsWith("ok")) {
            problem = "the go command is not available";
        }
        if (problem != null) {
            ReferenceTool.missing(problem, INSTALL_HINT);
        }
        assertThat(PROGRAM).as("run from the plimsoll-version module directory").exists();
        try {
            Path source = Files.createDirectories(workDir.resolve("oracle"));
            Files.copy(PROGRAM, source.resolve("main.go"));
            Path binary = workDir.resolve("semver-oracle");
            String result = run(List.of("go", "build", "-o", binary.toString(), "main.go"), source, 300);
            assertThat(result).as("building the x/mod oracle").startsWith("ok");
            return new GoOracle(ReferenceTool.program(binary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks every pair (both texts hex-encoded) and returns one answer line per pair, in order. */
    List<String> ask(List<String[]> pairs, Path workDir) {
        return program.ask(pairs.stream().map(p -> ReferenceTool.hex(p[0]) + " " + ReferenceTool.hex(p[1])).toList(),
            workDir);
    }

    /** Runs a go command offline; returns "ok" or "failed: output". */
    private static String run(List<String> command, Path dir, int seconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("GO111MODULE", "off");
            env.put("GOPATH", GOPATH.toString());
            env.put("GOCACHE", dir.resolve("go-build-cache").toAbsolutePath().toString());
            env.put("GOFLAGS", "");
            env.put("GOPROXY", "off");
            env.put("GOTOOLCHAIN", "local");
            env.put("CGO_ENABLED", "0");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "failed: timed out";
            }
            return process.exitValue() == 0 ? "ok " + output : "failed: " + output;
        } catch (IOException e) {
            return "failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }
}
