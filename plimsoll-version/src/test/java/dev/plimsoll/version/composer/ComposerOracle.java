package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * composer/semver itself, asked through src/test/resources/composer/composer-oracle.php with Debian's php-cli and
 * php-composer-semver. Without them the test aborts on a developer machine and fails under CI (CI set), where a
 * silently skipped comparison would hide regressions.
 */
final class ComposerOracle {
    static final String INSTALL_HINT = "apt-get install php-cli php-composer-semver "
        + "(or plimsoll-version/reference-tools/install-maven-go-composer.sh)";
    private static final Path AUTOLOAD = Path.of("/usr/share/php/Composer/Semver/autoload.php");
    private static final Path SCRIPT = Path.of("src/test/resources/composer/composer-oracle.php");

    private ComposerOracle() {
    }

    /** Checks that php and the library are installed; aborts or fails the calling test otherwise. */
    static void require() {
        String problem = null;
        if (!Files.isRegularFile(AUTOLOAD)) {
            problem = "composer/semver not found at " + AUTOLOAD;
        } else if (!runs(List.of("php", "-r", "require '" + AUTOLOAD + "'; new Composer\\Semver\\VersionParser();"))) {
            problem = "php cannot load composer/semver";
        }
        if (problem != null) {
            String message = problem + "; install it with: " + INSTALL_HINT;
            if (System.getenv("CI") != null) {
                Assertions.fail(message + " (CI must run the comparison with composer/semver)");
            }
            Assumptions.abort(message + "; skipping the comparison with composer/semver");
        }
        assertThat(SCRIPT).as("run from the plimsoll-version module directory").exists();
    }

    /** Asks every question and returns one answer per question, in order. */
    static List<String> ask(List<String> questions, Path workDir) {
        try {
            Path input = Files.createTempFile(workDir, "questions", ".txt");
            Files.write(input, questions, StandardCharsets.US_ASCII);
            Path errors = Files.createTempFile(workDir, "stderr", ".txt");
            Process process = new ProcessBuilder("php", SCRIPT.toAbsolutePath().toString())
                .redirectInput(input.toFile()).redirectError(errors.toFile()).start();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail("composer-oracle.php did not finish");
            }
            assertThat(process.exitValue()).as("composer-oracle.php failed:\n" + Files.readString(errors)).isZero();
            List<String> answers = Arrays.asList(new String(out, StandardCharsets.US_ASCII).split("\n"));
            assertThat(answers).as("one answer per question").hasSize(questions.size());
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String question(String kind, String... texts) {
        StringBuilder line = new StringBuilder(kind);
        for (String text : texts) {
            line.append(' ').append(hex(text));
        }
        return line.toString();
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
