package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.check.secrets.validate.Base62Crc32;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --scanners} picks what a scan looks for; what is left out is neither run nor needed (the database). */
class ScannersOptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private void tree() throws IOException {
        String body = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5";
        Files.writeString(dir.resolve(".env"), "GITHUB_TOKEN=ghp_" + body + Base62Crc32.checksum(body) + "\n");
        Files.writeString(dir.resolve("Dockerfile"), "FROM debian:latest\nRUN apt-get update\n");
        Files.writeString(dir.resolve("package-lock.json"), """
                {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
                 "packages": {"": {"name": "app", "version": "1.0.0", "dependencies": {"lodash": "4.17.20"}},
                  "node_modules/lodash": {"version": "4.17.20",
                   "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz"}}}
                """);
    }

    private static List<String> kinds(CliRun run) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode f : JSON.readTree(run.out()).path("findings")) {
            if (!out.contains(f.path("kind").asText())) {
                out.add(f.path("kind").asText());
            }
        }
        return out;
    }

    @Test
    void eachScannerAloneGivesOnlyItsFindings() throws IOException {
        tree();
        String db = CliRun.sampleDb().toString();
        CliRun all = CliRun.of("fs", "--db", db, "-f", "json", dir.toString());
        assertThat(kinds(all)).as(all.err()).contains("SECRET", "MISCONFIGURATION");

        CliRun secrets = CliRun.of("fs", "--scanners", "secret", "--db", db, "-f", "json", dir.toString());
        assertThat(kinds(secrets)).as(secrets.err()).containsExactly("SECRET");

        CliRun lint = CliRun.of("fs", "--scanners", "misconfig", "-f", "json", dir.toString());
        assertThat(kinds(lint)).as(lint.err()).containsExactly("MISCONFIGURATION");

        CliRun both = CliRun.of("fs", "--scanners", "secret,config", "--no-secrets", "-f", "json", dir.toString());
        assertThat(kinds(both)).as("--no-secrets wins; config is Trivy's old name").containsExactly(
                "MISCONFIGURATION");
    }

    @Test
    void withoutVulnTheDatabaseIsNotOpened() throws IOException {
        tree();
        Path missing = dir.resolve("no-such.db");
        CliRun withVuln = CliRun.of("fs", "--db", missing.toString(), dir.toString());
        assertThat(withVuln.exitCode()).isEqualTo(ExitCode.INPUT_ERROR);
        CliRun without = CliRun.of("fs", "--scanners", "secret,misconfig", "--db", missing.toString(), "-f", "json",
                dir.toString());
        assertThat(without.exitCode()).as(without.err()).isZero();
        JsonNode report = JSON.readTree(without.out());
        assertThat(report.path("packages").toString()).contains("lodash");
    }

    @Test
    void anUnknownScannerIsAUsageError() {
        CliRun run = CliRun.of("image", "--scanners", "vuln,license", CliRun.DEMO.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("unknown scanner 'license'").contains("plimsoll sbom");
    }
}
