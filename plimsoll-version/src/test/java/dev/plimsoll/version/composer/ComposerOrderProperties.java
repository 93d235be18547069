package dev.plimsoll.version.composer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The order on Composer versions is a total order, and equality and hashing agree with it. */
class ComposerOrderProperties {

    @Property(tries = 2000)
    void antisymmetricAndConsistentWithEquals(@ForAll("versions") ComposerVersion a, @ForAll("versions") ComposerVersion b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(-Integer.signum(b.compareTo(a)));
        assertThat(a.equals(b)).isEqualTo(a.compareTo(b) == 0);
        if (a.equals(b)) {
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
        assertThat(a.compareTo(a)).isZero();
    }

    /** Sorting then checking every pair catches intransitive triples that random triples would rarely hit. */
    @Property(tries = 300)
    void transitive(@ForAll("versionLists") @Size(min = 2, max = 30) List<ComposerVersion> versions) {
        List<ComposerVersion> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                assertThat(sorted.get(i).compareTo(sorted.get(j)))
                    .as(sorted.get(i).normalized() + " <= " + sorted.get(j).normalized()).isLessThanOrEqualTo(0);
            }
        }
    }

    @Provide
    Arbitrary<ComposerVersion> versions() {
        return Arbitraries.randomValue(random -> {
            ComposerStrings strings = new ComposerStrings(random);
            while (true) {
                try {
                    return ComposerVersion.parse(strings.version());
                } catch (InvalidVersionException e) {
                    // not a version (a branch or malformed text): draw again
                }
            }
        });
    }

    @Provide
    Arbitrary<List<ComposerVersion>> versionLists() {
        return versions().list().ofMinSize(2).ofMaxSize(30);
    }
}
