package dev.plimsoll.match;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.inventory.Inventory;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.vulndb.VulnDb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Matches packages against the vulnerability database: each package's matcher plans the keys to look up, all keys
 * are looked up in one batch, each advisory's ranges are evaluated against the installed version, and the
 * advisories about one vulnerability are merged into one finding with its fix status, severity and enrichment.
 *
 * <p>Holds no state between calls; safe to share when the database is.
 */
public final class MatchEngine {
    private static final Comparator<VulnerabilityFinding> ORDER = Comparator
            .comparing(VulnerabilityFinding::severity, Comparator.reverseOrder())
            .thenComparing(VulnerabilityFinding::ruleId)
            .thenComparing(f -> f.pkg().name())
            .thenComparing(f -> f.pkg().version())
            .thenComparing(f -> f.pkg().purl())
            .thenComparing(f -> f.location().map(l -> l.path()).orElse(""));

    private final VulnDb db;
    private final Matchers matchers;
    private final SchemeSource schemes;

    public MatchEngine(VulnDb db) {
        this(db, Matchers.standard(), SchemeSource.standard());
    }

    public MatchEngine(VulnDb db, Matchers matchers, SchemeSource schemes) {
        this.db = Objects.requireNonNull(db);
        this.matchers = Objects.requireNonNull(matchers);
        this.schemes = Objects.requireNonNull(schemes);
    }

    /** Every package of the inventory, on the inventory's OS. */
    public MatchResult match(Inventory inventory, Target target) {
        return match(inventory.packages().stream().map(p -> Candidate.of(p, inventory.os())).toList(), target);
    }

    /** Packages from anywhere, an SBOM's purls included (see {@code PurlPackages}). */
    public MatchResult match(List<Candidate> candidates, Target target) {
        ProblemLog log = new ProblemLog();
        Map<Candidate, List<Lookup>> planned = new LinkedHashMap<>();
        Map<String, List<String>> unmatchable = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            switch (matchers.plan(c)) {
                case Plan.Lookups l -> planned.merge(c, l.lookups(), (a, b) -> a);
                case Plan.Unmatchable u -> unmatchable.computeIfAbsent(u.reason(), r -> new ArrayList<>())
                        .add(c.name());
            }
        }
        unmatchable.forEach((reason, names) -> log.add(ProblemKind.UNSUPPORTED, Optional.empty(),
                names.size() + " package(s) not matched (" + String.join(", ", names.stream().limit(5).toList())
                        + (names.size() > 5 ? ", …" : "") + "): " + reason));

        Set<PackageKey> keys = new LinkedHashSet<>();
        planned.values().forEach(ls -> ls.forEach(l -> keys.add(l.key())));
        Map<PackageKey, List<Advisory>> found = db.findAll(keys);

        Map<String, Optional<CveFacts>> factsCache = new HashMap<>(); // one lookup per CVE and run
        PackageJudge judge = new PackageJudge(schemes, cve -> factsCache.computeIfAbsent(cve, db::cveFacts));
        List<VulnerabilityFinding> findings = new ArrayList<>();
        planned.forEach((c, lookups) -> {
            List<Hit> hits = new ArrayList<>();
            for (Lookup l : lookups) {
                found.getOrDefault(l.key(), List.of()).forEach(a -> hits.add(new Hit(l, a)));
            }
            if (!hits.isEmpty()) {
                findings.addAll(judge.judge(c, hits, target, log));
            }
        });
        findings.sort(ORDER);
        return new MatchResult(findings, log.all());
    }
}
