package dev.plimsoll.version.pep440;

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
 * The total-order laws for {@link Pep440Version#compareTo}, over chains of versions that differ by small edits
 * (pre/post/dev/local parts added or respelled, zeros padded), so equal and adjacent versions are common.
 */
class Pep440OrderProperties {

    @Provide
    Arbitrary<List<Pep440Version>> chains() {
        return Arbitraries.randomValue(Pep440OrderProperties::chain);
    }

    private static List<Pep440Version> chain(Random random) {
        Pep440Strings strings = new Pep440Strings(random);
        List<Pep440Version> chain = new ArrayList<>();
        String text = strings.version();
        while (chain.size() < 8) {
            parse(text).ifPresent(chain::add);
            text = random.nextInt(4) == 0 || chain.isEmpty() ? strings.version()
                : strings.near(chain.get(random.nextInt(chain.size())).raw());
        }
        return chain;
    }

    private static Optional<Pep440Version> parse(String text) {
        try {
            return Optional.of(Pep440Version.parse(text));
        } catch (InvalidVersionException e) {
            return Optional.empty();
        }
    }

    @Property(tries = 400)
    void reflexiveAndConsistentWithEquals(@ForAll("chains") List<Pep440Version> chain) {
        for (Pep440Version a : chain) {
            assertThat(a.compareTo(a)).isZero();
            for (Pep440Version b : chain) {
                boolean same = a.compareTo(b) == 0;
                assertThat(a.equals(b)).as(a + " equals " + b).isEqualTo(same);
                if (same) {
                    assertThat(a.hashCode()).as(a + " hash " + b).isEqualTo(b.hashCode());
                }
            }
        }
    }

    @Property(tries = 400)
    void antisymmetric(@ForAll("chains") List<Pep440Version> chain) {
        for (Pep440Version a : chain) {
            for (Pep440Version b : chain) {
                assertThat(Integer.signum(a.compareTo(b))).as(a.raw() + " vs " + b.raw())
                    .isEqualTo(-Integer.signum(b.compareTo(a)));
            }
        }
    }

    @Property(tries = 400)
    void transitive(@ForAll("chains") List<Pep440Version> chain) {
        for (Pep440Version a : chain) {
            for (Pep440Version b : chain) {
                for (Pep440Version c : chain) {
                    if (a.compareTo(b) <= 0 && b.compareTo(c) <= 0) {
                        assertThat(a.compareTo(c)).as(a.raw() + " <= " + b.raw() + " <= " + c.raw())
                            .isNotPositive();
                    }
                    if (a.compareTo(b) == 0) {
                        assertThat(Integer.signum(a.compareTo(c))).isEqualTo(Integer.signum(b.compareTo(c)));
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void normalFormIsStableAndEqual(@ForAll("chains") List<Pep440Version> chain) throws Exception {
        for (Pep440Version a : chain) {
            Pep440Version again = Pep440Version.parse(a.normalized());
            assertThat(again.normalized()).isEqualTo(a.normalized());
            // A label spelled with a folded non-ASCII letter prints as its ASCII form, which packaging orders
            // apart (see Pep440ReferenceTest); every other version is equal to its normal form.
            boolean folded = a.pre().map(l -> !List.of("a", "b", "rc").contains(l.letter())).orElse(false)
                || a.post().map(l -> !l.letter().equals("post")).orElse(false);
            if (!folded) {
                assertThat(again).as(a.raw()).isEqualTo(a);
            }
        }
    }

    @Property(tries = 300)
    void inclusiveBoundsAgreeWithTheOrderOnPublicVersions(@ForAll("chains") List<Pep440Version> chain)
            throws Exception {
        Pep440Version bound = chain.get(0).publicVersion();
        Pep440SpecifierSet atLeast = Pep440SpecifierSet.parse(">=" + bound.normalized());
        Pep440SpecifierSet atMost = Pep440SpecifierSet.parse("<=" + bound.normalized());
        for (Pep440Version v : chain) {
            int order = v.publicVersion().compareTo(Pep440Version.parse(bound.normalized()));
            assertThat(atLeast.contains(v)).as(v.raw() + " >= " + bound).isEqualTo(order >= 0);
            assertThat(atMost.contains(v)).as(v.raw() + " <= " + bound).isEqualTo(order <= 0);
        }
    }
}
