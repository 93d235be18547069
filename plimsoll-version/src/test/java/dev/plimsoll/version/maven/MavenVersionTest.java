package dev.plimsoll.version.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MavenVersionTest {

    /**
     * The examples of Maven's "Version Order Specification" (POM reference) and ComparableVersion's documented
     * qualifier order: alpha &lt; beta &lt; milestone &lt; rc = cr &lt; snapshot &lt; "" = ga = final = release
     * &lt; sp.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        1              ; <  ; 1.1
        1-snapshot     ; <  ; 1
        1              ; <  ; 1-sp
        1-foo2         ; <  ; 1-foo10
        1.foo          ; =  ; 1-foo
        1-foo          ; <  ; 1-1
        1-1            ; <  ; 1.1
        1.ga           ; =  ; 1-ga
        1-ga           ; =  ; 1-0
        1-0            ; =  ; 1.0
        1.0            ; =  ; 1
        1-final        ; =  ; 1
        1.0.RELEASE    ; =  ; 1
        1-sp           ; >  ; 1-ga
        1-sp.1         ; >  ; 1-ga.1
        1-sp-1         ; <  ; 1-ga-1
        1-a1           ; =  ; 1-alpha-1
        1-b1           ; =  ; 1-beta-1
        1-m1           ; =  ; 1-milestone-1
        1.0-alpha1     ; =  ; 1.0-ALPHA1
        1.7            ; >  ; 1.K
        5.zebra        ; >  ; 5.aardvark
        1.α            ; >  ; 1.b
        1-alpha        ; <  ; 1-beta
        1-beta         ; <  ; 1-milestone
        1-milestone    ; <  ; 1-rc
        1-rc           ; =  ; 1-cr
        1-rc           ; <  ; 1-snapshot
        1-snapshot     ; <  ; 1-ga
        1.0.0.RC1      ; =  ; 1.0.0-RC1
        1-sp           ; <  ; 1-foo
        2.0-rc1        ; <  ; 2.0
        4.1.70.Final   ; <  ; 4.1.71.Final
        4.1.70.Final   ; =  ; 4.1.70
        5.2.25.RELEASE ; >  ; 5.2.25.RC1
        11.0.0-M11     ; >  ; 11.0.0-M2
        11.0.0-M11     ; <  ; 11.0.0
        1.4_3          ; >  ; 1.4
        """)
    void followsMavensDocumentedOrder(String left, String relation, String right) throws InvalidVersionException {
        MavenVersion a = MavenScheme.INSTANCE.parse(left);
        MavenVersion b = MavenScheme.INSTANCE.parse(right);
        int expected = switch (relation) {
            case "<" -> -1;
            case ">" -> 1;
            default -> 0;
        };
        assertThat(a.compareTo(b)).as(left + " " + relation + " " + right).isEqualTo(expected);
        assertThat(b.compareTo(a)).isEqualTo(-expected);
        assertThat(a.equals(b)).isEqualTo(expected == 0);
    }

    @Test
    void ordersAChainOfQualifiers() throws InvalidVersionException {
        List<String> ascending = List.of("1.0-alpha-1", "1.0-alpha-2", "1.0-beta-1", "1.0-milestone-1",
            "1.0-rc-1", "1.0-SNAPSHOT", "1.0", "1.0-sp-1", "1.0-xyz", "1.0-1", "1.0.1", "1.1", "1.10", "2");
        for (int i = 0; i + 1 < ascending.size(); i++) {
            assertThat(MavenVersion.parse(ascending.get(i)).compareTo(MavenVersion.parse(ascending.get(i + 1))))
                .as(ascending.get(i) + " < " + ascending.get(i + 1)).isNegative();
        }
    }

    /**
     * maven-artifact's order is not transitive everywhere (3.9.x, 3.10.0 and 4.0.0-rc-6 alike): a dot before a
     * qualifier that is followed by more numbers, or a leading 0 component, gives cycles. The wrapper keeps
     * Maven's pairwise answers rather than inventing another order, so range checks agree with Maven itself;
     * sorting such versions has no single right answer.
     */
    @Test
    void reproducesMavenArtifactsIntransitiveCorners() throws InvalidVersionException {
        assertCycle("2", "2.sp-10.1", "2.beta");
        assertCycle("1.0.0", "1.0.0.android", "1.0.0.SNAPSHOT-3");
        assertCycle("0", "0-10", "0.snapshot.2-1-2530423577");
    }

    /** a &lt; b &lt; c &lt; a, in the wrapper exactly as in ComparableVersion. */
    private static void assertCycle(String a, String b, String c) throws InvalidVersionException {
        String[] cycle = {a, b, c, a};
        for (int i = 0; i < 3; i++) {
            MavenVersion lower = MavenVersion.parse(cycle[i]);
            MavenVersion higher = MavenVersion.parse(cycle[i + 1]);
            int reference = Integer.signum(lower.comparable().compareTo(higher.comparable()));
            assertThat(lower.compareTo(higher)).as(cycle[i] + " < " + cycle[i + 1]).isEqualTo(reference)
                .isEqualTo(-1);
        }
    }

    @Test
    void exposesMavensCanonicalForm() throws InvalidVersionException {
        MavenVersion v = MavenVersion.parse("1.0.0.RC1");
        assertThat(v.canonical()).isEqualTo("1-rc-1");
        assertThat(v.raw()).isEqualTo("1.0.0.RC1");
        assertThat(v.comparable().getCanonical()).isEqualTo("1-rc-1");
        assertThat(v.scheme().id()).isEqualTo("maven");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
        ''
        1.0 beta
        ' 1.0'
        1.0,2.0
        [1.0]
        (1.0)
        '1.0\t'
        """)
    void rejectsWhatCannotBeAVersion(String raw) {
        assertThatThrownBy(() -> MavenVersion.parse(raw))
            .isInstanceOf(InvalidVersionException.class);
    }

    @Test
    void boundsHostileInput() {
        assertThatThrownBy(() -> MavenVersion.parse("1." + "0".repeat(MavenVersion.MAX_LENGTH)))
            .isInstanceOf(InvalidVersionException.class).hasMessageContaining("longer than");
    }

    @Test
    void isRegisteredForMaven() {
        assertThat(Schemes.of(Ecosystem.MAVEN)).containsSame(MavenScheme.INSTANCE);
        assertThat(Schemes.of(ConstraintSyntax.MAVEN)).isSameAs(MavenScheme.INSTANCE);
    }
}
