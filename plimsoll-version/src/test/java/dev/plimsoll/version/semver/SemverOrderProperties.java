package dev.plimsoll.version.semver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
import dev.plimsoll.version.VersionChains;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Total-order laws of strict SemVer precedence, over chains of versions a few edits apart. */
class SemverOrderProperties {

    @Provide
    Arbitrary<List<SemverVersion>> chains() {
        return Arbitraries.randomValue(SemverOrderProperties::chain);
    }

    static List<SemverVersion> chain(Random random) {
        SemverGenerator generator = new SemverGenerator(random);
        return VersionChains.chain(random, 10, generator::version, generator::near, text -> {
            try {
                return Optional.of(SemverVersion.parse(text));
            } catch (InvalidVersionException e) {
                throw new AssertionError("generator made an invalid version " + text, e);
            }
        });
    }

    @Property(tries = 300)
    void totalOrder(@ForAll("chains") List<SemverVersion> chain) throws InvalidVersionException {
        OrderLaws.check(SemverScheme.INSTANCE, chain);
    }

    @Property(tries = 300)
    void buildMetadataAndPrefixNeverChangeTheOrder(@ForAll("chains") List<SemverVersion> chain)
            throws InvalidVersionException {
        for (SemverVersion v : chain) {
            SemverVersion decorated = SemverVersion.parse("v" + v + "+build.7");
            assertThat(decorated).isEqualTo(v);
            assertThat(decorated.compareTo(v)).isZero();
        }
    }

    @Property(tries = 300)
    void aPrereleaseSortsBelowItsReleaseAndAboveTheReleaseBefore(@ForAll("chains") List<SemverVersion> chain)
            throws InvalidVersionException {
        for (SemverVersion v : chain) {
            if (v.isPrerelease()) {
                SemverVersion release = SemverVersion.parse(v.major() + "." + v.minor() + "." + v.patch());
                assertThat(v.compareTo(release)).isNegative();
                if (v.patch().signum() > 0) {
                    SemverVersion before = SemverVersion.parse(v.major() + "." + v.minor() + "."
                        + v.patch().subtract(java.math.BigInteger.ONE));
                    assertThat(v.compareTo(before)).isPositive();
                }
            }
        }
    }
}
