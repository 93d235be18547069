package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, run headless on a local file: a screenshot, or the DOM after the page's scripts ran.
 * Each run gets a fresh profile under the caller's work directory and no network beyond what the page asks for
 * (which, for the HTML report, its Content-Security-Policy forbids). Without chromium a test aborts with the apt
 * package to install, and fails under CI, which must install it (.ci/run).
 */
final class HeadlessChromium {
    static final String INSTALL_HINT = "apt-get install chromium (Debian's chromium package)";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path workDir;
    private int runs;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /** The chromium on PATH; aborts the calling test without one, or fails it when CI is set. */
    static HeadlessChromium require(Path workDir) {
        Path found = onPath();
        if (found == null) {
            String why = "no chromium on PATH; " + INSTALL_HINT;
            if (isCi()) {
                Assertions.fail(why + ". CI must install it so the HTML report is tested in a real browser");
            }
            Assumptions.abort(why + " to test the HTML report in a real browser");
        }
        return new HeadlessChromium(found, workDir);
    }

    /** A PNG of the page as a {@code width} x {@code height} window shows it. */
    Path screenshot(Path page, String fragment, int width, int height) throws IOException, InterruptedException {
        Path png = workDir.resolve("screenshot-" + (++runs) + ".png");
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png), page, fragment,
                workDir.resolve("screenshot-" + runs + ".out"));
        return png;
    }

    /** The page's DOM serialised after its scripts ran, for {@code page} opened with {@code fragment}. */
    String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom-" + (++runs) + ".html");
        run(List.of("--virtual-time-budget=5000", "--dump-dom"), page, fragment, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private void run(List<String> action, Path page, String fragment, Path stdout)
            throws IOException, InterruptedException {
        Path profile = Files.createDirectories(workDir.resolve("profile-" + runs));
        Path stderr = workDir.resolve("chromium-" + runs + ".err");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--force-color-profile=srgb"));
        command.addAll(action);
        command.add(page.toUri() + fragment);
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Assertions.fail("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
        }
        assertThat(process.exitValue()).as("chromium exit status for %s; stderr:%n%s", command,
                Files.readString(stderr, StandardCharsets.UTF_8)).isZero();
    }

    private static Path onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        return null;
    }

    /** CI machines set CI (to "true" on most services); "false" or "0" means a developer run. */
    private static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }
}
