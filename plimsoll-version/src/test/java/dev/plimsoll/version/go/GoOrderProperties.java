package dev.plimsoll.version.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The order on Go versions is a total order, and equality and hashing agree with it. */
class GoOrderProperties {

    @Property(tries = 2000)
    void antisymmetricAndConsistentWithEquals(@ForAll("versions") GoVersion a, @ForAll("versions") GoVersion b) {
        OrderLaws.pair(a, b);
    }

    @Property(tries = 300)
    void transitive(@ForAll("versionLists") List<GoVersion> versions) {
        OrderLaws.ascendOnceSorted(versions, GoVersion::toString);
    }

    /** Dropping the "v" (OSV's form) never changes the order. */
    @Property(tries = 1000)
    void bareFormOrdersLikeModuleForm(@ForAll("versions") GoVersion v) throws InvalidVersionException {
        assertThat(GoVersion.parse(v.raw().substring(1)).compareTo(v)).isZero();
    }

    @Provide
    Arbitrary<GoVersion> versions() {
        return Arbitraries.randomValue(random -> {
            GoStrings strings = new GoStrings(random);
            while (true) {
                try {
                    return GoVersion.parse(strings.version());
                } catch (InvalidVersionException e) {
                    // malformed text: draw again
                }
            }
        });
    }

    @Provide
    Arbitrary<List<GoVersion>> versionLists() {
        return versions().list().ofMinSize(2).ofMaxSize(30);
    }
}
