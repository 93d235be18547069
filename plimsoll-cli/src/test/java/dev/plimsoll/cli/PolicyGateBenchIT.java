package dev.plimsoll.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The build gate end to end: {@code plimsoll image} on the java-app bench image (log4j-core 2.14.1, spring-beans
 * 5.3.17, commons-text 1.9, tagged docker.io/bench/java-app:1) against all of ../shared/vulndata, with a policy
 * that fails on CRITICAL and trusts only registry.example.com. Checks the exit code, the SARIF and JUnit files
 * written beside the table, and that a baseline of today's findings lets the same image pass. Runs with -Pbench.
 */
class PolicyGateBenchIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path image;
    static Path db;

    @BeforeAll
    static void database() {
        image = Path.of(System.getProperty("plimsoll.bench.dir", "")).resolve("images/java-app.tar");
        assertThat(image).as("the bench images (bin/test builds them)").isRegularFile();
        String vulndata = System.getProperty("plimsoll.vulndata", "");
        assertThat(Path.of(vulndata)).as("-Dplimsoll.vulndata (bin/test passes it with the bench images)")
                .isDirectory();
        db = dir.resolve("vuln.db");
        CliRun build = CliRun.of("db", "build", "-q", "--from", vulndata, "--db", db.toString());
        assertThat(build.exitCode()).as(build.err()).isZero();
    }

    private static Path policy() throws IOException {
        return Files.writeString(dir.resolve("plimsoll.yaml"), """
                version: 1
                fail-on: CRITICAL
                images:
                  trusted-registries: [registry.example.com]
                """);
    }

    @Test
    void criticalFindingsFailTheBuildAndTheCiReportsSayWhich() throws Exception {
        Path sarif = dir.resolve("out.sarif");
        Path junit = dir.resolve("out.xml");

        CliRun run = CliRun.of("image", "--db", db.toString(), "--policy", policy().toString(),
                "-f", "sarif=" + sarif, "-f", "junit=" + junit, "-f", "table", image.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.POLICY_FAILED);
        assertThat(run.err()).contains("at or above the policy's thresholds; exiting with 1");
        assertThat(run.out()).contains("CVE-2021-44228").contains("Policy: FAILED");

        JsonNode results = JSON.readTree(sarif.toFile()).path("runs").get(0).path("results");
        Map<String, String> levelByRule = new HashMap<>();
        Map<String, String> fileByRule = new HashMap<>();
        for (JsonNode r : results) {
            levelByRule.put(r.path("ruleId").asText(), r.path("level").asText());
            fileByRule.put(r.path("ruleId").asText(), r.path("locations").path(0).path("physicalLocation")
                    .path("artifactLocation").path("uri").asText());
        }
        assertThat(levelByRule).containsEntry("CVE-2021-44228", "error").containsEntry("CVE-2022-22965", "error")
                .containsEntry("CVE-2022-42889", "error")
                .as("the untrusted registry is a finding too (HIGH: reported, below the threshold)")
                .containsEntry("PLM-TRUST-001", "error");
        assertThat(fileByRule.get("CVE-2021-44228")).isEqualTo("app/lib/log4j-core-2.14.1.jar");

        Document xml = parse(junit);
        List<String> failed = new ArrayList<>();
        List<String> belowThreshold = new ArrayList<>();
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getElementsByTagName("failure").getLength() > 0) {
                failed.add(c.getAttribute("name"));
            }
            if (c.getElementsByTagName("skipped").getLength() > 0) {
                belowThreshold.add(c.getAttribute("name"));
            }
        }
        assertThat(failed).as("exactly the findings at or above CRITICAL fail")
                .containsExactlyInAnyOrder("[CRITICAL] CVE-2021-44228", "[CRITICAL] CVE-2021-45046",
                        "[CRITICAL] CVE-2022-22965", "[CRITICAL] CVE-2022-42889");
        assertThat(belowThreshold).contains("[HIGH] PLM-TRUST-001", "[HIGH] CVE-2021-45105",
                "[MEDIUM] CVE-2023-2976");
        int failures = 0;
        NodeList suites = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            failures += Integer.parseInt(((Element) suites.item(i)).getAttribute("failures"));
        }
        assertThat(failures).isEqualTo(4);
    }

    @Test
    void aBaselineOfTodaysFindingsLetsTheSameImagePass() throws IOException {
        Path baseline = dir.resolve("baseline.json");
        CliRun create = CliRun.of("baseline", "create", "--db", db.toString(), "--policy", policy().toString(),
                "-o", baseline.toString(), image.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();

        CliRun run = CliRun.of("image", "--db", db.toString(), "--policy", policy().toString(), "--baseline",
                baseline.toString(), "-f", "json", image.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("policy").path("failed").asBoolean()).isFalse();
        assertThat(report.path("policy").path("hidden").path("baseline").asInt()).isGreaterThanOrEqualTo(17);
        assertThat(report.path("findings")).as("everything was in the baseline").isEmpty();
        assertThat(run.err()).contains("hidden by the policy");
    }

    private static Document parse(Path file) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            return f.newDocumentBuilder().parse(in);
        }
    }
}
