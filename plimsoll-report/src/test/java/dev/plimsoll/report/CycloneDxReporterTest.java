package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CycloneDxReporterTest {
    private final CycloneDxReporter reporter = new CycloneDxReporter();

    static Stream<Arguments> scenarios() {
        return Scenarios.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void validatesAgainstTheCycloneDx16Schema(String name, Supplier<Report> scenario) throws IOException {
        byte[] bom = Scenarios.render(reporter, scenario.get());

        List<ParseException> errors = new JsonParser().validate(bom, Version.VERSION_16);

        assertThat(errors).extracting(Throwable::getMessage).isEmpty();
    }

    @Test
    void theValidatorIsNotVacuous() throws IOException {
        ObjectNode bom = (ObjectNode) Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));
        ((ObjectNode) bom.path("components").path(1)).put("type", "package");

        assertThat(new JsonParser().validate(bom, Version.VERSION_16)).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyReferenceResolvesToAUniqueBomRef(String name, Supplier<Report> scenario) {
        JsonNode bom = Scenarios.json(Scenarios.render(reporter, scenario.get()));

        List<String> refs = new ArrayList<>();
        refs.add(bom.path("metadata").path("component").path("bom-ref").asText());
        bom.path("components").forEach(c -> refs.add(c.path("bom-ref").asText()));
        Set<String> known = new HashSet<>(refs);
        assertThat(known).as("bom-refs are unique").hasSameSizeAs(refs);

        List<String> used = new ArrayList<>();
        for (JsonNode d : bom.path("dependencies")) {
            used.add(d.path("ref").asText());
            d.path("dependsOn").forEach(x -> used.add(x.asText()));
        }
        bom.path("compositions").forEach(c -> c.path("assemblies").forEach(a -> used.add(a.asText())));
        bom.path("vulnerabilities").forEach(v -> v.path("affects").forEach(a -> used.add(a.path("ref").asText())));
        assertThat(known).containsAll(used);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theLibraryParsesWhatWeWrite(String name, Supplier<Report> scenario) throws ParseException {
        Report report = scenario.get();
        Bom bom = new JsonParser().parse(Scenarios.render(reporter, report));

        int os = report.scan().inventory().os().isPresent() ? 1 : 0;
        // The library leaves the list null when the BOM has none (an audit inventories no packages).
        assertThat(bom.getComponents() == null ? List.of() : bom.getComponents())
                .hasSize(report.scan().inventory().packages().size() + os);
        assertThat(bom.getMetadata().getComponent().getName()).isEqualTo(report.scan().target().name());
    }

    @Test
    void onlyVulnerabilityFindingsBecomeVulnerabilities() {
        JsonNode bom = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));

        assertThat(bom.path("vulnerabilities")).extracting(v -> v.path("id").asText())
                .containsExactly("CVE-2024-5535", "CVE-2023-45853");
    }

    @Test
    void anIncompleteScanIsMarkedIncomplete() {
        JsonNode incomplete = Scenarios.json(Scenarios.render(reporter, SampleScans.debianImage()));
        JsonNode complete = Scenarios.json(Scenarios.render(reporter, SampleScans.alpineImage()));

        assertThat(incomplete.path("compositions").path(0).path("aggregate").asText()).isEqualTo("incomplete");
        assertThat(complete.has("compositions")).isFalse();
        assertThat(incomplete.path("metadata").path("properties").path(0).path("value").asText()).isEqualTo("false");
    }

    @Test
    void serialNumberIsAStableVersion4UuidThatChangesWithTheReport() {
        Report report = SampleScans.alpineImage();
        String serial = serial(reporter, report);

        assertThat(serial).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(serial(new CycloneDxReporter(), report)).isEqualTo(serial);
        Report later = new Report(report.scan(), report.tool(), Instant.parse("2025-02-01T00:00:00Z"));
        assertThat(serial(reporter, later)).isNotEqualTo(serial);
    }

    @Test
    void usesInjectedDocumentIds() {
        UUID fixed = UUID.fromString("3e671687-395b-41f5-a30f-a58921a69b79");

        String serial = serial(new CycloneDxReporter(r -> fixed), SampleScans.alpineImage());

        assertThat(serial).isEqualTo("urn:uuid:" + fixed);
    }

    @Test
    void licensesUseIdsExpressionsOrNames() {
        assertThat(CycloneDxReporter.licenses(List.of()).isPresent()).isFalse();
        var ids = CycloneDxReporter.licenses(List.of("mit", "Apache-2.0")).orElseThrow();
        assertThat(ids.expression()).isEmpty();
        assertThat(ids.licenses()).extracting(l -> (l.spdxId() ? "id:" : "name:") + l.text())
                .containsExactly("id:MIT", "id:Apache-2.0");
        var expression = CycloneDxReporter.licenses(List.of("MIT OR Apache-2.0", "Zlib")).orElseThrow();
        assertThat(expression.expression()).contains("(MIT OR Apache-2.0) AND Zlib");
        assertThat(expression.licenses()).isEmpty();
        var mixed = CycloneDxReporter.licenses(List.of("MIT OR Apache-2.0", "GPL-2+", "Zlib")).orElseThrow();
        assertThat(mixed.licenses()).extracting(l -> (l.spdxId() ? "id:" : "name:") + l.text())
                .containsExactly("name:MIT OR Apache-2.0", "name:GPL-2+", "id:Zlib");
    }

    private static String serial(CycloneDxReporter reporter, Report report) {
        return Scenarios.json(Scenarios.render(reporter, report)).path("serialNumber").asText();
    }
}
