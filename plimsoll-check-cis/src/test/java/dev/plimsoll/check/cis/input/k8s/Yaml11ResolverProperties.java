package dev.plimsoll.check.cis.input.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The fast path changes no tag: every value resolves as SnakeYAML's own resolver resolves it. */
class Yaml11ResolverProperties {
    private final Resolver stock = new Resolver();
    private final Resolver fast = new Yaml11Resolver();

    @Property(tries = 3_000)
    void resolvesEveryScalarAsTheStockResolver(@ForAll("scalars") String value) {
        for (boolean implicit : new boolean[] {true, false}) {
            for (NodeId kind : NodeId.values()) {
                assertThat(fast.resolve(kind, value, implicit)).as("%s %s %s", kind, value, implicit)
                        .isEqualTo(stock.resolve(kind, value, implicit));
            }
        }
    }

    @Provide
    Arbitrary<String> scalars() {
        Arbitrary<String> special = Arbitraries.of("", "~", "null", "Null", "NULL", "true", "True", "yes", "Yes",
                "no", "NO", "on", "Off", "y", "n", "0644", "0x1F", "0b101", "190:20:30", "-12", "+3", "1_000",
                ".5", "1e3", ".inf", "-.Inf", ".NaN", "2001-12-14t21:59:43.10-05:00", "2002-12-14", "<<", "=",
                "!tag", "&anchor", "*alias", "name", "Deployment", "é", "\u2028", " leading", "500m", "256Mi");
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<String> yamlish = Arbitraries.strings().withChars("yYnNtTfFoO0123456789.-+_:<~=!&*eExXbB aé")
                .ofMaxLength(12);
        return Arbitraries.oneOf(special, any, yamlish);
    }
}
