package dev.plimsoll.version.cargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.semver.SemverVersion;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** crates.io versions: the semver crate's grammar, SemVer precedence. */
class CargoVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.2.3", "0.0.0-0", "3.0.0-0.gat.0", "0.6.0-rc1", "1.0.0-alpha.1+build.007",
        "18446744073709551615.18446744073709551615.18446744073709551615", "1.2.3+01"})
    void accepts(String text) throws InvalidVersionException {
        assertThat(CargoVersion.parse(text).raw()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.2.3", " 1.2.3", "1.2.3 ", "=1.2.3", "1.2", "01.2.3", "1.2.3-01", "1.2.3-",
        "1.2.3+", "18446744073709551616.0.0", "1.18446744073709551616.0", "1.2.3.4", "1.2.3-a..b", "^1.2.3"})
    void refuses(String text) {
        assertThatThrownBy(() -> CargoVersion.parse(text)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("Cargo version");
    }

    @ParameterizedTest
    @CsvSource({
        "0.0.0-0, 0.0.0, -1",
        "0.0.0-0, 0.0.0-alpha, -1",
        "3.0.0-0.gat.0, 3.0.0-0, 1",
        "0.6.0-rc1, 0.6.0-rc.1, 1",
        "2.0.0-2, 2.0.0-10, -1",
        "1.0.0+a, 1.0.0+b, 0",
        "18446744073709551615.0.0, 18446744073709551614.0.0, 1",
    })
    void ordersByPrecedence(String left, String right, int expected) throws InvalidVersionException {
        assertThat(CargoVersion.parse(left).compareTo(CargoVersion.parse(right))).isEqualTo(expected);
        assertThat(CargoVersion.parse(left).equals(CargoVersion.parse(right))).isEqualTo(expected == 0);
    }

    @Test
    void keepsItsParts() throws InvalidVersionException {
        CargoVersion v = CargoVersion.parse("1.2.3-alpha.1+build");
        assertThat(v.major()).isEqualTo(BigInteger.ONE);
        assertThat(v.minor()).isEqualTo(BigInteger.TWO);
        assertThat(v.patch()).isEqualTo(BigInteger.valueOf(3));
        assertThat(v.prerelease()).hasSize(2);
        assertThat(v.build()).containsExactly("build");
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v).hasToString("1.2.3-alpha.1");
        assertThat(v.scheme()).isSameAs(CargoScheme.INSTANCE);
        assertThatThrownBy(() -> v.compareTo(SemverVersion.parse("1.2.3")))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
