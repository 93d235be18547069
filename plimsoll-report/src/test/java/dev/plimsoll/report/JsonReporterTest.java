package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReporterTest {
    private static final Schema SCHEMA = JsonSchemas.load(JsonReporter.SCHEMA_RESOURCE,
            SpecificationVersion.DRAFT_2020_12);

    private final JsonReporter reporter = new JsonReporter();

    static Stream<Arguments> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validatesAgainstItsPublishedSchema(String name, Supplier<Report> scenario) {
        JsonNode report = Scenarios.json(Scenarios.render(reporter, scenario.get()));

        assertThat(JsonSchemas.errors(SCHEMA, report)).isEmpty();
    }

    @Test
    void theSchemaRejectsFieldsItDoesNotDescribe() {
        ObjectNode report = (ObjectNode) Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));
        ((ObjectNode) report.path("findings").path(0)).put("rawSecret", "x");
        ((ObjectNode) report.path("packages").path(0).path("metadata")).put("unknown", 1);

        assertThat(JsonSchemas.errors(SCHEMA, report)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void secretsAppearOnlyMaskedAndHashed() {
        String json = new String(Scenarios.render(reporter, SampleScans.debianImage()), StandardCharsets.UTF_8);

        assertThat(json).contains("AKIA************MPLE").doesNotContain("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void findingsAreSortedBySeverityThenId() {
        JsonNode report = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));

        assertThat(report.path("findings")).extracting(f -> f.path("severity").asText() + " " + f.path("id").asText())
                .containsExactly("CRITICAL CVE-2024-5535", "CRITICAL aws-access-key-id", "HIGH CIS-DI-0001",
                        "MEDIUM CVE-2023-45853", "LOW CIS-DOCKER-4.6");
    }

    @Test
    void completenessCoversInventoryAndScanProblems() {
        JsonNode report = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));

        assertThat(report.path("complete").asBoolean(true)).isFalse();
        assertThat(report.path("problems")).extracting(p -> p.path("component").asText())
                .containsExactly("os/dpkg", "fs");
    }
}
