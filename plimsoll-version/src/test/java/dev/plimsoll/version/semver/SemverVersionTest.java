package dev.plimsoll.version.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.cargo.CargoScheme;
import dev.plimsoll.version.npm.NpmScheme;
import dev.plimsoll.version.nuget.NuGetScheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict SemVer 2.0.0 parsing and precedence, from the examples of the specification (semver.org). */
class SemverVersionTest {

    @Test
    void precedenceFollowsTheSpecificationsExampleChain() throws InvalidVersionException {
        // SemVer 2.0.0, section 11.
        List<String> ascending = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
            "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "2.0.0", "2.1.0", "2.1.1");
        List<SemverVersion> versions = new ArrayList<>();
        for (String text : ascending) {
            versions.add(SemverVersion.parse(text));
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
                    .as(ascending.get(i) + " vs " + ascending.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "1.0.0+20130313144700, 1.0.0+exp.sha.5114f85, 0",
        "1.0.0-alpha+001, 1.0.0-alpha, 0",
        "v1.2.3, 1.2.3, 0",
        "1.0.0-2, 1.0.0-10, -1",
        "1.0.0-a2, 1.0.0-a10, 1",
        "1.0.0-10, 1.0.0-1a, -1",
        "1.0.0-Z, 1.0.0-a, -1",
        "1.0.0--, 1.0.0-0, 1",
        "1.0.0-alpha, 1.0.0-alpha.0, -1",
        "9.0.0, 10.0.0, -1",
        "1.0.0-18446744073709551616, 1.0.0-18446744073709551615, 1",
        "1.0.0-9007199254740993, 1.0.0-9007199254740992, 1",
        "99999999999999999999.0.0, 99999999999999999998.0.0, 1",
    })
    void compares(String left, String right, int expected) throws InvalidVersionException {
        assertThat(SemverVersion.parse(left).compareTo(SemverVersion.parse(right))).isEqualTo(expected);
        assertThat(SemverVersion.parse(right).compareTo(SemverVersion.parse(left))).isEqualTo(-expected);
        assertThat(SemverVersion.parse(left).equals(SemverVersion.parse(right))).isEqualTo(expected == 0);
    }

    @Test
    void keepsItsParts() throws InvalidVersionException {
        SemverVersion v = SemverVersion.parse("v1.20.300-rc.1.x-y+build.007");
        assertThat(v.major()).isEqualTo(BigInteger.ONE);
        assertThat(v.minor()).isEqualTo(BigInteger.valueOf(20));
        assertThat(v.patch()).isEqualTo(BigInteger.valueOf(300));
        assertThat(v.prerelease()).containsExactly(new Identifier.Alphanumeric("rc"),
            new Identifier.Numeric(BigInteger.ONE), new Identifier.Alphanumeric("x-y"));
        assertThat(v.build()).containsExactly("build", "007");
        assertThat(v.raw()).isEqualTo("v1.20.300-rc.1.x-y+build.007");
        assertThat(v).hasToString("1.20.300-rc.1.x-y");
        assertThat(v.scheme()).isSameAs(SemverScheme.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0", "1.2.3", "v1.2.3", "1.2.3-0", "1.2.3-0a", "1.2.3-a.0", "1.2.3--", "1.2.3-x-",
        "1.2.3+0", "1.2.3+00.01", "1.2.3+-", "1.2.3-rc.1+build.1", "18446744073709551616.0.0"})
    void acceptsStrictVersions(String text) throws InvalidVersionException {
        assertThat(SemverVersion.parse(text).raw()).isEqualTo(text);
    }

    /**
     * Each of these is refused; the last group are node-semver's strict-mode leniencies that this scheme does not
     * share (surrounding whitespace, "=" prefixes, a second "v").
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-",
        "1.2.3+", "1.2.3-a..b", "1.2.3+a..b", "1.2.3-a+", "1.2.3-a_b", "1.2.3-\u00e9", "-1.2.3", "1.2.x", "V1.2.3",
        "vv1.2.3", "1.2.3beta", "a.b.c", "\u0661.2.3", " 1.2.3", "1.2.3 ", "\t1.2.3", "=1.2.3", "v 1.2.3"})
    void refusesEverythingElse(String text) {
        assertThatThrownBy(() -> SemverVersion.parse(text)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("semver version");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> SemverVersion.parse("1.02.3")).hasMessageContaining("leading zero");
        assertThatThrownBy(() -> SemverVersion.parse("1.2.3-a..b")).hasMessageContaining("empty pre-release");
        assertThatThrownBy(() -> SemverVersion.parse("1.2")).hasMessageContaining("ends after the minor version");
        assertThatThrownBy(() -> SemverVersion.parse("1.2.3 ")).hasMessageContaining("unexpected ' '");
        assertThatThrownBy(() -> SemverVersion.parse("1." + "1".repeat(300) + ".0"))
            .hasMessageContaining("longer than 256");
    }

    @Test
    void cargoAndUnprefixedParsingRefuseTheV() throws InvalidVersionException {
        assertThat(SemverVersion.parseUnprefixed("1.2.3")).isEqualTo(SemverVersion.parse("v1.2.3"));
        assertThatThrownBy(() -> SemverVersion.parseUnprefixed("v1.2.3")).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void comparingAcrossSchemesIsRefused() throws InvalidVersionException {
        SemverVersion semver = SemverVersion.parse("1.2.3");
        assertThatThrownBy(() -> semver.compareTo(NpmScheme.INSTANCE.parse("1.2.3")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("npm");
        assertThatThrownBy(() -> semver.compareTo(CargoScheme.INSTANCE.parse("1.2.3")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cargo");
    }

    @Test
    void schemesAreRegistered() {
        assertThat(Schemes.semver()).isSameAs(SemverScheme.INSTANCE);
        assertThat(Schemes.semver().id()).isEqualTo("semver");
        assertThat(Schemes.of(Ecosystem.NPM)).containsSame(NpmScheme.INSTANCE);
        assertThat(Schemes.of(Ecosystem.CARGO)).containsSame(CargoScheme.INSTANCE);
        assertThat(Schemes.of(Ecosystem.NUGET)).containsSame(NuGetScheme.INSTANCE);
        for (Ecosystem ecosystem : List.of(Ecosystem.HEX, Ecosystem.PUB, Ecosystem.SWIFT)) {
            assertThat(Schemes.of(ecosystem)).as(ecosystem.name()).containsSame(SemverScheme.INSTANCE);
        }
        assertThat(Schemes.of(ConstraintSyntax.NPM)).isSameAs(NpmScheme.INSTANCE);
        assertThat(Schemes.of(ConstraintSyntax.NUGET)).isSameAs(NuGetScheme.INSTANCE);
        assertThat(List.of(NpmScheme.INSTANCE.id(), CargoScheme.INSTANCE.id(), NuGetScheme.INSTANCE.id()))
            .containsExactly("npm", "cargo", "nuget");
    }
}
