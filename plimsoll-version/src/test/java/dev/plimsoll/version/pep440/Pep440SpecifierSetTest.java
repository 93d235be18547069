package dev.plimsoll.version.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.gem.GemVersion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440SpecifierSetTest {

    private static boolean contains(String specifiers, String version) throws InvalidVersionException {
        return Pep440SpecifierSet.parse(specifiers).contains(Pep440Version.parse(version));
    }

    private static boolean containsByDefault(String specifiers, String version) throws InvalidVersionException {
        return Pep440SpecifierSet.parse(specifiers).contains(Pep440Version.parse(version),
            PrereleasePolicy.UNLESS_NAMED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Compatible release: ~=2.2 is >=2.2, ==2.*; a suffix takes no part in the prefix.
        "~=2.2|2.2|true", "~=2.2|2.9.9|true", "~=2.2|3.0|false", "~=2.2|2.1|false",
        "~=1.4.5|1.4.99|true", "~=1.4.5|1.5|false",
        "~=2.2.post3|2.3|true", "~=2.2.post3|2.2|false", "~=2.2.post3|3|false",
        "~=1.4.5a4|1.4.5|true", "~=1.4.5a4|1.4.5a3|false", "~=1.4.5a4|1.5|false",
        // PEP 440 ignores the suffix whatever its spelling (packaging 23.0 does not; see Pep440ReferenceTest).
        "~=1.4.5.pre1|1.4.9|true", "~=1.4.5.RC1|1.4.9|true", "~=1.4.5.r1|1.4.9|true", "~=1.4.5.pre1|1.5|false",
        "~=1!2.0.3|1!2.0.9|true", "~=1!2.0.3|2.0.9|false",
        // Prefix matching pads with zeros and ignores pre, post and dev parts; the epoch must match.
        "==1.1.*|1.1|true", "==1.1.*|1.1.0.0|true", "==1.1.*|1.1.post1|true", "==1.1.*|1.1a1|true",
        "==1.1.*|1.1.dev1|true", "==1.1.*|1.10|false", "==1.1.*|1.2|false", "==1.1.*|1.1+local|true",
        "==1.0.0.*|1|true", "==1!1.0.*|1!1.0.0|true", "==1!1.0.*|1!1|true", "==1!1.0.*|1.0|false",
        "==0.*|1!0.5|false", "!=1.1.*|1.1.5|false", "!=1.1.*|1.2|true",
        // Exact matching: a specifier without a local label matches every local build.
        "==1.0|1.0+local|true", "==1.0|1.0.0|true", "==1.0+local|1.0|false", "==1.0+LOCAL|1.0+local|true",
        "==1.0+local|1.0+local.1|false", "!=1.0|1.0+anything|false",
        // Exclusive comparisons keep out pre-releases, post releases and local builds of the bound itself.
        "<1.0|1.0rc1|false", "<1.0|1.0.dev1|false", "<1.0|0.9rc1|true", "<1.0rc2|1.0rc1|true", "<1.0|0.9|true",
        ">1.0|1.0.post1|false", ">1.0|1.0+local|false", ">1.0|1.0.1|true", ">1.0|1.1+local|true",
        ">1.0.post1|1.0.post2|true", ">1.0a1|1.0a2|true", ">1.0|1.0|false",
        "<=1.0|1.0+local|true", ">=1.0|1.0+local|true", "<=1.0|1.0.post1|false", ">=1!0|2.0|false",
        // Arbitrary equality compares the normalised text, case-insensitively.
        "===1.0|1.0|true", "===1.0|v1.0|true", "===1.0|1.0.0|false", "===1.0RC1|1.0rc1|true", "===foobar|1.0|false",
        // Sets: every specifier must hold; empty parts are skipped.
        ">=1.0, <2.0|1.5|true", ">=1.0, <2.0|2.0|false", ">=1.0,!=1.5.*,<2|1.5.1|false", ", ,>=1|1|true",
        "|0.1.dev1|true",
    })
    void containsWithPrereleasesIncluded(String specifiers, String version, boolean expected) throws Exception {
        assertThat(contains(specifiers == null ? "" : specifiers, version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        ">=1.0|2.0a1|false", ">=1.0|2.0|true", ">=1.0a1|2.0a1|true", "==2.0a1|2.0a1|true", "<=2.0b1|1.0.dev1|true",
        "~=1.0rc1|1.0rc2|true", "!=1.0a1|2.0a1|false", "<3.0a1|2.0a1|false", "|1.0a1|false", "|1.0|true",
        "==1.*|1.5a1|false", ">=1.0,<2.0a5|1.5a1|false", ">=1.0,<=2.0a5|1.5a1|true", "===1.0a1|1.0a1|true",
    })
    void defaultPolicyAdmitsPrereleasesOnlyWhenNamed(String specifiers, String version, boolean expected)
            throws Exception {
        assertThat(containsByDefault(specifiers == null ? "" : specifiers, version)).isEqualTo(expected);
    }

    @Test
    void arbitraryTextMakesTheDefaultPolicyUndecidedForPrereleases() throws Exception {
        Pep440SpecifierSet set = Pep440SpecifierSet.parse("===foobar");
        assertThat(set.contains(Pep440Version.parse("1.0"), PrereleasePolicy.UNLESS_NAMED)).isFalse();
        assertThatThrownBy(() -> set.contains(Pep440Version.parse("1.0a1"), PrereleasePolicy.UNLESS_NAMED))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("===foobar");
        // A specifier that names a pre-release settles it whatever the order.
        assertThat(containsByDefault("===foobar, >=1.0a1", "1.0a1")).isFalse();
        assertThat(Pep440SpecifierSet.parse("===foobar, >=1.0a1").namesPrerelease()).isTrue();
    }

    @Test
    void keepsItsSpecifiers() throws Exception {
        Pep440SpecifierSet set = Pep440SpecifierSet.parse(" >= 1.0 ,!=1.3.*,\u3000<2 ");
        assertThat(set.raw()).isEqualTo(" >= 1.0 ,!=1.3.*,\u3000<2 ");
        assertThat(set.specifiers()).hasToString("[>=1.0, !=1.3.*, <2]");
        assertThat(set.specifiers().get(1).wildcard()).isTrue();
        assertThat(set.specifiers().get(1).version().orElseThrow().normalized()).isEqualTo("1.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "=1.0", "=>1.0", ">=1.0.*", "~=1", "~=1.*", "<1.0+local", "==1.0a1.*",
        "==1.0.*.*", "~=1.0+abc", "=== a b", "===a;b", ">= 1.0 2", ">=1.0, foo", "== 1 .0", ">=2013-01-21"})
    void rejectsMalformedSpecifiersNamingThem(String specifiers) {
        assertThatThrownBy(() -> Pep440SpecifierSet.parse(specifiers))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("\"" + specifiers + "\"");
    }

    @Test
    @Timeout(10)
    void hostileTextIsRejectedWithoutRunawayBacktracking() {
        List<String> hostile = List.of("1" + ".1".repeat(500) + "x", "1+" + "a.".repeat(500) + "!",
            "1.0" + "a".repeat(1000), "v".repeat(1000), " ".repeat(1000) + "x", "1" + "-1".repeat(500),
            "1" + "_dev".repeat(250) + "!", "0" + "0".repeat(1000) + "x");
        for (String text : hostile) {
            assertThatThrownBy(() -> Pep440Version.parse(text)).isInstanceOf(InvalidVersionException.class);
            assertThatThrownBy(() -> Pep440SpecifierSet.parse("==" + text)).isInstanceOf(InvalidVersionException.class);
            assertThatThrownBy(() -> Pep440SpecifierSet.parse("~=" + text + ",>=" + text))
                .isInstanceOf(InvalidVersionException.class);
        }
        assertThatThrownBy(() -> Pep440SpecifierSet.parse(">=1,".repeat(2000)))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than");
    }

    @Test
    void refusesVersionsOfAnotherScheme() throws Exception {
        Pep440SpecifierSet set = Pep440SpecifierSet.parse(">=1");
        GemVersion gem = GemVersion.parse("1.0");
        assertThatThrownBy(() -> set.contains(gem)).isInstanceOf(IllegalArgumentException.class);
    }
}
