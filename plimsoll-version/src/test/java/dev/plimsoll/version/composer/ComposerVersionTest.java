package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComposerVersionTest {

    /** composer/semver's documented normalisations (its VersionParser tests and docs). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        1.0                 | 1.0.0.0
        1.0.0               | 1.0.0.0
        1.2.3.4             | 1.2.3.4
        v1.0.0              | 1.0.0.0
        1.0.0-beta.2        | 1.0.0.0-beta2
        1.0.0-b2            | 1.0.0.0-beta2
        1.0.0-alpha         | 1.0.0.0-alpha
        1.0.0-a1            | 1.0.0.0-alpha1
        1.0.0-RC1           | 1.0.0.0-RC1
        1.0.0-rc1           | 1.0.0.0-RC1
        1.0.0.RC.15-dev     | 1.0.0.0-RC15-dev
        1.0.0-p1            | 1.0.0.0-patch1
        1.0.0-pl3           | 1.0.0.0-patch3
        1.0-patch           | 1.0.0.0-patch
        1.0.0-stable        | 1.0.0.0
        1.0.0-dev           | 1.0.0.0-dev
        1.0-beta-dev        | 1.0.0.0-beta-dev
        1.0.0+build.1       | 1.0.0.0
        00.01.03.04         | 00.01.03.04
        20100102            | 20100102
        2010-01-02          | 2010.01.02
        2010.01.02.5        | 2010.01.02.5
        1.x-dev             | 1.9999999.9999999.9999999-dev
        2.1.*-dev           | 2.1.9999999.9999999-dev
        1.0.0 as 1.2.3      | 1.0.0.0
        1.0.0@beta          | 1.0.0.0
        '  1.0.0  '         | 1.0.0.0
        dev-master          | dev-master
        master              | dev-master
        DEV-Feature/x       | dev-Feature/x
        """)
    void normalizesLikeComposer(String raw, String expected) throws InvalidVersionException {
        assertThat(ComposerVersionParser.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        ''
        foo
        1.0.0-foo
        1.0.0+
        1.0.0 ,
        a.b.c
        1.0.0<
        foo-dev
        """)
    void rejectsWhatComposerRejects(String raw) {
        assertThatThrownBy(() -> ComposerVersionParser.normalize(raw)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void stabilitiesOrderDevAlphaBetaRcStablePatch() throws InvalidVersionException {
        List<String> ascending = List.of("1.0.0-dev", "1.0.0-alpha1", "1.0.0-a2", "1.0.0-beta1", "1.0.0-b2",
            "1.0.0-RC1", "1.0.0-rc2", "1.0.0", "1.0.0-patch1", "1.0.0-p2", "1.0.1-dev", "1.0.1", "1.1.x-dev",
            "1.2.0", "2.0.0");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            ComposerVersion lower = ComposerVersion.parse(ascending.get(i));
            ComposerVersion higher = ComposerVersion.parse(ascending.get(i + 1));
            assertThat(lower.compareTo(higher)).as(lower.raw() + " < " + higher.raw()).isNegative();
            assertThat(higher.compareTo(lower)).as(higher.raw() + " > " + lower.raw()).isPositive();
        }
    }

    @Test
    void equalityFollowsTheOrder() throws InvalidVersionException {
        List<String[]> equal = List.of(new String[] {"1.0", "1.0.0.0"}, new String[] {"v1.0-a1", "1.0.0-alpha1"},
            new String[] {"1.0-pl1", "1.0.0-patch1"}, new String[] {"1.01", "1.1"}, new String[] {"1.0+x", "1.0"});
        for (String[] pair : equal) {
            ComposerVersion a = ComposerVersion.parse(pair[0]);
            ComposerVersion b = ComposerVersion.parse(pair[1]);
            assertThat(a.compareTo(b)).as(pair[0] + " vs " + pair[1]).isZero();
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        }
        assertThat(ComposerVersion.parse("1.0")).isNotEqualTo(ComposerVersion.parse("1.0-dev"));
    }

    @Test
    void branchesAreNotVersions() {
        for (String branch : List.of("dev-master", "master", "dev-feature/login", "trunk", "DEV-x")) {
            assertThatThrownBy(() -> ComposerVersion.parse(branch)).as(branch)
                .isInstanceOf(InvalidVersionException.class).hasMessageContaining("not a version");
        }
    }

    @Test
    void keepsRawAndReportsStability() throws InvalidVersionException {
        ComposerVersion v = ComposerScheme.INSTANCE.parse("v2.1-BETA3");
        assertThat(v.raw()).isEqualTo("v2.1-BETA3");
        assertThat(v.normalized()).isEqualTo("2.1.0.0-beta3");
        assertThat(v.stability()).isEqualTo("beta");
        assertThat(ComposerVersion.parse("1.0").stability()).isEqualTo("stable");
        assertThat(ComposerVersion.parse("1.x-dev").stability()).isEqualTo("dev");
        assertThat(v.scheme().id()).isEqualTo("composer");
    }

    @Test
    void boundsHostileInput() {
        String huge = "1." + "0".repeat(ComposerVersionParser.MAX_LENGTH);
        assertThatThrownBy(() -> ComposerVersion.parse(huge)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("longer than");
        assertThatThrownBy(() -> ComposerConstraint.parse(">=" + huge)).isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void refusesToOrderAgainstAnotherScheme() throws InvalidVersionException {
        ComposerVersion v = ComposerVersion.parse("1.0");
        dev.plimsoll.version.Version other = dev.plimsoll.version.maven.MavenVersion.parse("1.0");
        assertThatThrownBy(() -> v.compareTo(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isRegisteredForComposer() {
        assertThat(Schemes.of(Ecosystem.COMPOSER)).containsSame(ComposerScheme.INSTANCE);
        assertThat(Schemes.of(ConstraintSyntax.COMPOSER)).isSameAs(ComposerScheme.INSTANCE);
    }

    @Test
    void phpVersionCompareCanonicalisesLikePhp() {
        // version_compare's own documented cases: separators, letter/digit boundaries, special forms.
        assertThat(PhpVersionCompare.canonicalize("1.0rc1")).isEqualTo("1.0.rc.1");
        assertThat(PhpVersionCompare.canonicalize("1-0_0+1")).isEqualTo("1.0.0.1");
        assertThat(PhpVersionCompare.canonicalize("1..0")).isEqualTo("1.0");
        List<Integer> signs = new ArrayList<>();
        for (String[] pair : List.of(new String[] {"5.2", "5.2.0"}, new String[] {"1.0-dev", "1.0-alpha"},
            new String[] {"1.0pl1", "1.0"}, new String[] {"1.0", "1.0.0-foo"}, new String[] {"1.0.0", "1.0.0"},
            new String[] {"", "1"})) {
            signs.add(PhpVersionCompare.compare(pair[0], pair[1]));
        }
        assertThat(signs).containsExactly(-1, -1, 1, -1, 0, -1);
    }
}
