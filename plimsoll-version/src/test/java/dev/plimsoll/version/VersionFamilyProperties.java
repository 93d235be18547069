package dev.plimsoll.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The total-order laws of one scheme, on families of nearby versions where the laws are easiest to break. A
 * scheme's subclass names the scheme and its {@link MutatingVersionGenerator}; the properties are run for each.
 */
public abstract class VersionFamilyProperties {
    private final VersionScheme scheme;
    private final Function<Random, ? extends MutatingVersionGenerator> generators;

    protected VersionFamilyProperties(VersionScheme scheme,
            Function<Random, ? extends MutatingVersionGenerator> generators) {
        this.scheme = scheme;
        this.generators = generators;
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.randomValue(random -> generators.apply(random).version());
    }

    @Provide
    Arbitrary<List<String>> families() {
        return Arbitraries.randomValue(random -> generators.apply(random).family(12));
    }

    @Property(tries = 500)
    void parsingKeepsTheTextAndOrdersItEqualToItself(@ForAll("versions") String text)
            throws InvalidVersionException {
        OrderLaws.parsesStably(scheme, text);
    }

    @Property(tries = 300)
    void antisymmetricAndEqualityAgreesWithTheOrder(@ForAll("families") List<String> family)
            throws InvalidVersionException {
        List<Version> versions = parseAll(family);
        OrderLaws.antisymmetric(versions);
        OrderLaws.reflexiveAndConsistentWithEquals(versions);
    }

    @Property(tries = 300)
    void transitive(@ForAll("families") List<String> family) throws InvalidVersionException {
        OrderLaws.transitive(parseAll(family));
    }

    private List<Version> parseAll(List<String> texts) throws InvalidVersionException {
        List<Version> versions = new ArrayList<>();
        for (String text : texts) {
            versions.add(scheme.parse(text));
        }
        return versions;
    }
}
