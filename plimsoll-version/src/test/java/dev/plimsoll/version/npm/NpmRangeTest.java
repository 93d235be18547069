package dev.plimsoll.version.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * node-semver's range grammar, from the desugaring tables of its documentation (README "Advanced Range Syntax");
 * every row was also checked against node-semver 7.8.6.
 */
class NpmRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        // hyphen ranges
        "1.2.3 - 2.3.4 ; >=1.2.3 <=2.3.4",
        "1.2 - 2.3.4 ; >=1.2.0 <=2.3.4",
        "1.2.3 - 2.3 ; >=1.2.3 <2.4.0-0",
        "1.2.3 - 2 ; >=1.2.3 <3.0.0-0",
        "* - 2 ; <3.0.0-0",
        // x-ranges
        "* ; ''",
        "'' ; ''",
        "1.x ; >=1.0.0 <2.0.0-0",
        "1.2.x ; >=1.2.0 <1.3.0-0",
        "1 ; >=1.0.0 <2.0.0-0",
        "1.2 ; >=1.2.0 <1.3.0-0",
        ">1 ; >=2.0.0",
        ">1.2 ; >=1.3.0",
        "<=1 ; <2.0.0-0",
        "<1.2 ; <1.2.0-0",
        ">=1.x ; >=1.0.0",
        ">* ; <0.0.0-0",
        // tilde
        "~1.2.3 ; >=1.2.3 <1.3.0-0",
        "~1.2 ; >=1.2.0 <1.3.0-0",
        "~1 ; >=1.0.0 <2.0.0-0",
        "~0.2.3 ; >=0.2.3 <0.3.0-0",
        "~1.2.3-beta.2 ; >=1.2.3-beta.2 <1.3.0-0",
        "~> 1.2.3 ; >=1.2.3 <1.3.0-0",
        // caret
        "^1.2.3 ; >=1.2.3 <2.0.0-0",
        "^0.2.3 ; >=0.2.3 <0.3.0-0",
        "^0.0.3 ; >=0.0.3 <0.0.4-0",
        "^1.2.3-beta.2 ; >=1.2.3-beta.2 <2.0.0-0",
        "^0.0.3-beta ; >=0.0.3-beta <0.0.4-0",
        "^1.2.x ; >=1.2.0 <2.0.0-0",
        // ">=0.0.0" is "any version" and drops out of a set with other comparators
        "^0.0.x ; <0.1.0-0",
        "^0.0 ; <0.1.0-0",
        "^1.x ; >=1.0.0 <2.0.0-0",
        "^0.x ; <1.0.0-0",
        // comparators, spacing, prefixes, build metadata, alternatives
        ">= 1.2.3 < 2 ; >=1.2.3 <2.0.0-0",
        "=v1.2.3 ; 1.2.3",
        "1.2.3+build - 2.0.0+x ; >=1.2.3 <=2.0.0",
        "<1.0.0 || >=2.0.0 ; <1.0.0||>=2.0.0",
        "1.2.3 || ; ''",
        ">=0.0.0 ; ''",
        "<0.0.0-0 || 1.2.3 ; 1.2.3",
        "* || 1.2.3-beta ; ''",
        ">=1.2.3 >=1.2.3 ; >=1.2.3",
    })
    void desugarsLikeNodeSemver(String range, String normalized) throws InvalidVersionException {
        assertThat(NpmRange.parse(range, NpmRangeOptions.DEFAULT).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "~1.2 ; >=1.2.0-0 <1.3.0-0",
        "1.2.3 - 2.3.4 ; >=1.2.3-0 <2.3.5-0",
        "^1.2.x ; >=1.2.0-0 <2.0.0-0",
        ">=1.x ; >=1.0.0-0",
        ">=0.0.0 ; >=0.0.0",
        ">=0.0.0-0 ; ''",
    })
    void includePrereleaseStartsLowerBoundsAtTheLowestPrerelease(String range, String normalized)
            throws InvalidVersionException {
        assertThat(NpmRange.parse(range, NpmRangeOptions.INCLUDE_PRERELEASE).normalized()).isEqualTo(normalized);
    }

    /** The pre-release rule: columns are the range, the version, then default and includePrerelease results. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">1.2.3-alpha.3 ; 1.2.3-alpha.7 ; true ; true",
        ">1.2.3-alpha.3 ; 3.4.5-alpha.9 ; false ; true",
        ">1.2.3-alpha.3 ; 3.4.5 ; true ; true",
        "<2.0.0 ; 2.0.0-beta.3 ; false ; true",
        "<2.0.0 ; 1.9.9-beta ; false ; true",
        "^1.2.3-beta.2 ; 1.2.3-beta.4 ; true ; true",
        "^1.2.3-beta.2 ; 1.2.4-beta.2 ; false ; true",
        "* ; 1.2.3-beta ; false ; true",
        "* || 1.2.3-beta ; 1.2.3-beta ; false ; true",
        "1.2.3-beta || >2 ; 1.2.3-beta ; true ; true",
        ">=1.0.0 <1.2.3-rc.1 ; 1.2.3-alpha ; true ; true",
        "1.2.x ; 1.2.5-rc.1 ; false ; true",
        "~1.2 ; 1.2.0-0 ; false ; true",
        "1.2.3 - 2.3.4 ; 2.3.4 ; true ; true",
        "1.2.3 - 2.3.4 ; 2.3.5-0 ; false ; false",
        "1.2.3 - 2.3.4 ; 2.3.4-rc ; false ; true",
        // ">=0.0.0" is "any version" by default, a real bound (excluding 0.0.0 pre-releases) otherwise
        ">=0.0.0 <0.0.0-beta ; 0.0.0-alpha ; true ; false",
    })
    void prereleasesNeedAPrereleaseOfTheSameReleaseUnlessIncluded(String range, String version, boolean byDefault,
            boolean included) throws InvalidVersionException {
        NpmVersion v = NpmVersion.parse(version);
        assertThat(NpmRange.parse(range, NpmRangeOptions.DEFAULT).test(v)).as("default").isEqualTo(byDefault);
        assertThat(NpmRange.parse(range, NpmRangeOptions.INCLUDE_PRERELEASE).test(v)).as("includePrerelease")
            .isEqualTo(included);
    }

    @Test
    void vulnerabilityMatchingCatchesInstalledPrereleasesInsideTheRange() throws InvalidVersionException {
        // Node.js WG NSWG-ECO-495 (electron): vulnerable "<2.0.18 || <3.0.16 || ...", fixed in 2.0.18.
        NpmRange vulnerable = NpmScheme.INSTANCE.constraint("<2.0.18 || <3.0.16 || <3.1.6 || <4.0.8 || "
            + "<5.0.0-beta.5");
        assertThat(vulnerable.options()).isEqualTo(NpmRangeOptions.VULNERABILITY_MATCHING);
        assertThat(vulnerable.contains(NpmScheme.INSTANCE.parse("4.0.0-beta.1"))).isTrue();
        assertThat(vulnerable.contains(NpmScheme.INSTANCE.parse("5.0.0-beta.4"))).isTrue();
        assertThat(vulnerable.contains(NpmScheme.INSTANCE.parse("5.0.0-beta.5"))).isFalse();
        // node's default would miss the first, installed pre-release: no comparator names a 4.0.0 pre-release.
        assertThat(NpmRange.parse(vulnerable.raw(), NpmRangeOptions.DEFAULT)
            .test(NpmVersion.parse("4.0.0-beta.1"))).isFalse();
    }

    @Test
    void looseModeDropsUnreadableComparatorsAndSaysWhich() throws InvalidVersionException {
        NpmRange range = NpmRange.parse(">=1.2.3 foo <2", new NpmRangeOptions(true, false));
        assertThat(range.normalized()).isEqualTo(">=1.2.3 <2.0.0-0");
        assertThat(range.dropped()).containsExactly("foo");
        assertThatThrownBy(() -> NpmRange.parse(">=1.2.3 foo <2", NpmRangeOptions.DEFAULT))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("invalid comparator \"foo\"");
        assertThat(NpmRange.parse(">=01.2.3 <2.0.0beta", new NpmRangeOptions(true, false)).normalized())
            .isEqualTo(">=1.2.3 <2.0.0-beta");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", ">= <1", "> = 1.2.3", "1.*.2", "x.1", "**", "1.2.3.4", "=>1.2.3", "~1.2.3.4",
        ">=9007199254740992", "^9007199254740991.0.0", "1.2 - 3 - 4"})
    void refusesMalformedRanges(String range) {
        assertThatThrownBy(() -> NpmRange.parse(range, NpmRangeOptions.DEFAULT))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("npm range");
    }

    @Test
    void boundsHostileInput() {
        assertThatThrownBy(() -> NpmRange.parse("1 ".repeat(1100), NpmRangeOptions.DEFAULT))
            .hasMessageContaining("longer than 2048");
    }

    @Test
    void refusesVersionsOfOtherSchemes() throws InvalidVersionException {
        NpmRange range = NpmScheme.INSTANCE.constraint("*");
        assertThatThrownBy(() -> range.contains(dev.plimsoll.version.semver.SemverVersion.parse("1.0.0")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
