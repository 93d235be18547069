package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SarifReporterTest {
    /** The OASIS schema (see sarif/README.md); it declares draft-04 itself. */
    static final Schema SCHEMA = JsonSchemas.load("sarif/sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4);

    private final SarifReporter reporter = new SarifReporter();

    static Stream<Arguments> scenarios() {
        return Stream.concat(Scenarios.all(), Stream.of(Arguments.of("hostile-lockfiles",
                (Supplier<Report>) FindingScans::hostileLockfiles)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validatesAgainstTheOfficialSarif210Schema(String name, Supplier<Report> scenario) {
        JsonNode sarif = Scenarios.json(Scenarios.render(reporter, scenario.get()));

        assertThat(JsonSchemas.errors(SCHEMA, sarif)).isEmpty();
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs")).hasSize(1);
    }

    @Test
    void theSchemaIsNotVacuous() {
        ObjectNode sarif = (ObjectNode) Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));
        JsonNode result = sarif.path("runs").path(0).path("results").path(1);
        ((ObjectNode) result).put("level", "fatal");
        ((ObjectNode) result.path("locations").path(0).path("physicalLocation").path("region")).put("startLine", 0);
        ((ObjectNode) sarif.path("runs").path(0).path("tool").path("driver")).remove("name");

        assertThat(JsonSchemas.errors(SCHEMA, sarif)).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyResultPointsAtItsRuleAndCarriesItsFingerprint(String name, Supplier<Report> scenario) {
        Report report = scenario.get();
        JsonNode run = Scenarios.json(Scenarios.render(reporter, report)).path("runs").path(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");

        Set<String> ruleIds = new HashSet<>();
        rules.forEach(r -> ruleIds.add(r.path("id").asText()));
        assertThat(ruleIds).as("one rule per id").hasSize(rules.size());
        List<String> fingerprints = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            assertThat(rules.path(result.path("ruleIndex").asInt()).path("id").asText())
                    .isEqualTo(result.path("ruleId").asText());
            fingerprints.add(result.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText());
            JsonNode location = result.path("locations").path(0).path("physicalLocation");
            assertThat(location.path("artifactLocation").path("uri").asText()).isNotEmpty().doesNotStartWith("/");
        }
        assertThat(fingerprints).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                report.scan().findings().stream().map(f -> f.fingerprint().value()).toList());
    }

    @Test
    void aDockerfileFindingCarriesItsLineAndColumnAndALineOnlyFindingNoColumn() {
        JsonNode run = Scenarios.json(Scenarios.render(reporter, FindingScans.hostileLockfiles())).path("runs").path(0);
        JsonNode dockerfile = null;
        JsonNode secret = null;
        for (JsonNode result : run.path("results")) {
            if (result.path("ruleId").asText().equals("DL3007")) {
                dockerfile = result;
            } else if (result.path("ruleId").asText().equals("github-pat")) {
                secret = result;
            }
        }
        assertThat(dockerfile).isNotNull();
        JsonNode region = dockerfile.path("locations").path(0).path("physicalLocation").path("region");
        assertThat(region.path("startLine").asInt()).isEqualTo(12);
        assertThat(region.path("startColumn").asInt()).isEqualTo(6);
        assertThat(secret).isNotNull();
        JsonNode secretRegion = secret.path("locations").path(0).path("physicalLocation").path("region");
        assertThat(secretRegion.path("startLine").asInt()).isEqualTo(7);
        assertThat(secretRegion.has("startColumn")).isFalse();
    }

    @Test
    void resultsNamePackageVersionsAndLocation() {
        JsonNode run = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage())).path("runs").path(0);
        JsonNode first = run.path("results").path(0);

        assertThat(first.path("ruleId").asText()).isEqualTo("CVE-2024-5535");
        assertThat(first.path("level").asText()).isEqualTo("error");
        assertThat(first.path("message").path("text").asText()).contains("libssl3 3.0.15-1~deb12u1")
                .contains("Fixed in 3.0.16-1~deb12u1");
        JsonNode location = first.path("locations").path(0);
        assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("var/lib/dpkg/status");
        assertThat(location.path("properties").path("image").asText()).isEqualTo("debian:12");
        assertThat(location.path("properties").path("layerDigest").asText()).startsWith("sha256:");
        JsonNode secret = run.path("results").path(1);
        assertThat(secret.path("locations").path(0).path("physicalLocation").path("region").path("startLine").asInt())
                .isEqualTo(3);
        assertThat(secret.path("message").path("text").asText()).contains("app/.env line 3")
                .contains("AKIA************MPLE").doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void rulesCarryHelpTagsAndTheSecuritySeverityGitHubRanksBy() {
        JsonNode rules = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage())).path("runs").path(0)
                .path("tool").path("driver").path("rules");

        assertThat(rules).extracting(r -> r.path("id").asText()).containsExactly("CIS-DI-0001", "CIS-DOCKER-4.6",
                "CVE-2023-45853", "CVE-2024-5535", "aws-access-key-id");
        JsonNode openssl = rules.path(3);
        assertThat(openssl.path("shortDescription").path("text").asText())
                .isEqualTo("openssl: SSL_select_next_proto buffer overread");
        assertThat(openssl.path("helpUri").asText()).isEqualTo("https://www.openssl.org/news/secadv/20240627.txt");
        assertThat(openssl.path("help").path("text").asText())
                .contains("upgrade libssl3 3.0.15-1~deb12u1 to 3.0.16-1~deb12u1");
        assertThat(openssl.path("help").path("markdown").asText()).contains("SSL\\_select\\_next\\_proto");
        assertThat(openssl.path("properties").path("tags")).extracting(JsonNode::asText)
                .containsExactly("security", "vulnerability", "deb");
        assertThat(openssl.path("properties").path("security-severity").asText()).isEqualTo("9.5");
        // Debian rates it MEDIUM though NVD scores it 9.8: GitHub must show Plimsoll's severity, the score is kept.
        JsonNode zlib = rules.path(2);
        assertThat(zlib.path("properties").path("security-severity").asText()).isEqualTo("5.5");
        assertThat(zlib.path("properties").path("cvss").path(0).path("score").asDouble()).isEqualTo(9.8);
        assertThat(zlib.path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
    }

    @Test
    void aCvssScoreInTheFindingsBandIsTheSecuritySeverity() {
        JsonNode rules = Scenarios.json(Scenarios.render(reporter, FindingScans.hostileLockfiles())).path("runs")
                .path(0).path("tool").path("driver").path("rules");

        assertThat(rule(rules, "CVE-2021-23337").path("properties").path("security-severity").asText())
                .isEqualTo("7.2");
        // HIGH by GHSA: NVD's 9.1 is another band, GHSA's own 8.1 is the one
        assertThat(rule(rules, "GHSA-evil-0000-0000").path("properties").path("security-severity").asText())
                .isEqualTo("8.1");
        assertThat(rule(rules, "PYSEC-2021-66").path("properties").has("security-severity")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL, error", "HIGH, error", "MEDIUM, warning", "LOW, note", "UNKNOWN, note"})
    void levelsFollowSeverity(Severity severity, String level) {
        assertThat(SarifReporter.level(severity)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"9.0, CRITICAL", "10.0, CRITICAL", "8.9, HIGH", "7.0, HIGH", "6.9, MEDIUM", "4.0, MEDIUM",
            "3.9, LOW", "0.1, LOW", "0.0, UNKNOWN"})
    void cvssBandsAreTheQualitativeRatings(double score, Severity severity) {
        assertThat(SarifRules.band(score)).isEqualTo(severity);
    }

    @Test
    void defaultScoresSitInsideGitHubsBands() {
        for (Severity s : Severity.values()) {
            Optional<String> score = SarifRules.securitySeverity(List.<Finding>of(), s);
            if (s == Severity.UNKNOWN) {
                assertThat(score).isEmpty();
            } else {
                double value = Double.parseDouble(score.orElseThrow());
                assertThat(SarifRules.band(value)).isEqualTo(s);
                assertThat(value).isNotIn(9.0, 7.0, 4.0, 3.9, 6.9, 8.9);
            }
        }
    }

    @Test
    void anIncompleteScanIsAnUnsuccessfulInvocationListingEveryProblem() {
        JsonNode incomplete = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage())).path("runs")
                .path(0).path("invocations").path(0);
        JsonNode complete = Scenarios.json(Scenarios.render(reporter, SampleScans.alpineImage())).path("runs")
                .path(0).path("invocations").path(0);

        assertThat(incomplete.path("executionSuccessful").asBoolean(true)).isFalse();
        assertThat(incomplete.path("toolExecutionNotifications")).extracting(n -> n.path("descriptor").path("id")
                .asText()).containsExactly("MALFORMED_FILE", "LIMIT_EXCEEDED");
        assertThat(incomplete.path("toolExecutionNotifications").path(0).path("locations").path(0)
                .path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("var/lib/dpkg/status.d/broken");
        assertThat(complete.path("executionSuccessful").asBoolean(false)).isTrue();
        assertThat(complete.has("toolExecutionNotifications")).isFalse();
    }

    @Test
    void complianceOutcomesOtherThanFailAreNotAlerts() {
        JsonNode results = Scenarios.json(Scenarios.render(reporter, FindingScans.hostileLockfiles())).path("runs")
                .path(0).path("results");

        assertThat(result(results, "CIS-DOCKER-4.1").path("kind").asText()).isEqualTo("pass");
        assertThat(result(results, "CIS-DOCKER-4.1").path("level").asText()).isEqualTo("none");
        assertThat(result(results, "CIS-DOCKER-4.10").path("kind").asText()).isEqualTo("review");
        assertThat(result(results, "DL3007").has("kind")).isFalse();
        assertThat(result(results, "DL3007").path("locations").path(0).path("physicalLocation").path("region")
                .path("startLine").asInt()).isEqualTo(12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "/app/package-lock.json; app/package-lock.json",
            "./usr/lib/x.so; usr/lib/x.so",
            "debian:12; debian%3A12",
            "app/config dir/secrets ü.env; app/config%20dir/secrets%20%C3%BC.env",
            "app/app.jar!/BOOT-INF/lib/a.jar; app/app.jar!/BOOT-INF/lib/a.jar",
            "a#b?c%d; a%23b%3Fc%25d",
            "/; ."})
    void pathsBecomeRelativeUriReferences(String path, String uri) {
        assertThat(SarifReporter.relativeUri(path)).isEqualTo(uri);
    }

    @Test
    void untrustedTextCannotReachATerminalOrAPage() {
        String sarif = new String(Scenarios.render(reporter, FindingScans.hostileLockfiles()), StandardCharsets.UTF_8);

        assertThat(sarif).doesNotContain("</script>").doesNotContain("<b>").doesNotContain("\\u001B")
                .doesNotContain("\\u0007").doesNotContain("\\u0000").doesNotContain("\u202E");
        JsonNode run = Scenarios.json(sarif.getBytes(StandardCharsets.UTF_8)).path("runs").path(0);
        JsonNode evil = rule(run.path("tool").path("driver").path("rules"), "GHSA-evil-0000-0000");
        assertThat(evil.path("shortDescription").path("text").asText()).contains("</script>").doesNotContain("\n");
        assertThat(evil.path("help").path("markdown").asText()).contains("&lt;/script&gt;")
                .doesNotContain("<script>").contains("a\\|b").contains("@&#8203;here")
                .contains("\\[click\\](javascript:alert(1))").doesNotContain("- [javascript");
        assertThat(evil.path("help").path("text").asText()).doesNotContain("- javascript:")
                .doesNotContain("- advisory.html");
        assertThat(evil.path("helpUri").asText()).isEqualTo("https://github.com/advisories/GHSA-evil-0000-0000?a=(1)");
        // plain-text messages can carry SARIF embedded links, "[text](uri)": none may come from the scan
        List<String> plain = new ArrayList<>();
        run.path("results").forEach(r -> plain.add(r.path("message").path("text").asText()));
        run.path("tool").path("driver").path("rules").forEach(r -> {
            plain.add(r.path("shortDescription").path("text").asText());
            plain.add(r.path("fullDescription").path("text").asText());
            plain.add(r.path("help").path("text").asText());
        });
        run.path("invocations").path(0).path("toolExecutionNotifications")
                .forEach(n -> plain.add(n.path("message").path("text").asText()));
        assertThat(plain).hasSizeGreaterThan(20).allSatisfy(t -> assertThat(t).doesNotContain("]("))
                .anySatisfy(t -> assertThat(t).contains("[click] (javascript:alert(1))"));
        JsonNode pysec = rule(run.path("tool").path("driver").path("rules"), "PYSEC-2021-66");
        assertThat(pysec.path("shortDescription").path("text").asText()).hasSizeLessThanOrEqualTo(1000);
    }

    private static JsonNode rule(JsonNode rules, String id) {
        for (JsonNode r : rules) {
            if (r.path("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no rule " + id);
    }

    private static JsonNode result(JsonNode results, String ruleId) {
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }
}
