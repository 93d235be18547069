package dev.plimsoll.version.dpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real versions from the Debian security tracker (fixture: see README.md next to it). */
class DpkgRealDataTest {

    @Test
    void parsesEveryRealFixedVersionAndRejectsTheTrackersPlaceholders() throws Exception {
        List<String> texts = DpkgDifferentialTest.fixtureVersions();
        List<String> rejected = new ArrayList<>();
        for (String text : texts) {
            try {
                DpkgVersion version = DpkgVersion.parse(text);
                assertThat(version.raw()).isEqualTo(text);
            } catch (InvalidVersionException e) {
                assertThat(e.getMessage()).contains(text);
                rejected.add(text);
            }
        }
        // The tracker writes these where a fixed version would go; they are states, not versions.
        assertThat(rejected).containsExactlyInAnyOrder("<end-of-life>", "<not-affected>", "<unfixed>");
        assertThat(texts).hasSizeGreaterThan(400);
    }

    @Test
    void readsAPackageNameInTheVersionColumnAsALetterLedVersion() throws InvalidVersionException {
        // DSA-423 repeats the package name "kernel-image-2.4.17-ia64" in the version column. dpkg would read it as
        // upstream "kernel-image-2.4.17" and revision "ia64", warning only that it does not start with a digit.
        DpkgVersion odd = DpkgVersion.parse("kernel-image-2.4.17-ia64");
        assertThat(odd.startsWithDigit()).isFalse();
        assertThat(odd.upstream()).isEqualTo("kernel-image-2.4.17");
        assertThat(odd.revision()).isEqualTo("ia64");
    }

    @Test
    void ordersRealSecurityUpdatesAfterTheReleasesTheyPatch() throws InvalidVersionException {
        // Versions from the fixture: a stable-security revision sorts after the revision it patches, a backport
        // (~) before the version it was backported from, and a ~git snapshot before any dotted release.
        assertThat(DpkgVersion.parse("2:1.20.11-1+deb11u6")).isGreaterThan(DpkgVersion.parse("2:1.20.11-1"));
        assertThat(DpkgVersion.parse("1:102.9.0-1~deb11u1")).isLessThan(DpkgVersion.parse("1:102.9.0-1"));
        assertThat(DpkgVersion.parse("0.0~git20150813.0.1b506fc-2+deb9u1"))
            .isLessThan(DpkgVersion.parse("0.0.20020411-1woody1"));
    }
}
