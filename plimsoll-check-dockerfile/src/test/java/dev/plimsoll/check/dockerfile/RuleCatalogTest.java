package dev.plimsoll.check.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    private final RuleCatalog catalog = RuleCatalog.standard();

    @Test
    void everyCatalogueEntryHasCasesAndCompleteMetadata() {
        assertThat(catalog.all()).hasSizeGreaterThan(90);
        for (RuleMeta meta : catalog.all()) {
            assertThat(RuleCases.file(meta.id().value())).as("cases for " + meta.id().value()).isPresent();
            assertThat(meta.title()).as(meta.id().value()).isNotBlank();
            assertThat(meta.helpUri().isAbsolute()).as(meta.id().value() + " help " + meta.helpUri()).isTrue();
        }
    }

    @Test
    void registeredRulesHaveUniqueIdsInTheCatalogue() {
        Set<String> seen = new HashSet<>();
        for (DockerfileRule rule : DockerfileRules.standard()) {
            assertThat(seen.add(rule.id())).as("registered twice: " + rule.id()).isTrue();
            assertThat(catalog.find(rule.id())).as(rule.id()).isPresent();
        }
    }

    @Test
    void hadolintLevelsMapAsDocumented() {
        assertThat(catalog.get("DL3008").level()).isEqualTo(HadolintLevel.WARNING);
        assertThat(catalog.get("DL3008").severity()).isEqualTo(dev.plimsoll.core.finding.Severity.MEDIUM);
        assertThat(catalog.get("DL1001").enabledByDefault()).isFalse();
        assertThat(catalog.get("PLM-DF-015").helpUri().toString())
                .isEqualTo("https://plimsoll.dev/docs/rules/dockerfile/PLM-DF-015");
        assertThat(List.of(catalog.get("DL4000").level())).containsExactly(HadolintLevel.ERROR);
    }

    @Test
    void theCompiledCatalogueIsTheYamlCatalogue() throws java.io.IOException {
        String compiled = RuleCatalog.fromYamlSources().toTsv();
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
                .resolve("src/main/resources/dev/plimsoll/check/dockerfile/" + RuleCatalog.COMPILED);
        if (Boolean.getBoolean("plimsoll.updateCatalogue")) {
            java.nio.file.Files.writeString(file, compiled);
        }
        assertThat(java.nio.file.Files.readString(file))
                .as("rules/catalogue.tsv is compiled from the YAML: run with -Dplimsoll.updateCatalogue=true")
                .isEqualTo(compiled);
        assertThat(catalog.all()).containsExactlyElementsOf(RuleCatalog.fromYamlSources().all());
    }
}
