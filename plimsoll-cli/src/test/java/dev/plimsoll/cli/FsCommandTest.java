package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code plimsoll fs}: a source tree (src/test/resources/fs-project, see its README) with two real npm lockfiles, a
 * corrupt jar and a stray dpkg status file, matched against the repository's sample database.
 */
class FsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String project() throws URISyntaxException {
        return Path.of(FsCommandTest.class.getResource("/fs-project").toURI()).toString();
    }

    private static List<String> packages(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("packages").forEach(p -> out.add(p.path("type").asText() + " "
                + p.path("name").asText() + " " + p.path("version").asText() + " "
                + p.path("locations").path(0).path("path").asText()));
        return out;
    }

    private static List<String> vulnerabilities(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> out.add(f.path("id").asText() + " " + f.path("package").path("name")
                .asText() + " " + f.path("location").path("path").asText()));
        return out;
    }

    @Test
    void listsEveryLockfilesPackagesAndTheirVulnerabilitiesButNotAStrayOsDatabase() throws Exception {
        CliRun run = CliRun.withDb("fs", "-f", "json", project());
        JsonNode report = JSON.readTree(run.out());

        assertThat(report.path("target").path("kind").asText()).isEqualTo("FILESYSTEM");
        assertThat(packages(report)).contains("npm lodash 4.17.15 /web/package-lock.json",
                "npm minimist 1.2.0 /web/package-lock.json", "npm lodash 4.17.15 /tools/sub/package-lock.json",
                "npm ms 2.0.0 /web/package-lock.json");
        assertThat(packages(report)).noneMatch(p -> p.startsWith("deb"));
        assertThat(vulnerabilities(report)).contains(
                "CVE-2021-23337 lodash /web/package-lock.json", "CVE-2021-23337 lodash /tools/sub/package-lock.json",
                "CVE-2021-44906 minimist /web/package-lock.json", "CVE-2020-7598 minimist /web/package-lock.json");
        // The corrupt jar is named, the scan goes on, and without --strict it does not fail the command.
        assertThat(report.path("complete").asBoolean(true)).isFalse();
        assertThat(run.err()).contains("could not be read").contains("--strict");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void strictFailsWhenAnApplicationFileCouldNotBeRead() throws Exception {
        CliRun run = CliRun.withDb("fs", "--strict", "-f", "json", project());

        assertThat(run.exitCode()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(run.out()).contains("/lib/broken.jar");
    }

    @Test
    void skippedDirectoriesAndFilesAreLeftOutAndTheCommandSaysWhat() throws Exception {
        String project = project();
        CliRun run = CliRun.withDb("fs", "-f", "json", "--skip-dirs", "tools", "--skip-files",
                "**/*.jar," + project + "/web/nothing-here", project);
        JsonNode report = JSON.readTree(run.out());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(packages(report)).isNotEmpty().allMatch(p -> p.endsWith("/web/package-lock.json"));
        assertThat(report.path("complete").asBoolean()).isTrue();
        assertThat(run.err()).contains("--skip-dirs /tools: skipped 3 entries (e.g. /tools)")
                .contains("--skip-files /**/*.jar: skipped 1 entry (e.g. /lib/broken.jar)")
                // an absolute pattern inside the scanned directory is taken relative to it; it matched nothing
                .contains("--skip-files /web/nothing-here: skipped 0 entries");
    }

    @Test
    void findingsExitCodeBreaksTheBuild() throws Exception {
        CliRun run = CliRun.withDb("fs", "-q", "--exit-code", "3", "--severity", "CRITICAL", project());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("/web/package-lock.json (npm)").contains("CVE-2021-44906");
    }

    @Test
    void aMissingDirectoryIsAClearError() throws IOException {
        CliRun run = CliRun.withDb("fs", "/nonexistent/plimsoll-fs-test");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("/nonexistent/plimsoll-fs-test");
    }
}
