package dev.plimsoll.version.npm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** node-semver's reading of versions, loose (npm's, for installed packages) and strict. */
class NpmVersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.2.3 ; 1.2.3",
        "v1.2.3 ; 1.2.3",
        "=1.2.3 ; 1.2.3",
        "=v1.2.3 ; 1.2.3",
        "v=1.2.3 ; 1.2.3",
        "'  =v1.2.3   ' ; 1.2.3",
        "v 1.2.3 ; 1.2.3",
        "01.02.03 ; 1.2.3",
        "1.2.3beta ; 1.2.3-beta",
        "1.2.3-beta.01 ; 1.2.3-beta.1",
        "1.2.3-007 ; 1.2.3-7",
        "1.2.3-09007199254740993 ; 1.2.3-09007199254740993",
        "1.2.3- ; 1.2.3--",
        "1.2.3+build.1 ; 1.2.3",
        "9007199254740991.0.0 ; 9007199254740991.0.0",
    })
    void readsLoosely(String text, String normalized) throws InvalidVersionException {
        assertThat(NpmVersion.parse(text).normalized()).isEqualTo(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.2.3", "=1.2.3", "1.2.3beta", "1.2.3-01", "vv1.2.3", "v 1.2.3", "1.2.3-"})
    void strictModeRefusesTheLeniencies(String text) {
        assertThatThrownBy(() -> NpmVersion.parseStrict(text)).isInstanceOf(InvalidVersionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {" v1.2.3 ", "\u00a01.2.3\ufeff", "1.2.3-rc.1+b"})
    void strictModeStillTrimsAndTakesOneV(String text) throws InvalidVersionException {
        assertThat(NpmVersion.parseStrict(text)).isEqualTo(NpmVersion.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2", "1.2.3.4", "9007199254740992.0.0", "1.99999999999999999999.0", "V1.2.3",
        "1.2.3-a..b", "1.2.3\u001c", "x.1.2"})
    void refuses(String text) {
        assertThatThrownBy(() -> NpmVersion.parse(text)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("npm version");
    }

    @Test
    void refusesOverlongVersionsLikeNodeSemver() {
        assertThatThrownBy(() -> NpmVersion.parse("1.2.3-" + "a".repeat(251)))
            .hasMessageContaining("longer than 256");
    }

    @ParameterizedTest
    @CsvSource({
        "1.2.3-alpha, 1.2.3-alpha.1, -1",
        "1.2.3-alpha.1, 1.2.3-alpha.beta, -1",
        "1.2.3-beta.2, 1.2.3-beta.11, -1",
        "1.2.3-rc.1, 1.2.3, -1",
        "v1.2.3+a, =1.2.3+b, 0",
        "1.2.3-01, 1.2.3-1, 0",
        "1.2.3-9007199254740991, 1.2.3-9007199254740992, -1",
        // node-semver says 0 here (both become the same double); precedence says the larger number is larger.
        "1.2.3-9007199254740993, 1.2.3-9007199254740992, 1",
        "1.2.3-99999999999999999999, 1.2.3-99999999999999999998, 1",
    })
    void orders(String left, String right, int expected) throws InvalidVersionException {
        assertThat(NpmVersion.parse(left).compareTo(NpmVersion.parse(right))).isEqualTo(expected);
        assertThat(NpmVersion.parse(right).compareTo(NpmVersion.parse(left))).isEqualTo(-expected);
    }

    @Test
    void keepsBuildMetadataOutOfTheOrderButReportsIt() throws InvalidVersionException {
        NpmVersion v = NpmVersion.parse("v1.2.3-rc.1+sha.5114f85");
        assertThat(v.build()).containsExactly("sha", "5114f85");
        assertThat(v.raw()).isEqualTo("v1.2.3-rc.1+sha.5114f85");
        assertThat(v).hasToString("1.2.3-rc.1");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.scheme()).isSameAs(NpmScheme.INSTANCE);
        assertThat(v.hashCode()).isEqualTo(NpmVersion.parse("1.2.3-rc.1").hashCode());
    }
}
