package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.error.UsageException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportersTest {

    @Test
    void formatNamesAndAliasesAreUniqueAndLowerCase() {
        List<String> names = new ArrayList<>();
        for (Reporter r : Reporters.standard()) {
            names.add(r.format());
            names.addAll(r.aliases());
        }

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.equals(n.toLowerCase(java.util.Locale.ROOT)));
        assertThat(Reporters.standard()).extracting(Reporter::format)
                .containsExactly("table", "json", "cyclonedx", "spdx-json", "sarif", "junit", "markdown", "html",
                        "docker-bench");
    }

    @ParameterizedTest
    @CsvSource({"table, table", "json, json", "cyclonedx, cyclonedx", "cdx, cyclonedx", "CycloneDX-JSON, cyclonedx",
            "spdx-json, spdx-json", "SPDX, spdx-json", "' json ', json", "SARIF, sarif", "junit, junit",
            "markdown, markdown", "md, markdown", "docker-bench, docker-bench", "DockerBench, docker-bench"})
    void findsFormatsByNameOrAliasIgnoringCase(String asked, String format) {
        assertThat(Reporters.byName(asked).format()).isEqualTo(format);
    }

    @Test
    void anUnknownFormatListsTheKnownOnes() {
        assertThatThrownBy(() -> Reporters.byName("xml"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown report format 'xml'; choose one of: table, json, cyclonedx (cdx, cyclonedx-json), "
                        + "spdx-json (spdx), sarif, junit, markdown (md), html, docker-bench (docker-bench-security, "
                        + "dockerbench)");
    }
}
