package dev.plimsoll.version.nuget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NuGet versions from the documented rules (learn.microsoft.com/nuget/concepts/package-versioning: version
 * basics, pre-release versions, normalized version numbers, SemVer 2.0.0) and NuGet.Versioning's comparer.
 */
class NuGetVersionTest {

    /** The documentation's own example, highest precedence first; note alpha2 above alpha10 (text order). */
    @Test
    void ordersTheDocumentationsExample() throws InvalidVersionException {
        List<String> descending = List.of("1.0.1", "1.0.1-zzz", "1.0.1-rc.10", "1.0.1-rc.2", "1.0.1-open",
            "1.0.1-beta", "1.0.1-alpha2", "1.0.1-alpha10", "1.0.1-aaa");
        List<NuGetVersion> versions = new ArrayList<>();
        for (String text : descending) {
            versions.add(NuGetVersion.parse(text));
        }
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                assertThat(versions.get(i).compareTo(versions.get(j))).as(descending.get(i) + " vs "
                    + descending.get(j)).isEqualTo(Integer.compare(j, i));
            }
        }
    }

    /** "Normalized version numbers": leading zeros, a zero fourth part and build metadata do not count. */
    @ParameterizedTest
    @CsvSource({
        "1.00, 1.0.0",
        "1.01.1, 1.1.1",
        "1.00.0.1, 1.0.0.1",
        "1.0.0.0, 1.0.0",
        "1.0.01.0, 1.0.1",
        "1.0.7+r3456, 1.0.7",
        "1, 1.0.0",
        "1.0, 1.0.0",
        "2.2.44-beta.1, 2.2.44-beta.1",
        "' 4.3.1-rc ', 4.3.1-rc",
        "6.11.1231, 6.11.1231",
        "1.0.0.4-Beta, 1.0.0.4-Beta",
    })
    void normalizes(String text, String normalized) throws InvalidVersionException {
        NuGetVersion version = NuGetVersion.parse(text);
        assertThat(version.normalized()).isEqualTo(normalized);
        assertThat(version).isEqualTo(NuGetVersion.parse(normalized));
    }

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0.0.0, 0",
        "1.0.0-RC.1, 1.0.0-rc.1, 0",
        "1.0.0-Alpha, 1.0.0-alpha+Build, 0",
        "1.0.0.1, 1.0.0, 1",
        "1.0.0.1-beta, 1.0.0, 1",
        "1.0.0-alpha, 1.0.0, -1",
        "1.0.0-alpha, 1.0.0-alpha.1, -1",
        "1.0.0-2, 1.0.0-10, -1",
        "1.0.0-10, 1.0.0-a, -1",
        "1.0.0-B, 1.0.0-a, 1",
        "1.0.0--, 1.0.0-0, 1",
        "1.0.0-a-b, 1.0.0-a.b, 1",
        "1.0.0-rc.2147483648, 1.0.0-rc.2147483647, 1",
        "2147483647.0, 2147483646.9.9.9, 1",
        "1.2.3.4, 1.2.3.10, -1",
    })
    void compares(String left, String right, int expected) throws InvalidVersionException {
        NuGetVersion a = NuGetVersion.parse(left);
        NuGetVersion b = NuGetVersion.parse(right);
        assertThat(a.compareTo(b)).isEqualTo(expected);
        assertThat(b.compareTo(a)).isEqualTo(-expected);
        assertThat(a.equals(b)).isEqualTo(expected == 0);
        if (expected == 0) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.2.3.4.5", "1.", "1..2", ".1", "a", "1.a", "v1.0", "1.0-", "1.0+",
        "1.0-+x", "1.0-a+", "1.0-01", "1.0-a..b", "1.0-a_b", "1.0-\u00e9", "1.0+a+b", "1.0+a..b",
        "2147483648.0", "1.0.0.2147483648", "-1.0", "1.0 .0", "1,0", "1.*", "\u0661.0"})
    void refuses(String text) {
        assertThatThrownBy(() -> NuGetVersion.parse(text)).isInstanceOf(InvalidVersionException.class)
            .hasMessageContaining("NuGet version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-0", "1.0-0a", "1.0-a.0", "1.0-01a", "1.0+001.0002", "1.0--", "1.0-a-b.c-",
        "1.2.3.4-rc+sha", "\u00a01.0\u3000", "0.0.0.0", "1.0-A.Z.a.z"})
    void accepts(String text) throws InvalidVersionException {
        assertThat(NuGetVersion.parse(text).raw()).isEqualTo(text);
    }

    @Test
    void keepsItsParts() throws InvalidVersionException {
        NuGetVersion v = NuGetVersion.parse("1.02.3.4-Beta.1+sha.7");
        assertThat(List.of(v.major(), v.minor(), v.patch(), v.revision())).containsExactly(1, 2, 3, 4);
        assertThat(v.releaseLabels()).containsExactly("Beta", "1");
        assertThat(v.metadata()).isEqualTo("sha.7");
        assertThat(v.partCount()).isEqualTo(4);
        assertThat(v.isPrerelease()).isTrue();
        assertThat(v).hasToString("1.2.3.4-Beta.1");
        assertThat(v.scheme()).isSameAs(NuGetScheme.INSTANCE);
    }
}
