package dev.plimsoll.version.gem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.version.InvalidVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The total-order laws for {@link GemVersion#compareTo}, over chains of versions that differ by small edits (so
 * that equal and adjacent versions are common, not just unrelated ones).
 */
class GemOrderProperties {

    @Provide
    Arbitrary<List<GemVersion>> chains() {
        return Arbitraries.randomValue(GemOrderProperties::chain);
    }

    private static List<GemVersion> chain(Random random) {
        GemStrings strings = new GemStrings(random);
        List<GemVersion> chain = new ArrayList<>();
        String text = strings.version();
        while (chain.size() < 8) {
            parse(text).ifPresent(chain::add);
            text = random.nextInt(4) == 0 || chain.isEmpty() ? strings.version()
                : strings.near(chain.get(random.nextInt(chain.size())).raw());
        }
        return chain;
    }

    private static Optional<GemVersion> parse(String text) {
        try {
            return Optional.of(GemVersion.parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 400)
    void reflexiveAndConsistentWithEquals(@ForAll("chains") List<GemVersion> chain) throws Exception {
        for (GemVersion a : chain) {
            assertThat(a.compareTo(a)).isZero();
            assertThat(a.compareTo(GemVersion.parse(a.raw()))).isZero();
            for (GemVersion b : chain) {
                boolean same = a.compareTo(b) == 0;
                assertThat(a.equals(b)).as(a + " equals " + b).isEqualTo(same);
                if (same) {
                    assertThat(a.hashCode()).as(a + " hash " + b).isEqualTo(b.hashCode());
                }
            }
        }
    }

    @Property(tries = 400)
    void antisymmetric(@ForAll("chains") List<GemVersion> chain) {
        for (GemVersion a : chain) {
            for (GemVersion b : chain) {
                assertThat(Integer.signum(a.compareTo(b))).as(a + " vs " + b)
                    .isEqualTo(-Integer.signum(b.compareTo(a)));
            }
        }
    }

    @Property(tries = 400)
    void transitive(@ForAll("chains") List<GemVersion> chain) {
        for (GemVersion a : chain) {
            for (GemVersion b : chain) {
                for (GemVersion c : chain) {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertThat(a.compareTo(c)).as(a + " <= " + b + " <= " + c).isNotPositive();
                    }
                    if (a.compareTo(b) == 0) {
                        assertThat(Integer.signum(a.compareTo(c))).as(a + " == " + b + " vs " + c)
                            .isEqualTo(Integer.signum(b.compareTo(c)));
                    }
                }
            }
        }
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
