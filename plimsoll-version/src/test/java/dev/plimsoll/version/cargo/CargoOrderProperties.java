package dev.plimsoll.version.cargo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
import dev.plimsoll.version.VersionChains;
import dev.plimsoll.version.semver.SemverGenerator;
import dev.plimsoll.version.semver.SemverVersion;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Total-order laws of Cargo versions, and the ties between requirements and the order. */
class CargoOrderProperties {

    @Provide
    Arbitrary<List<CargoVersion>> chains() {
        return Arbitraries.randomValue(CargoOrderProperties::chain);
    }

    private static List<CargoVersion> chain(Random random) {
        SemverGenerator generator = new SemverGenerator(random);
        return VersionChains.chain(random, 10, generator::version, generator::near, text -> {
            try {
                return Optional.of(CargoVersion.parse(text));
            } catch (InvalidVersionException e) {
                // Only numbers past 2^64 are refused; the generator makes a few on purpose.
                assertThat(text).contains("18446744073709551616");
                return Optional.empty();
            }
        });
    }

    @Property(tries = 300)
    void totalOrder(@ForAll("chains") List<CargoVersion> chain) throws InvalidVersionException {
        OrderLaws.check(CargoScheme.INSTANCE, chain);
    }

    @Property(tries = 200)
    void orderIsStrictSemverPrecedence(@ForAll("chains") List<CargoVersion> chain) throws InvalidVersionException {
        for (CargoVersion a : chain) {
            for (CargoVersion b : chain) {
                assertThat(a.compareTo(b)).isEqualTo(SemverVersion.parse(a.raw()).compareTo(
                    SemverVersion.parse(b.raw())));
            }
        }
    }

    /** Full-version comparators follow the order, once the pre-release rule has admitted the version. */
    @Property(tries = 200)
    void comparatorsFollowTheOrder(@ForAll("chains") List<CargoVersion> chain) throws InvalidVersionException {
        for (CargoVersion bound : chain) {
            for (CargoVersion v : chain) {
                int order = v.compareTo(bound);
                boolean admitted = !v.isPrerelease() || bound.isPrerelease() && v.major().equals(bound.major())
                    && v.minor().equals(bound.minor()) && v.patch().equals(bound.patch());
                assertThat(matches(">=" + bound, v)).as(">=" + bound + " " + v).isEqualTo(admitted && order >= 0);
                assertThat(matches("<" + bound, v)).as("<" + bound + " " + v).isEqualTo(admitted && order < 0);
                assertThat(matches("=" + bound, v)).as("=" + bound + " " + v).isEqualTo(admitted && order == 0);
                assertThat(matches(">=" + bound + ", <=" + bound, v)).isEqualTo(admitted && order == 0);
            }
        }
    }

    private static boolean matches(String requirement, CargoVersion version) throws InvalidVersionException {
        return CargoRequirement.parse(requirement).matches(version);
    }
}
