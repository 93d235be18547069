package dev.plimsoll.version.composer;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
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
        OrderLaws.pair(a, b);
    }

    @Property(tries = 300)
    void transitive(@ForAll("versionLists") @Size(min = 2, max = 30) List<ComposerVersion> versions) {
        OrderLaws.ascendOnceSorted(versions, ComposerVersion::normalized);
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
