package dev.plimsoll.version.pep440;

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
 * The total-order laws for {@link Pep440Version#compareTo} (inherited), and PEP 440's own rules, over chains of
 * versions that differ by small edits (pre/post/dev/local parts added or respelled, zeros padded), so equal and
 * adjacent versions are common.
 */
class Pep440OrderProperties extends VersionChainProperties {

    Pep440OrderProperties() {
        super(Pep440Scheme.INSTANCE);
    }

    @Override
    protected List<Pep440Version> chain(Random random) {
        Pep440Strings strings = new Pep440Strings(random);
        return VersionChains.chain(random, 8, strings::version, strings::near,
            VersionChains.skippingInvalid(Pep440Scheme.INSTANCE, Pep440Version.class));
    }

    @Provide
    Arbitrary<List<Pep440Version>> chains() {
        return Arbitraries.randomValue(this::chain);
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
