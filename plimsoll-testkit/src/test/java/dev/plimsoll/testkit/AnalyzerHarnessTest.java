package dev.plimsoll.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The harness's reference matcher must itself be right for the interest assertions to mean anything. */
class AnalyzerHarnessTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/libc6, true",
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d/sub/libc6, false",
        "/var/lib/dpkg/status.d/*, /var/lib/dpkg/status.d, false",
        "/var/lib/dpkg/info/*.list, /var/lib/dpkg/info/libc6:amd64.list, true",
        "/var/lib/dpkg/info/*.list, /var/lib/dpkg/info/libc6.md5sums, false",
        "/var/lib/dpkg/info/*.list, /var/lib/dpkg/info/x.list.bak, false",
        "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/lib/site-packages/a.dist-info/METADATA, true",
        "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/lib/python3/x/site-packages/a.dist-info/METADATA, true",
        "/usr/lib/**/site-packages/*.dist-info/METADATA, /usr/local/site-packages/a.dist-info/METADATA, false",
        "/etc/?s-release, /etc/os-release, true",
        "/etc/?s-release, /etc/s-release, false",
        "/a.b/*, /axb/c, false",
    })
    void globsMatchAsDocumented(String glob, String path, boolean matches) {
        FileMeta meta = new FileMeta(path, FileType.REGULAR, 0644, 0, 0, 0, Optional.empty(),
                AnalyzerHarness.layerRef(0), Visibility.VISIBLE);

        assertThat(AnalyzerHarness.matches(Interests.of(PathInterest.glob(glob)), meta)).isEqualTo(matches);
    }
}
