package dev.plimsoll.check.cis.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.cis.CheckMeta;
import dev.plimsoll.check.cis.CisCheck;
import dev.plimsoll.check.cis.Section;
import dev.plimsoll.check.cis.daemon.DaemonChecks;
import dev.plimsoll.check.cis.files.DaemonFileChecks;
import dev.plimsoll.check.cis.image.ImageChecks;
import dev.plimsoll.check.cis.ops.OperationsChecks;
import dev.plimsoll.check.cis.swarm.SwarmChecks;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each registry: the ids of its section, unique, in benchmark order, numbered as docker-bench-security 1.6.0. */
class RegistriesTest {
    @Test
    void hostChecks() {
        List<String> ids = ids(HostChecks.standard(), Section.HOST);
        assertThat(ids).startsWith("1.1.1", "1.1.2").endsWith("1.2.1", "1.2.2").hasSize(20);
        assertThat(ids).containsAll(IntStream.rangeClosed(1, 18).mapToObj(i -> "1.1." + i).toList());
    }

    @Test
    void daemonChecks() {
        assertThat(ids(DaemonChecks.standard(), Section.DAEMON))
                .isEqualTo(IntStream.rangeClosed(1, 18).mapToObj(i -> "2." + i).toList());
    }

    @Test
    void daemonFileChecks() {
        assertThat(ids(DaemonFileChecks.standard(), Section.DAEMON_FILES))
                .isEqualTo(IntStream.rangeClosed(1, 24).mapToObj(i -> "3." + i).toList());
    }

    @Test
    void imageChecks() {
        assertThat(ids(ImageChecks.standard(), Section.IMAGES))
                .isEqualTo(IntStream.rangeClosed(1, 12).mapToObj(i -> "4." + i).toList());
    }

    @Test
    void operationsAndSwarmChecks() {
        assertThat(ids(OperationsChecks.standard(), Section.OPERATIONS)).containsExactly("6.1", "6.2");
        assertThat(ids(SwarmChecks.standard(), Section.SWARM))
                .isEqualTo(IntStream.rangeClosed(1, 9).mapToObj(i -> "7." + i).toList());
    }

    @Test
    void everyPermissionCheckSaysHowItDiffersFromDockerBench() {
        DaemonFileChecks.standard().stream().map(CisCheck::meta)
                .filter(m -> m.title().contains("permissions"))
                .forEach(m -> assertThat(m.differsFromDockerBench()).as(m.id()).get().asString()
                        .contains("bit mask"));
    }

    private static List<String> ids(List<? extends CisCheck<?>> checks, Section section) {
        List<CheckMeta> metas = checks.stream().map(CisCheck::meta).toList();
        assertThat(metas).allSatisfy(m -> assertThat(m.section()).isEqualTo(section));
        List<String> ids = metas.stream().map(CheckMeta::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).isSortedAccordingTo(RegistriesTest::compareIds);
        return ids;
    }

    private static int compareIds(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(x, y);
    }
}
