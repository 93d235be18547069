package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.inventory.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The report order, however it is computed: most severe first, then id, target, file and fingerprint. */
class FindingsOrderProperties {

    @Property(tries = 300)
    void packedAndComparatorSortsGiveTheDefinedOrder(@ForAll("findings") List<Finding> findings) {
        List<Finding> expected = new ArrayList<>(findings);
        expected.sort(Comparator.comparing((Finding f) -> f.severity().ordinal()).reversed()
                .thenComparing(Finding::ruleId)
                .thenComparing(f -> f.target().name())
                .thenComparing(f -> f.location().map(Location::path).orElse(""))
                .thenComparing(f -> f.fingerprint().value()));

        assertThat(Findings.sorted(findings)).containsExactlyElementsOf(expected);
        assertThat(Findings.sorted(findings, 0)).containsExactlyElementsOf(expected);
    }

    @Provide
    Arbitrary<List<Finding>> findings() {
        Arbitrary<RuleId> ids = Arbitraries.of("CIS-DOCKER-5.9", "CIS-DOCKER-5.10", "CIS-DOCKER-4.1", "K8S-2",
                "K8S-privileged", "CVE-2024-0001", "CVE-2024-10000").map(RuleId::of);
        Arbitrary<Target> targets = Arbitraries.of("web", "db", "Deployment/a/b/c (k8s.yaml)", "z", "é")
                .map(name -> new Target(Target.Kind.CONTAINER, name));
        Arbitrary<Optional<Location>> paths = Arbitraries.of("", "a.yaml", "b/c.yaml", "compose.yaml")
                .map(p -> p.isEmpty() ? Optional.<Location>empty() : Optional.of(Location.of(p)));
        Arbitrary<Finding> finding = Combinators.combine(ids, Arbitraries.of(Severity.class), targets, paths,
                        Arbitraries.of(ComplianceFinding.Outcome.class))
                .as((id, severity, target, path, outcome) -> new ComplianceFinding(id, "title", severity, target,
                        path, outcome, "evidence", Optional.empty(), List.of()));
        // Duplicates tie on every key, fingerprint included: their order must stay as given.
        return finding.list().ofMaxSize(200).map(list -> {
            List<Finding> withTwins = new ArrayList<>(list);
            for (int i = 0; i < list.size(); i += 7) {
                withTwins.add(list.get(i));
            }
            return withTwins;
        });
    }
}
