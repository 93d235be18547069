package dev.plimsoll.version.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.pep440.Pep440Version;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GemVersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0|false",
        "1.0-1|1.0.pre.1|true",
        "1--2|1.pre..pre.2|true",
        "'  1.2.3  '|1.2.3|false",
        "''|0|false",
        "'   '|0|false",
        "1.0.0.beta1.1|1.0.0.beta1.1|true",
        "3.0.0-rc.1|3.0.0.pre.rc.1|true",
        "1.0a|1.0a|true",
    })
    void parsesLikeGemVersionNew(String raw, String normalized, boolean prerelease) throws Exception {
        GemVersion version = GemVersion.parse(raw);
        assertThat(version.raw()).isEqualTo(raw);
        assertThat(version.normalized()).isEqualTo(normalized);
        assertThat(version.isPrerelease()).isEqualTo(prerelease);
    }

    @Test
    void blankIsZeroAndSurroundingAsciiWhitespaceIsIgnored() throws Exception {
        assertThat(GemVersion.parse("\t\n")).isEqualTo(GemVersion.parse("0"));
        assertThat(GemVersion.parse("\u000b1.2\f\r").normalized()).isEqualTo("1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1a", "a", ".1", "1.", "1..2", "-1", "1.0-", "1.0-.a", "1.0.-a", "v1.0", "1 0",
        "1.0_1", "1.0+1", "1.0.*", "=1", "1.0\u00e9", "1\u00a0"})
    void rejectsWhatRubyGemsRejectsAndNamesTheText(String raw) {
        assertThatThrownBy(() -> GemVersion.parse(raw))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("\"" + raw + "\"");
    }

    @Test
    void rejectsOverlongText() {
        String huge = "1." + "0.".repeat(GemVersion.MAX_LENGTH) + "1";
        assertThatThrownBy(() -> GemVersion.parse(huge)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("longer than");
    }

    @Test
    void segmentsAreDigitAndLetterRuns() throws Exception {
        assertThat(GemVersion.parse("1.0.rc2").segments()).hasToString("[1, 0, rc, 2]");
        assertThat(GemVersion.parse("1.0.0.a.0.b.0.0").canonicalSegments()).hasToString("[1, a, 0, b]");
        assertThat(GemVersion.parse("0").canonicalSegments()).isEmpty();
    }

    @Test
    void ordersLikeGemVersion() throws Exception {
        // Each strictly below the next.
        List<String> ascending = List.of("0.a", "0", "0.0.1", "1.0.A", "1.0.B", "1.0.a", "1.0.a.1", "1.0.a2",
            "1.0.a10", "1.0.b", "1.0.beta", "1.0.pre", "1.0-1", "1.0.rc", "1.0.rc1", "1.0", "1.0.0.1", "1.1.a",
            "1.1", "1.999", "2", "18446744073709551615", "18446744073709551616");
        List<GemVersion> versions = new ArrayList<>();
        for (String text : ascending) {
            versions.add(GemVersion.parse(text));
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
                    .as(ascending.get(i) + " <=> " + ascending.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1.0.0", "1.0.a,1.a", "1.a.0,1.a", "1.0a,1.0.a", "1.0-1,1.0.pre.1", "01.002,1.2", "'',0"})
    void trailingZerosAndSpellingDoNotMatter(String a, String b) throws Exception {
        GemVersion left = GemVersion.parse(a);
        GemVersion right = GemVersion.parse(b);
        assertThat(left.compareTo(right)).isZero();
        assertThat(left).isEqualTo(right).hasSameHashCodeAs(right);
    }

    @Test
    void lettersInTheMiddleStillCount() throws Exception {
        // Only trailing zeros go: "1.a.0.b" keeps its 0 and sorts above "1.a.b".
        assertThat(GemVersion.parse("1.a.0.b").compareTo(GemVersion.parse("1.a.b"))).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"1.2.b.3,1.2", "1.0,1.0", "1.0-1,1.0", "2.a,2"})
    void releaseDropsTheLetterTail(String version, String release) throws Exception {
        assertThat(GemVersion.parse(version).release().normalized()).isEqualTo(release);
    }

    @ParameterizedTest
    @CsvSource({"5.2.4,5.3", "1,2", "1.0.a,2", "2.1.3.b.4,2.2", "1.9,2", "0.0.9,0.1"})
    void bumpIsThePessimisticUpperBound(String version, String bumped) throws Exception {
        assertThat(GemVersion.parse(version).bump().normalized()).isEqualTo(bumped);
    }

    @Test
    void refusesToOrderAgainstAnotherScheme() throws Exception {
        GemVersion gem = GemVersion.parse("1.0");
        Pep440Version python = Pep440Version.parse("1.0");
        assertThatThrownBy(() -> gem.compareTo(python)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("pep440");
    }
}
