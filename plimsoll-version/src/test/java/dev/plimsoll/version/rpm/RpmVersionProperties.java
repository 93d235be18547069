package dev.plimsoll.version.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The total-order laws, on families of nearby versions where the laws are easiest to break. */
class RpmVersionProperties {

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.randomValue(random -> new RpmVersionGenerator(random).version());
    }

    @Provide
    Arbitrary<List<String>> families() {
        return Arbitraries.randomValue(random -> new RpmVersionGenerator(random).family(12));
    }

    @Property(tries = 500)
    void parsingKeepsTheTextAndOrdersItEqualToItself(@ForAll("versions") String text)
        throws InvalidVersionException {
        RpmVersion version = RpmVersion.parse(text);
        RpmVersion again = RpmVersion.parse(text);
        assertThat(version.raw()).isEqualTo(text);
        assertThat(version.compareTo(again)).isZero();
        assertThat(version).isEqualTo(again).hasSameHashCodeAs(again);
    }

    @Property(tries = 300)
    void antisymmetricAndEqualityAgreesWithTheOrder(@ForAll("families") List<String> family)
        throws InvalidVersionException {
        List<RpmVersion> versions = parseAll(family);
        for (RpmVersion a : versions) {
            for (RpmVersion b : versions) {
                int ab = Integer.signum(a.compareTo(b));
                assertThat(Integer.signum(b.compareTo(a))).as("%s vs %s", a, b).isEqualTo(-ab);
                assertThat(a.equals(b)).as("%s equals %s", a, b).isEqualTo(ab == 0);
                if (ab == 0) {
                    assertThat(a.hashCode()).as("hash of %s and %s", a, b).isEqualTo(b.hashCode());
                }
            }
        }
    }

    @Property(tries = 300)
    void transitive(@ForAll("families") List<String> family) throws InvalidVersionException {
        List<RpmVersion> versions = parseAll(family);
        for (RpmVersion a : versions) {
            for (RpmVersion b : versions) {
                for (RpmVersion c : versions) {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertThat(a.compareTo(c)).as("%s <= %s <= %s", a, b, c).isNotPositive();
                    }
                }
            }
        }
    }

    private static List<RpmVersion> parseAll(List<String> texts) throws InvalidVersionException {
        List<RpmVersion> versions = new ArrayList<>();
        for (String text : texts) {
            versions.add(RpmVersion.parse(text));
        }
        return versions;
    }
}
