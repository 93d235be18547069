package dev.plimsoll.vulndb.build.nodejs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patched ranges as the WG wrote them (npm/*.json in ../shared/vulndata). */
class NpmRangesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        ">=1.5.2                                                      # 1.5.2",
        ">= 1.7.0-alpha3                                              # 1.7.0-alpha3",
        ">=v2.0.0-alpha8                                              # 2.0.0-alpha8",
        ">=2.0.0-rc8                                                  # 2.0.0-rc8",
        ">=3.0.0-beta.7 || >=2.0.8 <3.0.0-beta.1 || >=1.8.8 <2.0.0    # 3.0.0-beta.7 2.0.8 1.8.8",
        "^2.0.18 || ^3.0.16 || ^5.0.0-beta.5                          # 2.0.18 3.0.16 5.0.0-beta.5",
        "~1.2.0 || >=1.3.1                                            # 1.2.0 1.3.1",
        "=3.0.0 || >=3.1.0                                            # 3.0.0 3.1.0",
        "<=3.7.1 || >= 3.7.3                                          # 3.7.3",
        "<0.0.0                                                       # ''",
        "<=0.0.0                                                      # ''",
        "> 0.9.6                                                      # >0.9.6",
        ">= 2.2.x                                                     # >=2.2.x",
    })
    void fixVersionsAreTheInclusiveLowerBounds(String patched, String expected) {
        assertThat(String.join(" ", NpmRanges.fixVersions(patched))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "<= 1.7.0-alpha2                 # <=1.7.0-alpha2",
        "< V  || >= 3.0.0 <3.1.0         # <V;>=3.0.0 <3.1.0",
        "' ^8.1.4 ||  ^7.10.1'           # ^8.1.4;^7.10.1",
    })
    void alternativesJoinOperatorsToTheirVersions(String range, String expected) {
        assertThat(String.join(";", NpmRanges.alternatives(range))).isEqualTo(expected);
    }
}
