package dev.plimsoll.version.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.AffectedRange.ConstraintSyntax;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Schemes;
import dev.plimsoll.version.gem.GemVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0",
        "v1.0|1.0",
        "V1.0|1.0",
        "01.002.0003|1.2.3",
        "1.0-RC1|1.0rc1",
        "1.0.c2|1.0rc2",
        "1.0-pre.3|1.0rc3",
        "1.0preview_4|1.0rc4",
        "1.0alpha|1.0a0",
        "1.0.Beta.2|1.0b2",
        "1.0-1|1.0.post1",
        "1.0.rev|1.0.post0",
        "1.0r2|1.0.post2",
        "1.0_post_3|1.0.post3",
        "1.0-post|1.0.post0",
        "1.0DEV|1.0.dev0",
        "1.0-dev-7|1.0.dev7",
        "1!2.0|1!2.0",
        "0!1.0|1.0",
        "1.0+Ubuntu-1_2|1.0+ubuntu.1.2",
        "1.0+007.a01|1.0+7.a01",
        "1.0a1.post2.dev3+x|1.0a1.post2.dev3+x",
        "18446744073709551616.1|18446744073709551616.1",
        "'  1.0\t'|1.0",
        "'\u30001.0\u2003'|1.0",
    })
    void normalisesLikePackaging(String raw, String normalized) throws Exception {
        Pep440Version version = Pep440Version.parse(raw);
        assertThat(version.normalized()).isEqualTo(normalized);
        assertThat(version.raw()).isEqualTo(raw);
        assertThat(Pep440Version.parse(normalized)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2.0-SNAPSHOT", "1.0.0.final", "4.11-final", "0.3m1", "0.3.1-p1", "trunk",
        "2013-01-21T20:33:09+0100", "1.0+", "1..0", ".1", "1.", "1.0a1b1", "1.0.post1.post2", "1!", "1.0+local+x",
        "1.0+_abc", "1.0.*", "1.0\u00e9", "\u0661.0", "002408c3696b173863228223d535f9de72a101a9"})
    void rejectsLegacyVersionsNamingThem(String raw) {
        assertThatThrownBy(() -> Pep440Version.parse(raw))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("\"" + raw + "\"");
    }

    @Test
    void rejectsOverlongText() {
        String huge = "1" + ".0".repeat(Pep440Version.MAX_LENGTH);
        assertThatThrownBy(() -> Pep440Version.parse(huge)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("longer than");
    }

    @Test
    void ordersAsPep440Says() throws Exception {
        // PEP 440's own example ordering, plus epochs and local-version rules; each strictly below the next.
        List<String> ascending = List.of("0.9", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
            "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
            "1.0+abc", "1.0+abc.1", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0+5.a", "1.0.post456.dev34",
            "1.0.post456", "1.0.15", "1.1.dev1", "2.0", "1!0.1", "1!1.0");
        List<Pep440Version> versions = new ArrayList<>();
        for (String text : ascending) {
            versions.add(Pep440Version.parse(text));
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
                    .as(ascending.get(i) + " vs " + ascending.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1.0,1.0.0", "1.0,v1.0.0.0", "1.0rc1,1.0-RC-1", "1.0+ABC,1.0+abc", "1.0+1.2,1.0+1-2",
        "1.0+01,1.0+1", "0!1,1", "1.0.post0,1.0-0", "1.0a,1.0alpha0"})
    void equalVersionsAreEqualObjects(String a, String b) throws Exception {
        Pep440Version left = Pep440Version.parse(a);
        Pep440Version right = Pep440Version.parse(b);
        assertThat(left.compareTo(right)).isZero();
        assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
    }

    @Test
    void exposesItsParts() throws Exception {
        Pep440Version v = Pep440Version.parse("2!1.0.0b3.post4.dev5+ubuntu.7");
        assertThat(v.epoch()).hasToString("2");
        assertThat(v.release()).hasToString("[1, 0, 0]");
        assertThat(v.pre()).contains(new Pep440Version.Label("b", BigInteger.valueOf(3)));
        assertThat(v.post()).contains(new Pep440Version.Label("post", BigInteger.valueOf(4)));
        assertThat(v.dev()).contains(BigInteger.valueOf(5));
        assertThat(v.local()).hasValueSatisfying(parts -> assertThat(parts).hasToString("[ubuntu, 7]"));
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v.isPostrelease()).isTrue();
        assertThat(v.publicVersion().normalized()).isEqualTo("2!1.0.0b3.post4.dev5");
        assertThat(v.baseVersion().normalized()).isEqualTo("2!1.0.0");
        assertThat(Pep440Version.parse("1.0.dev1").isPrerelease()).isTrue();
        assertThat(Pep440Version.parse("1.0.post1").isPrerelease()).isFalse();
    }

    @Test
    void refusesToOrderAgainstAnotherScheme() throws Exception {
        Pep440Version python = Pep440Version.parse("1.0");
        GemVersion gem = GemVersion.parse("1.0");
        assertThatThrownBy(() -> python.compareTo(gem)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("gem");
    }

    @Test
    void isRegisteredForPyPiAndItsConstraintSyntax() throws Exception {
        assertThat(Schemes.of(Ecosystem.PYPI)).containsSame(Pep440Scheme.INSTANCE);
        assertThat(Schemes.of(ConstraintSyntax.PEP440)).isSameAs(Pep440Scheme.INSTANCE);
        assertThat(Pep440Scheme.INSTANCE.id()).isEqualTo("pep440");
        assertThat(Pep440Scheme.INSTANCE.constraint(">=1.0,<2").contains(Pep440Scheme.INSTANCE.parse("1.5")))
            .isTrue();
    }
}
