package dev.plimsoll.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/base, true",
            "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/x/y, false",
            "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d, false",
            "/var/lib/dpkg/info/*.list, /var/lib/dpkg/info/libc6:amd64.list, true",
            "/var/lib/dpkg/info/*.list, /var/lib/dpkg/info/libc6.md5sums, false",
            "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/lib/python3/site-packages/a-1.dist-info/METADATA, true",
            "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/lib/site-packages/a-1.dist-info/METADATA, true",
            "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/lib/a/b/c/site-packages/x.dist-info/METADATA, true",
            "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/local/lib/site-packages/x.dist-info/METADATA, false",
            "/**/*.jar, /app.jar, true",
            "/**/*.jar, /opt/app/lib/x.jar, true",
            "/**/*.jar, /opt/app/lib/x.jar.sha1, false",
            "/**, /, true",
            "/**, /anything/at/all, true",
            "/etc/**, /etc, true",
            "/etc/**/*, /etc, false",
            "/etc/*, /etc/.hidden, true",
            "/etc/?ostname, /etc/hostname, true",
            "/etc/?ostname, /etc/ostname, false",
            "/a/**/b/**/c, /a/x/b/y/z/c, true",
            "/a/**/b/**/c, /a/b/c, true",
            "/a/**/b/**/c, /a/c, false",
            "/a/*b*c, /a/xxbyyc, true",
            "/a/*b*c, /a/xxbyy, false",
            "/a/**/**/x, /a/x, true",
            "/a/[x], /a/[x], true",
            "/a/x**y, /a/xzzy, true",
            "/a/x**y, /a/x/y, false",
    })
    void matches(String pattern, String path, boolean expected) {
        assertThat(GlobPattern.compile(pattern).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "/var/lib/dpkg/status.d/*, var|lib|dpkg|status.d",
            "/**/*.jar, ''",
            "/usr/lib/**/x, usr|lib",
            "/etc/os-release, etc|os-release",
    })
    void literalPrefix(String pattern, String prefix) {
        assertThat(String.join("|", GlobPattern.compile(pattern).literalPrefix())).isEqualTo(prefix);
    }

    @org.junit.jupiter.api.Test
    void adversarialPatternsStayFast() {
        GlobPattern p = GlobPattern.compile("/**/a/**/a/**/a/**/a/**/b");
        String path = "/a".repeat(200);
        // Exponential backtracking would not finish at these sizes; the answer itself is what is asserted.
        assertThat(p.matches(path)).isFalse();
        assertThat(GlobPattern.segmentMatches("*a*a*a*a*a*b", "a".repeat(3000), 0, 3000)).isFalse();
    }
}
