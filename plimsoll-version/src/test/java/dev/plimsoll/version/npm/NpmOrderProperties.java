package dev.plimsoll.version.npm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.OrderLaws;
import dev.plimsoll.version.VersionChains;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Total-order laws of the npm order over loosely read versions (prefixes, leading zeros, hyphenless
 * pre-releases, numbers past 2^53 in pre-releases, where node-semver itself is not transitive), and the laws that
 * tie ranges to the order.
 */
class NpmOrderProperties {

    @Provide
    Arbitrary<List<NpmVersion>> chains() {
        return Arbitraries.randomValue(NpmOrderProperties::chain);
    }

    private static List<NpmVersion> chain(Random random) {
        SemverStrings strings = new SemverStrings(random);
        // Malformed strings are part of the generator's mix; only readable ones join the chain.
        return VersionChains.chain(random, 10, strings::version, strings::near,
            VersionChains.skippingInvalid(NpmScheme.INSTANCE, NpmVersion.class));
    }

    @Property(tries = 300)
    void totalOrder(@ForAll("chains") List<NpmVersion> chain) throws InvalidVersionException {
        OrderLaws.check(NpmScheme.INSTANCE, chain);
    }

    @Property(tries = 100)
    void primitiveComparatorsFollowTheOrderWhenPrereleasesAreIncluded(@ForAll("chains") List<NpmVersion> chain)
            throws InvalidVersionException {
        for (NpmVersion bound : chain) {
            for (NpmVersion v : chain) {
                int order = v.compareTo(bound);
                assertThat(range("<" + bound.normalized()).test(v)).isEqualTo(order < 0);
                assertThat(range("<=" + bound.normalized()).test(v)).isEqualTo(order <= 0);
                assertThat(range(">" + bound.normalized()).test(v)).isEqualTo(order > 0);
                assertThat(range(">=" + bound.normalized()).test(v)).isEqualTo(order >= 0);
                assertThat(range("=" + bound.normalized()).test(v)).isEqualTo(order == 0);
            }
        }
    }

    /**
     * includePrerelease only ever adds pre-releases, with one exception from node-semver kept here: "&gt;=0.0.0"
     * stands for any version in the default mode but is a real bound with includePrerelease, so
     * "&gt;=0.0.0 &lt;0.0.0-beta" admits 0.0.0-alpha by default and not with includePrerelease. Ranges with that
     * comparator are left out.
     */
    @Property(tries = 100)
    void theDefaultModeOnlyEverRemovesPrereleases(@ForAll("chains") List<NpmVersion> chain)
            throws InvalidVersionException {
        for (NpmVersion low : chain) {
            for (NpmVersion high : chain) {
                if (low.normalized().equals("0.0.0")) {
                    continue;
                }
                String text = ">=" + low.normalized() + " <" + high.normalized() + " || ~" + high.normalized();
                NpmRange included;
                NpmRange standard;
                try {
                    included = NpmRange.parse(text, NpmRangeOptions.INCLUDE_PRERELEASE);
                    standard = NpmRange.parse(text, NpmRangeOptions.DEFAULT);
                } catch (InvalidVersionException e) {
                    // "~" bumps the minor: a minor of 2^53-1 has no successor within node-semver's limit.
                    assertThat(high.minor()).isEqualTo(NpmVersion.MAX_SAFE_INTEGER);
                    continue;
                }
                for (NpmVersion v : chain) {
                    if (standard.test(v)) {
                        assertThat(included.test(v)).as(v + " in " + text).isTrue();
                    }
                    if (!v.isPrerelease()) {
                        assertThat(standard.test(v)).as(v + " in " + text).isEqualTo(included.test(v));
                    }
                }
            }
        }
    }

    private static NpmRange range(String text) throws InvalidVersionException {
        return NpmRange.parse(text, NpmRangeOptions.INCLUDE_PRERELEASE);
    }
}
