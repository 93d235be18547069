package dev.plimsoll.version.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import dev.plimsoll.core.inventory.Ecosystem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DpkgVersionTest {

    private static DpkgVersion v(String text) throws InvalidVersionException {
        return DpkgVersion.parse(text);
    }

    /** Each row: a &lt; b, worked out by hand from Debian policy 5.6.12. */
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1.0~rc1        | 1.0
        1.0~~          | 1.0~
        1.0~~a         | 1.0~
        1.0~           | 1.0
        1.0            | 1.0a
        1.0a           | 1.0+
        1.0+           | 1.0.
        1.0            | 1.0.0
        1.0            | 1.0-1
        1.0-1          | 1.0-1+deb11u1
        1.0-1~bpo11+1  | 1.0-1
        1.0-1          | 1.0-1.1
        1.2            | 1.10
        1.9            | 1.09a
        2.0            | 1:0.1
        1:2.0          | 2:1.0
        9:1.0          | 10:1.0
        1.0-9          | 1.0-10
        1.0A           | 1.0a
        1.0Z           | 1.0a
        1.0z           | 1.0+
        1.0-0~         | 1.0
        2.30-21+deb11u1 | 2.30-21+deb11u2
        102.9.0esr-1~deb11u1 | 102.9.0esr-1
        1:102.8.0-1~deb11u1  | 1:102.9.0-1~deb11u1
        18446744073709551615 | 18446744073709551616
        1.99999999999999999999999999999 | 1.100000000000000000000000000000
        a1.0           | b1.0
        1.0            | a1.0
        """)
    void ordersAsDpkg(String lower, String higher) throws InvalidVersionException {
        assertThat(v(lower).compareTo(v(higher))).isNegative();
        assertThat(v(higher).compareTo(v(lower))).isPositive();
        assertThat(v(lower)).isNotEqualTo(v(higher));
    }

    /** Texts that differ but order equal, and so are equal with equal hash codes. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1.0           | 1.00
        1.0           | 0:1.0
        1.0           | 00:1.0
        1.0           | 1.0-0
        1.0-1         | 1.0-01
        1.            | 1.0
        1a            | 1a0
        01.002        | 1.2
        ' 1.0 '       | 1.0
        000000000000000000000000001 | 1
        """)
    void ordersEqual(String a, String b) throws InvalidVersionException {
        assertThat(v(a).compareTo(v(b))).isZero();
        assertThat(v(a)).isEqualTo(v(b)).hasSameHashCodeAs(v(b));
    }

    @Test
    void splitsEpochUpstreamAndRevisionAtTheFirstColonAndLastHyphen() throws InvalidVersionException {
        DpkgVersion version = v("2:1.20.11-rc-1+deb11u6");
        assertThat(version.epoch()).isEqualTo(2);
        assertThat(version.upstream()).isEqualTo("1.20.11-rc");
        assertThat(version.revision()).isEqualTo("1+deb11u6");
        assertThat(version.raw()).isEqualTo("2:1.20.11-rc-1+deb11u6");
        assertThat(version.toString()).isEqualTo("2:1.20.11-rc-1+deb11u6");

        DpkgVersion colons = v("1:2:3");
        assertThat(colons.epoch()).isEqualTo(1);
        assertThat(colons.upstream()).isEqualTo("2:3");
        assertThat(colons.revision()).isEmpty();
    }

    @Test
    void acceptsAnUpstreamVersionThatDoesNotStartWithADigitAndSaysSo() throws InvalidVersionException {
        assertThat(v("a1.0").startsWithDigit()).isFalse();
        assertThat(v("1.0").startsWithDigit()).isTrue();
        assertThat(v("1:~rc1").upstream()).isEqualTo("~rc1");
    }

    @Test
    void acceptsTheLargestEpochDpkgAccepts() throws InvalidVersionException {
        assertThat(v("2147483647:1.0").epoch()).isEqualTo(Integer.MAX_VALUE);
        assertThat(v("0002147483647:1.0").epoch()).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ''                   | version string is empty
        '   '                | version string is empty
        '1.0 1'              | embedded spaces
        ':1.0'               | epoch in version is empty
        'a:1.0'              | epoch in version is not number
        '+1:1.0'             | epoch in version is not number
        '1a:1.0'             | epoch in version is not number
        '2147483648:1.0'     | epoch in version is too big
        '99999999999999999999:1.0' | epoch in version is too big
        '1:'                 | nothing after colon
        '1.0-'               | revision number is empty
        '-1'                 | version number is empty
        '1:-1'               | version number is empty
        '1.0_1'              | invalid character '_' in upstream version
        '1:1.0-1:2'          | invalid character ':' in revision
        '1.0-1:2'            | epoch in version is not number
        '1.0-1-'             | revision number is empty
        '1.0-a_b'            | invalid character '_' in revision
        '1.0é'               | invalid character U+00E9 in upstream version
        '<unfixed>'          | invalid character '<' in upstream version
        """)
    void rejectsWhatDpkgRejectsOrWarnsAboutCharactersOf(String text, String reason) {
        assertThatThrownBy(() -> v(text))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("malformed dpkg version")
            .hasMessageContaining(reason);
    }

    @Test
    void rejectsHostileLengths() {
        assertThatThrownBy(() -> v("1." + "0".repeat(DpkgVersion.MAX_LENGTH)))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than");
    }

    @Test
    void comparesLongDigitRunsWithoutOverflow() throws InvalidVersionException {
        String huge = "9".repeat(500);
        assertThat(v("1." + huge).compareTo(v("1.1" + "0".repeat(500)))).isNegative();
        assertThat(v("1." + huge).compareTo(v("1." + "0".repeat(30) + huge))).isZero();
    }

    @Test
    void refusesToOrderAgainstAnotherScheme() throws InvalidVersionException {
        Version other = new Version() {
            @Override
            public String raw() {
                return "1.0";
            }

            @Override
            public VersionScheme scheme() {
                return otherScheme();
            }

            @Override
            public int compareTo(Version o) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> v("1.0").compareTo(other))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
    }

    private static VersionScheme otherScheme() {
        return new VersionScheme() {
            @Override
            public String id() {
                return "other";
            }

            @Override
            public Version parse(String raw) {
                throw new UnsupportedOperationException();
            }

            @Override
            public dev.plimsoll.version.VersionConstraint constraint(String expression) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void isTheSchemeOfDebianPackages() throws InvalidVersionException {
        VersionScheme scheme = Schemes.of(Ecosystem.DEB).orElseThrow();
        assertThat(scheme).isSameAs(DpkgScheme.INSTANCE);
        assertThat(scheme.id()).isEqualTo("dpkg");
        assertThat(scheme.parse("1:2.0-1")).isEqualTo(v("1:2.0-1")).extracting(Version::scheme).isSameAs(scheme);
    }
}
