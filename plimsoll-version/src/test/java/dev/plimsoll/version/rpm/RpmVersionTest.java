package dev.plimsoll.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.VersionScheme;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RpmVersionTest {

    private static RpmVersion v(String text) throws InvalidVersionException {
        return RpmVersion.parse(text);
    }

    /** Each row: a &lt; b, worked out by hand from rpmvercmp's rules (and confirmed with rpm 4.18). */
    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1.0~rc1          | 1.0
        1.0~rc1          | 1.0~rc2
        1.0~~            | 1.0~
        1.0~             | 1.0
        1.0              | 1.0^git1
        1.0^             | 1.0.1
        1.0^git1         | 1.0.0
        1.0^git1         | 1.0.1
        1.0~rc1^git1     | 1.0~rc1.1
        1.0a             | 1.0.1
        1.0              | 1.0a
        1.0A             | 1.0a
        2.0              | 10.0
        1.9              | 1.10
        1:1.0            | 2:0.1
        2.0              | 1:1.0
        1.0              | 1.0-1
        1.0-1            | 1.0-1.el8
        1.0-1.el8        | 1.0-1.el8_4
        5.3.28-1.el7     | 5.3.28-24.el7
        1.0-1.el8        | 1.0-1.fc35
        2.12-1.212.el9   | 2.12-1.212.el9_1
        18446744073709551615 | 18446744073709551616
        a                | 1
        """)
    void ordersAsRpm(String lower, String higher) throws InvalidVersionException {
        assertThat(v(lower).compareTo(v(higher))).isNegative();
        assertThat(v(higher).compareTo(v(lower))).isPositive();
        assertThat(v(lower)).isNotEqualTo(v(higher));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
        1.0        | 1_0
        1.0        | 1..0
        1.0        | 1.0.
        1.010      | 1.10
        1.0-1      | 0:1.0-1
        0:1.0      | 00:1.0
        1.0~rc1    | 1.0.~rc1
        1a         | 1.a
        1.0-1.el8  | 1.0-1_el8
        """)
    void ordersEqual(String a, String b) throws InvalidVersionException {
        assertThat(v(a).compareTo(v(b))).isZero();
        assertThat(v(a)).isEqualTo(v(b)).hasSameHashCodeAs(v(b));
    }

    @Test
    void splitsLikeRpmverParse() throws InvalidVersionException {
        RpmVersion full = v("3:1.2.3-4.el9");
        assertThat(full.epoch()).hasValue(3);
        assertThat(full.version()).isEqualTo("1.2.3");
        assertThat(full.release()).hasValue("4.el9");

        RpmVersion bare = v("2023c");
        assertThat(bare.epoch()).isEmpty();
        assertThat(bare.epochOrZero()).isZero();
        assertThat(bare.release()).isEmpty();

        // The release starts after the last hyphen, so the version keeps the others.
        RpmVersion hyphens = v("1.0-2-3");
        assertThat(hyphens.version()).isEqualTo("1.0-2");
        assertThat(hyphens.release()).hasValue("3");
    }

    @Test
    void tellsAMissingEpochFromAnExplicitZeroButOrdersThemAlike() throws InvalidVersionException {
        assertThat(v("0:1.0-1").epoch()).hasValue(0);
        assertThat(v("1.0-1").epoch()).isEmpty();
        assertThat(v("0:1.0-1")).isEqualTo(v("1.0-1"));
    }

    @Test
    void buildsFromHeaderFieldsAsPlimsollPrintsThem() throws InvalidVersionException {
        RpmVersion withEpoch = RpmVersion.of(OptionalLong.of(1), "2.4.6", Optional.of("1.el8"));
        assertThat(withEpoch.raw()).isEqualTo("1:2.4.6-1.el8");
        RpmVersion withoutEpoch = RpmVersion.of(OptionalLong.empty(), "2.4.6", Optional.of("1.el8"));
        assertThat(withoutEpoch.raw()).isEqualTo("2.4.6-1.el8");
        assertThat(RpmVersion.parse(withEpoch.raw())).isEqualTo(withEpoch);
        assertThat(RpmVersion.of(OptionalLong.empty(), "1.0", Optional.empty()).raw()).isEqualTo("1.0");
        assertThatThrownBy(() -> RpmVersion.of(OptionalLong.empty(), "1-0", Optional.of("1")))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("cannot hold");
        assertThatThrownBy(() -> RpmVersion.of(OptionalLong.of(-1), "1.0", Optional.of("1")))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("epoch outside");
    }

    @Test
    void acceptsTheLargestEpochRpmStores() throws InvalidVersionException {
        assertThat(v("4294967295:1.0").epoch()).hasValue(4294967295L);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        ''                | empty
        ':1.0'            | empty epoch
        '1:'              | empty version
        '1:-1'            | empty version
        '-1'              | empty version
        '1.0-'            | empty release
        '4294967296:1.0'  | epoch larger than
        '1.0 1'           | invalid character U+0020 in version
        '1.0-1 '          | invalid character U+0020 in release
        '1.0-1:2'         | invalid character ':' in release
        'a:1.0'           | invalid character ':' in version
        '1.0-a-b/c'       | invalid character '/' in release
        '1.0é'            | invalid character U+00E9 in version
        """)
    void rejects(String text, String reason) {
        assertThatThrownBy(() -> v(text))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("malformed rpm version")
            .hasMessageContaining(reason);
    }

    @Test
    void comparesLongDigitRunsWithoutOverflow() throws InvalidVersionException {
        String huge = "9".repeat(500);
        assertThat(v("1." + huge).compareTo(v("1.1" + "0".repeat(500)))).isNegative();
        assertThat(v("1." + huge)).isEqualTo(v("1." + "0".repeat(30) + huge));
        assertThatThrownBy(() -> v("1." + "0".repeat(RpmVersion.MAX_LENGTH)))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than");
    }

    @Test
    void refusesToOrderAgainstAnotherScheme() throws InvalidVersionException {
        assertThatThrownBy(() -> v("1.0").compareTo(dev.plimsoll.version.dpkg.DpkgVersion.parse("1.0")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dpkg");
    }

    @Test
    void isTheSchemeOfRpmPackages() throws InvalidVersionException {
        VersionScheme scheme = Schemes.of(Ecosystem.RPM).orElseThrow();
        assertThat(scheme).isSameAs(RpmScheme.INSTANCE);
        assertThat(scheme.id()).isEqualTo("rpm");
        assertThat(scheme.parse("1:2.0-1").scheme()).isSameAs(scheme);
    }
}
