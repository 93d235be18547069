package dev.plimsoll.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EVRs of real images (fixture: see README.md next to it), without needing rpm installed. */
class RpmRealDataTest {

    @Test
    void everyRealEvrParsesAndIsRebuiltFromItsFields() throws Exception {
        List<String> texts = RpmDifferentialTest.fixtureEvrs();
        assertThat(texts).hasSize(1454);
        List<RpmVersion> versions = new ArrayList<>();
        for (String text : texts) {
            RpmVersion version = RpmVersion.parse(text);
            assertThat(RpmVersion.of(version.epoch(), version.version(), version.release()).raw()).isEqualTo(text);
            versions.add(version);
        }
        // The texts are distinct, so two of them order equal only when they differ in an epoch 0 spelt out or
        // omitted, or in leading zeros ("3.02-2.el7" and "3.2-2.el7" are both real).
        List<RpmVersion> sorted = versions.stream().sorted().toList();
        int equalNeighbours = 0;
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).compareTo(sorted.get(i)) == 0) {
                equalNeighbours++;
                assertThat(withoutZeros(sorted.get(i - 1).raw())).isEqualTo(withoutZeros(sorted.get(i).raw()));
            }
        }
        assertThat(equalNeighbours).isPositive();
        assertThat(RpmVersion.parse("3.02-2.el7")).isEqualTo(RpmVersion.parse("3.2-2.el7"));
    }

    private static String withoutZeros(String evr) {
        return evr.replaceFirst("^0:", "").replaceAll("(?<![0-9])0+(?=[0-9])", "");
    }

    @Test
    void ordersRealUpdatesAfterTheBuildsTheyReplace() throws InvalidVersionException {
        assertThat(RpmVersion.parse("1:1.0.2k-16.el7_6.1")).isGreaterThan(RpmVersion.parse("1:1.0.2k-12.el7"));
        assertThat(RpmVersion.parse("2.17-260.el7_6.4")).isGreaterThan(RpmVersion.parse("2.17-260.el7_6.3"));
        assertThat(RpmVersion.parse("2.17-260.el7_6.3")).isGreaterThan(RpmVersion.parse("2.17-222.el7"));
        // openssl 1.1.1k on EL8 outranks 1.1.1c, and the letter run "k" > "c" decides it.
        assertThat(RpmVersion.parse("1:1.1.1k-6.el8_5")).isGreaterThan(RpmVersion.parse("1:1.1.1c-15.el8"));
        // centos-release has epoch 10: it outranks any epoch-less version.
        assertThat(RpmVersion.parse("10:5-11.el5.centos")).isGreaterThan(RpmVersion.parse("2023c-1.el9"));
        assertThat(RpmVersion.parse("0:1.25.0-1")).isEqualTo(RpmVersion.parse("1.25.0-1"));
        assertThat(RpmVersion.parse("2.5-12.el7").release()).isEqualTo(Optional.of("12.el7"));
    }
}
