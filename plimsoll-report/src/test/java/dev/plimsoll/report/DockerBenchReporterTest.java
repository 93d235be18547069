package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The docker-bench format parses as docker-bench-security 1.6.0's JSON log (functions/output_lib.sh). */
class DockerBenchReporterTest {
    private static final Set<String> RESULT_FIELDS = Set.of("id", "desc", "result", "details", "items", "remediation",
            "remediation-impact");

    private static JsonNode log() {
        return Scenarios.json(Scenarios.render(new DockerBenchReporter(), ComplianceScans.containerAudit()));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void hasDockerBenchsTopLevelShape() {
        JsonNode log = log();
        assertThat(names(log)).containsExactly("dockerbenchsecurity", "start", "tests", "checks", "score", "end");
        assertThat(log.path("dockerbenchsecurity").asText()).isEqualTo("1.6.0");
        assertThat(log.path("start").isIntegralNumber()).isTrue();
        assertThat(log.path("start").asLong()).isEqualTo(SampleScans.CREATED.getEpochSecond());
        assertThat(log.path("end").asLong()).isEqualTo(SampleScans.CREATED.getEpochSecond());
        assertThat(log.path("checks").isIntegralNumber()).isTrue();
        assertThat(log.path("score").isIntegralNumber()).isTrue();
    }

    @Test
    void sectionsAndResultsAreShapedAndOrderedAsDockerBenchWritesThem() {
        JsonNode tests = log().path("tests");
        assertThat(tests.isArray()).isTrue();
        assertThat(tests).extracting(t -> t.path("id").asText()).containsExactly("4", "5");
        assertThat(tests.get(1).path("desc").asText()).isEqualTo("Container Runtime");
        int count = 0;
        for (JsonNode section : tests) {
            assertThat(names(section)).containsExactly("id", "desc", "results");
            for (JsonNode r : section.path("results")) {
                count++;
                assertThat(RESULT_FIELDS).containsAll(names(r));
                assertThat(r.path("id").asText()).startsWith(section.path("id").asText() + ".");
                assertThat(r.path("desc").asText()).matches(".+ \\((Automated|Manual)\\)");
                assertThat(r.path("result").asText()).isIn("PASS", "WARN", "INFO", "NOTE");
                if (!r.path("result").asText().equals("PASS")) {
                    assertThat(r.path("items").isArray()).isTrue();
                    assertThat(r.path("details").isTextual()).isTrue();
                    assertThat(r.path("remediation").isTextual()).isTrue();
                } else {
                    assertThat(r.has("items")).isFalse();
                }
            }
        }
        assertThat(count).isEqualTo(log().path("checks").asInt()).isEqualTo(32);
        List<String> ids = new ArrayList<>();
        tests.get(1).path("results").forEach(r -> ids.add(r.path("id").asText()));
        assertThat(ids.subList(0, 11)).containsExactly("5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8",
                "5.9", "5.10", "5.11");
    }

    @Test
    void aCheckFailedByOneContainerIsOneWarnListingIt() {
        JsonNode privileged = result("5.4");
        assertThat(privileged.path("result").asText()).isEqualTo("WARN");
        assertThat(privileged.path("items")).extracting(JsonNode::asText).containsExactly("agent (compose.yaml)");
        assertThat(privileged.path("details").asText()).contains("agent (compose.yaml): runs privileged")
                .contains("services.agent.privileged = true");
        assertThat(result("5.6").path("result").asText()).isEqualTo("NOTE");
        assertThat(result("5.8").path("result").asText()).isEqualTo("INFO");
        assertThat(result("5.8").path("desc").asText()).endsWith("(Manual)");
        assertThat(result("5.30").path("result").asText()).isEqualTo("PASS");
    }

    @Test
    void theScoreCountsScoredChecksOnce() {
        JsonNode log = log();
        int expected = 0;
        for (JsonNode section : log.path("tests")) {
            for (JsonNode r : section.path("results")) {
                if (r.path("desc").asText().endsWith("(Automated)")) {
                    expected += switch (r.path("result").asText()) {
                        case "PASS" -> 1;
                        case "WARN" -> -1;
                        default -> 0;
                    };
                }
            }
        }
        assertThat(log.path("score").asInt()).isEqualTo(expected).isNegative();
    }

    @Test
    void aReportWithoutComplianceFindingsHasNoTests() {
        JsonNode log = Scenarios.json(Scenarios.render(new DockerBenchReporter(), SampleScans.alpineImage()));
        assertThat(log.path("tests")).isEmpty();
        assertThat(log.path("checks").asInt()).isZero();
        assertThat(Map.of("score", log.path("score").asInt())).containsEntry("score", 0);
    }

    private static JsonNode result(String id) {
        for (JsonNode section : log().path("tests")) {
            for (JsonNode r : section.path("results")) {
                if (r.path("id").asText().equals(id)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no result " + id);
    }
}
