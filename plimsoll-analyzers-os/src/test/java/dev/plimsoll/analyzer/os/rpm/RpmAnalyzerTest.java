package dev.plimsoll.analyzer.os.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.inventory.SourcePackage;
import dev.plimsoll.rpmdb.RpmPackage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RpmAnalyzerTest {

    @Test
    void sourceRpmNameSplitsAtTheLastTwoDashes() {
        assertThat(RpmAnalyzer.sourcePackage("openssl-3.0.7-24.el9.src.rpm", Optional.of(1)))
                .contains(new SourcePackage("openssl", "1:3.0.7-24.el9"));
        assertThat(RpmAnalyzer.sourcePackage("python3.9-3.9.16-1.el9_2.1.src.rpm", Optional.empty()))
                .contains(new SourcePackage("python3.9", "3.9.16-1.el9_2.1"));
        assertThat(RpmAnalyzer.sourcePackage("ncurses-6.2-8.20210508.el9.nosrc.rpm", Optional.empty()))
                .contains(new SourcePackage("ncurses", "6.2-8.20210508.el9"));
        assertThat(RpmAnalyzer.sourcePackage("garbage.src.rpm", Optional.empty())).isEmpty();
        assertThat(RpmAnalyzer.sourcePackage("-1-2.src.rpm", Optional.empty())).isEmpty();
    }

    @Test
    void versionIsEpochVersionReleaseAsRpmPrintsIt() {
        assertThat(RpmAnalyzer.evr(pkg(Optional.of(2), "4.9", "6.el9"))).isEqualTo("2:4.9-6.el9");
        assertThat(RpmAnalyzer.evr(pkg(Optional.empty(), "5.1.8", "6.el9_1"))).isEqualTo("5.1.8-6.el9_1");
        // an explicit epoch 0 is still an epoch: rpm prints %{EVR} as 0:…
        assertThat(RpmAnalyzer.evr(pkg(Optional.of(0), "1", "1"))).isEqualTo("0:1-1");
    }

    private static RpmPackage pkg(Optional<Integer> epoch, String version, String release) {
        return new RpmPackage("p", epoch, version, release, "x86_64", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), OptionalLong.empty(), List.of(), Optional.empty());
    }
}
