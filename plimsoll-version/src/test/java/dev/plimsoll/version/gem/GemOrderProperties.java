package dev.plimsoll.version.gem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.VersionChainProperties;
import dev.plimsoll.version.VersionChains;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The total-order laws for {@link GemVersion#compareTo} (inherited), and RubyGems' own rules, over chains of
 * versions that differ by small edits (so that equal and adjacent versions are common, not just unrelated ones).
 */
class GemOrderProperties extends VersionChainProperties {

    GemOrderProperties() {
        super(GemScheme.INSTANCE);
    }

    @Override
    protected List<GemVersion> chain(Random random) {
        GemStrings strings = new GemStrings(random);
        return VersionChains.chain(random, 8, strings::version, strings::near,
            VersionChains.skippingInvalid(GemScheme.INSTANCE, GemVersion.class));
    }

    @Provide
    Arbitrary<List<GemVersion>> chains() {
        return Arbitraries.randomValue(this::chain);
    }

    @Property(tries = 300)
    void trailingZeroSegmentsNeverChangeTheOrder(@ForAll("chains") List<GemVersion> chain) throws Exception {
        for (GemVersion a : chain) {
            // The raw text, not the normal form: "1--2" normalises to "1.pre..pre.2", which does not parse.
            String core = GemVersion.trimAsciiWhitespace(a.raw());
            GemVersion padded = GemVersion.parse((core.isEmpty() ? "0" : core) + ".0.0");
            assertThat(padded).as(a + ".0.0").isEqualTo(a);
        }
    }

    @Property(tries = 300)
    void pessimisticMeansAtLeastAndBelowTheBump(@ForAll("chains") List<GemVersion> chain) {
        GemVersion bound = chain.get(0);
        GemRequirement requirement = new GemRequirement("~> " + bound,
            List.of(new GemRequirement.Clause(GemOperator.PESSIMISTIC, bound)));
        for (GemVersion v : chain) {
            boolean expected = v.compareTo(bound) >= 0 && v.release().compareTo(bound.bump()) < 0;
            assertThat(requirement.contains(v)).as(v + " in ~> " + bound).isEqualTo(expected);
            // Never above the bump, whatever the letters.
            if (requirement.contains(v)) {
                assertThat(v.compareTo(bound.bump())).isNegative();
            }
        }
    }
}
