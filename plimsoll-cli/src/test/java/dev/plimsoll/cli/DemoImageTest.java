package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main command, end to end through the command line, on the image that ships in samples/. */
class DemoImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tableShowsTheOsAndEveryPackage() {
        CliRun run = CliRun.image(CliRun.DEMO.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Debian GNU/Linux 12 (bookworm)", "sudo", "bsdutils", "util-linux",
                "lodash", "PyYAML", "log4j-core");
        // The application layer's libraries have published advisories in samples/vulndata.
        assertThat(run.out()).contains("CVE-2021-44228", "CVE-2022-42889", "CVE-2021-44906")
                .contains("Total: 33 (CRITICAL: 4, HIGH: 9, MEDIUM: 11, LOW: 0, UNKNOWN: 9)");
    }

    @Test
    void log4ShellIsReportedWithItsFixLayerAndSeverityFromGhsa() throws Exception {
        JsonNode report = JSON.readTree(CliRun.image("-f", "json", CliRun.DEMO.toString()).out());
        JsonNode log4shell = null;
        for (JsonNode f : report.get("findings")) {
            if (f.get("id").asText().equals("CVE-2021-44228")) {
                log4shell = f;
            }
        }
        assertThat(log4shell).isNotNull();
        assertThat(log4shell.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(log4shell.get("severitySource").asText()).isEqualTo("ghsa");
        assertThat(log4shell.get("aliases").toString()).contains("GHSA-jfh8-c2jp-5v3q");
        assertThat(log4shell.get("fixedVersions").get(0).asText()).isEqualTo("2.15.0");
        assertThat(log4shell.get("package").get("name").asText())
                .isEqualTo("org.apache.logging.log4j:log4j-core");
        assertThat(log4shell.get("location").get("path").asText()).isEqualTo("/app/lib/log4j-core-2.14.1.jar");
        assertThat(log4shell.get("location").toString()).contains("layer");
    }

    @Test
    void jsonInventoryHasSourcesLayersAndPurls() throws Exception {
        CliRun run = CliRun.image("-f", "json", CliRun.DEMO.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("complete").asBoolean()).isTrue();
        JsonNode packages = report.get("packages");
        // 89 dpkg packages, and 12 application libraries: 5 npm, 4 PyPI, 3 Maven
        assertThat(packages).hasSize(101);
        JsonNode sudo = find(packages, "sudo");
        JsonNode libacl = find(packages, "libacl1");
        assertThat(libacl.get("source").get("name").asText()).isEqualTo("acl");
        assertThat(libacl.get("purl").asText())
                .startsWith("pkg:deb/debian/libacl1@")
                .contains("arch=amd64", "distro=debian-12", "upstream=acl");
        // sudo came with the second layer, everything else with the first
        assertThat(sudo.get("introducedIn").toString()).isNotEqualTo(libacl.get("introducedIn").toString());
        JsonNode zlib = find(packages, "zlib1g");
        assertThat(zlib.get("version").asText()).startsWith("1:");
    }

    @Test
    void sbomDefaultsToCycloneDx16(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.cdx.json");
        CliRun run = CliRun.of("sbom", CliRun.DEMO.toString(), "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        JsonNode bom = JSON.readTree(out.toFile());
        assertThat(bom.get("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        List<String> purls = new ArrayList<>();
        bom.get("components").forEach(c -> {
            if (c.has("purl")) {
                purls.add(c.get("purl").asText());
            }
        });
        assertThat(purls).filteredOn(p -> p.startsWith("pkg:deb/")).hasSize(89);
        assertThat(purls).filteredOn(p -> p.startsWith("pkg:npm/")).hasSize(5);
        assertThat(purls).contains("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out); // no temporary file left behind
        }
    }

    @Test
    void spdxIsSpdx23(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo.spdx.json");
        CliRun run = CliRun.of("sbom", "-f", "spdx-json", "-o", out.toString(), CliRun.DEMO.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(out.toFile());
        assertThat(doc.get("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    }

    @Test
    void quietPrintsNothingOnStderrAndDebugTellsTheStages() {
        CliRun quiet = CliRun.image("-q", CliRun.DEMO.toString());
        assertThat(quiet.err()).isEmpty();
        CliRun debug = CliRun.image("--debug", CliRun.DEMO.toString());
        assertThat(debug.err()).contains("opened", "os/dpkg");
    }

    private static JsonNode find(JsonNode packages, String name) {
        for (JsonNode p : packages) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no package " + name);
    }
}
