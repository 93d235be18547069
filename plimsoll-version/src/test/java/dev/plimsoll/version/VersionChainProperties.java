package dev.plimsoll.version;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The total-order laws of one scheme over {@link VersionChains chains} of versions a few edits apart. A scheme's
 * subclass names the scheme and how a chain is drawn, and adds the properties of its own order.
 */
public abstract class VersionChainProperties {
    private final VersionScheme scheme;

    protected VersionChainProperties(VersionScheme scheme) {
        this.scheme = scheme;
    }

    /** One chain of nearby versions of the scheme. */
    protected abstract List<? extends Version> chain(Random random);

    @Provide
    Arbitrary<List<Version>> lawChains() {
        return Arbitraries.randomValue(random -> List.copyOf(chain(random)));
    }

    @Property(tries = 400)
    void reflexiveAndConsistentWithEquals(@ForAll("lawChains") List<Version> chain) throws InvalidVersionException {
        OrderLaws.reparsesEqual(scheme, chain);
        OrderLaws.reflexiveAndConsistentWithEquals(chain);
    }

    @Property(tries = 400)
    void antisymmetric(@ForAll("lawChains") List<Version> chain) {
        OrderLaws.antisymmetric(chain);
    }

    @Property(tries = 400)
    void transitive(@ForAll("lawChains") List<Version> chain) {
        OrderLaws.transitive(chain);
    }
}
