package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.image.LayerRef;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.inventory.Location;
import dev.plimsoll.core.inventory.Package;
import dev.plimsoll.core.inventory.PackageMetadata;
import dev.plimsoll.core.scan.ScanResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Python, npm and Java packages in every report format: the JSON report's schema knows their metadata. */
class LanguagePackagesReportTest {
    private static final Schema SCHEMA = JsonSchemas.load(JsonReporter.SCHEMA_RESOURCE,
            SpecificationVersion.DRAFT_2020_12);

    static Report report() {
        Target target = new Target(Target.Kind.IMAGE, "app:1");
        LayerRef layer = SampleScans.layer(1, "app", "COPY app /app");
        Package yaml = new Package("PyYAML", "6.0", Ecosystem.PYPI, Optional.empty(), List.of("MIT"),
                List.of(Location.of("/usr/lib/python3/dist-packages/PyYAML-6.0.dist-info/METADATA", layer)),
                Optional.of(layer), AnalyzerId.of("lang/python"), new PackageMetadata.Python("dist-info",
                Optional.of("Kirill Simonov"), Optional.of("https://pyyaml.org/"), Optional.of(">=3.6")));
        Package babel = new Package("@babel/core", "7.24.0", Ecosystem.NPM, Optional.empty(), List.of("MIT"),
                List.of(Location.of("/app/node_modules/@babel/core/package.json", layer)), Optional.of(layer),
                AnalyzerId.of("lang/npm"), new PackageMetadata.Npm("node_modules/@babel/core",
                Optional.of("The Babel Team (https://babel.dev/team)"),
                Optional.of("https://registry.npmjs.org/@babel/core/-/core-7.24.0.tgz"),
                Optional.of("sha512-abc"), true, false));
        Package log4j = new Package("org.apache.logging.log4j:log4j-core", "2.14.1", Ecosystem.MAVEN,
                Optional.empty(), List.of(), List.of(Location.of("/app/app.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar",
                layer)), Optional.of(layer), AnalyzerId.of("lang/jar"), new PackageMetadata.Java(
                "org.apache.logging.log4j", "log4j-core", PackageMetadata.Java.IdentifiedBy.POM_PROPERTIES,
                Optional.of("META-INF/maven/org.apache.logging.log4j/log4j-core/pom.properties"),
                "9141212b8507ab50a45525b545b39d224614528b", Optional.of("The Apache Software Foundation")));
        Inventory inventory = new Inventory(target, Optional.empty(), Optional.empty(), List.of(yaml, babel, log4j),
                List.of());
        return new Report(new ScanResult(target, inventory, List.of(), List.of()), SampleScans.TOOL,
                SampleScans.CREATED);
    }

    @Test
    void jsonReportValidatesAndCarriesTheMetadata() {
        JsonNode json = Scenarios.json(Scenarios.render(new JsonReporter(), report()));

        assertThat(JsonSchemas.errors(SCHEMA, json)).isEmpty();
        assertThat(json.path("packages")).extracting(p -> p.path("purl").asText()).containsExactlyInAnyOrder(
                "pkg:pypi/pyyaml@6.0", "pkg:npm/%40babel/core@7.24.0",
                "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(json.path("packages")).extracting(p -> p.path("metadata").path("format").asText())
                .containsExactlyInAnyOrder("python", "npm", "java");
    }

    @Test
    void everyInventoryFormatWritesThem() {
        // SARIF, JUnit and Markdown report findings, docker-bench compliance controls, and this scan has none.
        Set<String> findingsOnly = Set.of("sarif", "junit", "markdown", "docker-bench");
        for (Reporter reporter : Reporters.standard()) {
            if (findingsOnly.contains(reporter.format())) {
                continue;
            }
            String out = new String(Scenarios.render(reporter, report()), StandardCharsets.UTF_8);
            assertThat(out).as(reporter.format()).contains("log4j-core").contains("PyYAML").contains("core");
        }
        String cdx = new String(Scenarios.render(new CycloneDxReporter(), report()), StandardCharsets.UTF_8);
        assertThat(cdx).contains("plimsoll:npm:dev").contains("plimsoll:java:sha1")
                .contains("The Apache Software Foundation");
    }
}
