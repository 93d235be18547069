package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plimsoll image} on the java-app bench image (layer 2 copies /app/lib with log4j-core 2.14.1 and h2 1.4.199,
 * layer 3 deletes the h2 jar by a whiteout): Log4Shell is reported for log4j-core with the layer that introduced it,
 * and nothing for the deleted h2 jar, against all of ../shared/vulndata (whose GHSA records include h2's). Runs with
 * -Pbench (bin/test passes -Dplimsoll.bench.dir and -Dplimsoll.vulndata).
 */
class JavaAppBenchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void log4ShellWithItsLayerAndNothingForTheDeletedJar() throws IOException {
        Path image = Path.of(System.getProperty("plimsoll.bench.dir", "")).resolve("images/java-app.tar");
        assertThat(image).as("the bench images (bin/test builds them)").isRegularFile();
        String vulndata = System.getProperty("plimsoll.vulndata", "");
        assertThat(Path.of(vulndata)).as("-Dplimsoll.vulndata (bin/test passes it with the bench images)")
                .isDirectory();
        Path db = dir.resolve("vuln.db");
        CliRun build = CliRun.of("db", "build", "-q", "--from", vulndata, "--db", db.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();

        CliRun run = CliRun.of("image", "--db", db.toString(), "-f", "json", image.toString());
        assertThat(run.exitCode()).as(run.err()).isIn(ExitCode.OK, ExitCode.INCOMPLETE);
        JsonNode report = JSON.readTree(run.out());

        List<JsonNode> log4shell = new ArrayList<>();
        List<String> h2 = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            String pkg = f.path("package").path("name").asText();
            if (f.path("id").asText().equals("CVE-2021-44228") && pkg.equals("org.apache.logging.log4j:log4j-core")) {
                log4shell.add(f);
            }
            if (pkg.equals("com.h2database:h2")) {
                h2.add(f.path("id").asText());
            }
        }
        assertThat(log4shell).singleElement().satisfies(f -> {
            assertThat(f.path("package").path("version").asText()).isEqualTo("2.14.1");
            assertThat(f.path("severity").asText()).isEqualTo("CRITICAL");
            assertThat(f.path("fixedVersions").get(0).asText()).isEqualTo("2.15.0");
            assertThat(f.path("location").path("path").asText()).isEqualTo("/app/lib/log4j-core-2.14.1.jar");
            // the second layer (index 1) copied /app; layer 0 is the debootstrap base
            assertThat(f.path("location").path("layer").path("index").asInt()).isEqualTo(1);
            assertThat(f.path("location").path("layer").path("diffId").asText()).matches("sha256:[0-9a-f]{64}");
        });
        assertThat(h2).as("the whiteout deleted the h2 jar").isEmpty();
        assertThat(Files.size(db)).isPositive();
    }
}
