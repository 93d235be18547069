package dev.plimsoll.match;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.Events;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MatchBasis;
import dev.plimsoll.core.finding.PackageRef;
import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Target;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.match.merge.AliasGroups;
import dev.plimsoll.match.range.Evaluation;
import dev.plimsoll.match.range.RangeEvaluator;
import dev.plimsoll.match.range.Verdict;
import dev.plimsoll.match.severity.Rating;
import dev.plimsoll.match.severity.SeverityResolver;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionScheme;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Judges everything the lookups of one package returned and turns it into findings: one per vulnerability,
 * however many feeds and records name it.
 */
final class PackageJudge {
    private final RangeEvaluator ranges;
    private final SchemeSource schemes;
    private final SeverityResolver severities = new SeverityResolver();
    private final Function<String, Optional<CveFacts>> facts;

    PackageJudge(SchemeSource schemes, Function<String, Optional<CveFacts>> facts) {
        this.ranges = new RangeEvaluator(schemes);
        this.schemes = schemes;
        this.facts = facts;
    }

    /** An advisory with its verdict for this package. */
    private record Judged(Hit hit, Verdict verdict) {
        Advisory advisory() {
            return hit.advisory();
        }
    }

    List<VulnerabilityFinding> judge(Candidate c, List<Hit> hits, Target target, ProblemLog log) {
        // A withdrawn record never matches, and it wins over any copy of itself from the same feed that is not
        // marked so (an older snapshot of the record).
        Set<String> withdrawn = new java.util.HashSet<>();
        hits.stream().filter(h -> h.advisory().withdrawn())
                .forEach(h -> withdrawn.add(h.advisory().source() + " " + h.advisory().id()));
        List<Hit> live = hits.stream()
                .filter(h -> !withdrawn.contains(h.advisory().source() + " " + h.advisory().id()))
                .sorted(HIT_ORDER).toList();
        List<Judged> judged = new ArrayList<>();
        boolean cannotCompare = false;
        for (Hit h : live) {
            Advisory a = h.advisory();
            Evaluation e = ranges.evaluate(a.pkg().ecosystem(), h.lookup().version(), effectiveRanges(a),
                    a.versions());
            for (String problem : e.advisoryProblems()) {
                log.advisory("advisory " + a.id() + " (" + a.source() + ") for " + a.pkg().asText() + ": " + problem);
            }
            if (e.verdict() instanceof Verdict.CannotCompare cc && !(a.fix() instanceof FixState.NotAffected)) {
                if (!cannotCompare) {
                    log.add(ProblemKind.UNSUPPORTED, c.location().map(l -> l.path()), c.name() + " " + c.version()
                            + ": " + cc.reason() + "; its advisories are reported as cannot-compare findings");
                }
                cannotCompare = true;
            }
            judged.add(new Judged(h, e.verdict()));
        }
        // Most packages of a scan are affected by none of their records: nothing to group then.
        if (judged.stream().noneMatch(PackageJudge::claimsAffected)) {
            return List.of();
        }

        List<AliasGroups.Ids> ids = judged.stream()
                .map(j -> new AliasGroups.Ids(j.advisory().id(), j.advisory().aliases())).toList();
        List<VulnerabilityFinding> findings = new ArrayList<>();
        for (AliasGroups.Group group : AliasGroups.of(ids)) {
            List<Judged> members = group.members().stream().map(judged::get).toList();
            if (members.stream().anyMatch(PackageJudge::distroSaysNotAffected)) {
                continue; // the distribution's own statement about this package in this release wins
            }
            List<Judged> claims = members.stream().filter(PackageJudge::claimsAffected).toList();
            if (!claims.isEmpty()) {
                findings.add(finding(c, group, claims, target, log));
            }
        }
        return findings;
    }

    /** Distribution feeds first (they speak for the package as built there), then GitHub's reviewed data. */
    private static final Comparator<Hit> HIT_ORDER = Comparator
            .comparingInt((Hit h) -> rank(h.advisory()))
            .thenComparing(h -> h.advisory().source())
            .thenComparing(h -> h.advisory().id())
            .thenComparing(h -> h.lookup().basis());

    private static int rank(Advisory a) {
        if (a.pkg().distro().isPresent()) {
            return 0;
        }
        return a.source().equalsIgnoreCase("ghsa") || a.id().startsWith("GHSA-") ? 1 : 2;
    }

    /** A record that says the package is (or may be) affected: the only kind that makes a finding. */
    private static boolean claimsAffected(Judged j) {
        return !(j.advisory().fix() instanceof FixState.NotAffected) && !(j.verdict() instanceof Verdict.NotAffected);
    }

    private static boolean distroSaysNotAffected(Judged j) {
        return j.advisory().fix() instanceof FixState.NotAffected && j.advisory().pkg().distro().isPresent()
                && j.verdict() instanceof Verdict.Affected;
    }

    /**
     * The ranges to evaluate. A record that gives only fixed versions (no ranges, no version list: a secdb or
     * tracker entry for one release) is read as affected below its highest fixed version. Taking "no ranges"
     * literally (every version) would report fixed packages; and within one release a package follows one line,
     * so a CVE listed at two of its versions was fixed, lost in an upgrade and fixed again (Alpine's secdb lists
     * CVE-2019-5747 under busybox 1.29.3-r10 and 1.30.1-r2): the later fix is the one that counts.
     */
    List<AffectedRange> effectiveRanges(Advisory a) {
        if (a.ranges().isEmpty() && a.versions().isEmpty() && a.fix() instanceof FixState.Fixed fixed) {
            String highest = schemes.forEcosystem(a.pkg().ecosystem())
                    .map(scheme -> new Order(scheme, false).ascending(fixed.versions()))
                    .orElse(fixed.versions()).getLast();
            return List.of(new Events(RangeType.ECOSYSTEM, List.of(new Event(EventKind.INTRODUCED, "0"),
                    new Event(EventKind.FIXED, highest))));
        }
        return a.ranges();
    }

    private VulnerabilityFinding finding(Candidate c, AliasGroups.Group group, List<Judged> claims, Target target,
                                         ProblemLog log) {
        List<Judged> affected = claims.stream().filter(j -> j.verdict() instanceof Verdict.Affected).toList();
        List<Judged> basisFrom = affected.isEmpty() ? claims : affected;
        List<Advisory> ranked = basisFrom.stream().map(Judged::advisory).toList();

        Status status = affected.isEmpty()
                ? new Status(FixStatus.CANNOT_COMPARE, ((Verdict.CannotCompare) claims.getFirst().verdict()).reason(),
                List.of())
                : status(affected);

        Optional<String> cve = group.cve();
        Optional<CveFacts> cveFacts = cve.flatMap(facts);
        Rating rating = severities.rate(ranked, c.ecosystem().isOs(), cveFacts);
        rating.problems().forEach(p -> log.advisory(String.join(", ", ranked.stream().map(Advisory::id)
                .distinct().toList()) + ": " + p));

        String id = cve.orElseGet(() -> group.ids().stream().filter(x -> x.startsWith("GHSA-")).findFirst()
                .orElse(ranked.getFirst().id()));
        List<String> aliases = group.ids().stream().filter(x -> !x.equals(id)).sorted().toList();
        String title = ranked.stream().map(Advisory::title).filter(t -> !t.isBlank()).findFirst()
                .or(() -> cveFacts.flatMap(CveFacts::description).map(PackageJudge::firstLine))
                .orElse(id);
        Set<URI> references = new LinkedHashSet<>();
        ranked.forEach(a -> references.addAll(a.references()));
        List<String> sources = new TreeSet<>(ranked.stream().map(Advisory::source).toList()).stream().toList();
        MatchBasis basis = c.fromSbom() ? MatchBasis.SBOM
                : basisFrom.stream().anyMatch(j -> j.hit().lookup().basis() == MatchBasis.DIRECT)
                ? MatchBasis.DIRECT : MatchBasis.SOURCE_PACKAGE;

        return new VulnerabilityFinding(RuleId.of(id), aliases, title, rating.severity(), rating.source(), target,
                c.location(), new PackageRef(c.name(), c.version(), c.ecosystem(), c.purl()), status.status(),
                status.reason(), status.fixedVersions(), rating.cvss(),
                cveFacts.map(CveFacts::knownExploited).orElse(false),
                cveFacts.map(CveFacts::epss).orElse(OptionalDouble.empty()), basis, sources,
                List.copyOf(references));
    }

    private record Status(FixStatus status, String reason, List<String> fixedVersions) {
    }

    /** The most actionable status any feed gives: a fix beats none, none beats a decision not to fix. */
    private Status status(List<Judged> affected) {
        List<String> closing = new ArrayList<>();
        List<Status> each = new ArrayList<>();
        for (Judged j : affected) {
            Status s = statusOf(j);
            each.add(s);
            if (s.status() == FixStatus.FIXED) {
                ((Verdict.Affected) j.verdict()).closingFix().filter(s.fixedVersions()::contains)
                        .filter(f -> !closing.contains(f)).ifPresent(closing::add);
            }
        }
        Status best = each.stream().min(Comparator.comparingInt(s -> PRIORITY.indexOf(s.status()))).orElseThrow();
        if (best.status() != FixStatus.FIXED) {
            return best;
        }
        // The fixes of the installed version's own branch first (the fixed event closing its range), then the rest
        // ascending: what to upgrade to is the first.
        List<String> fixes = each.stream().filter(s -> s.status() == FixStatus.FIXED)
                .flatMap(s -> s.fixedVersions().stream()).distinct().toList();
        Set<String> ordered = new LinkedHashSet<>(closing);
        ordered.addAll(orderOf(affected.getFirst().advisory()).map(o -> o.ascending(fixes)).orElse(fixes));
        return new Status(FixStatus.FIXED, "", List.copyOf(ordered));
    }

    private static final List<FixStatus> PRIORITY = List.of(FixStatus.FIXED, FixStatus.NOT_FIXED,
            FixStatus.WONT_FIX, FixStatus.END_OF_LIFE, FixStatus.DISPUTED);

    private Status statusOf(Judged j) {
        Advisory a = j.advisory();
        return switch (a.fix()) {
            case FixState.WontFix w -> new Status(wontFix(w.reason()), w.reason(), List.of());
            case FixState.NotFixed n -> fixesAbove(j, List.of())
                    .map(f -> new Status(FixStatus.FIXED, "", f))
                    .orElse(new Status(FixStatus.NOT_FIXED, "", List.of()));
            case FixState.Fixed f -> fixesAbove(j, f.versions())
                    .map(v -> new Status(FixStatus.FIXED, "", v))
                    // fixed only in lines below the installed version: no upgrade fixes it
                    .orElse(new Status(FixStatus.NOT_FIXED, "", List.of()));
            case FixState.NotAffected n -> throw new IllegalStateException("not-affected statements claim nothing");
        };
    }

    static FixStatus wontFix(String reason) {
        return switch (reason.trim().toLowerCase(Locale.ROOT)) {
            case "end-of-life", "eol", "end of life" -> FixStatus.END_OF_LIFE;
            case "disputed" -> FixStatus.DISPUTED;
            default -> FixStatus.WONT_FIX;
        };
    }

    /**
     * The versions that fix the installed one: the fix state's and the ranges' fixed versions that lie above it
     * and that the advisory itself does not call affected (Alpine's earlier fix of a CVE that a later upgrade lost
     * is no fix). Empty when there are none. When the installed version cannot be ordered, every fix is kept.
     */
    private Optional<List<String>> fixesAbove(Judged j, List<String> stated) {
        Advisory a = j.advisory();
        List<AffectedRange> effective = effectiveRanges(a);
        Set<String> all = new LinkedHashSet<>(stated);
        for (AffectedRange r : effective) {
            if (r instanceof Events e) {
                e.events().stream().filter(ev -> ev.kind() == EventKind.FIXED).forEach(ev -> all.add(ev.version()));
            }
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Optional<Order> order = orderOf(a);
        Optional<Version> installed = order.flatMap(o -> o.parse(j.hit().lookup().version()));
        if (installed.isEmpty()) {
            return Optional.of(List.copyOf(all));
        }
        List<String> above = new ArrayList<>();
        for (String f : all) {
            Optional<Version> v = order.get().parse(f);
            if (v.isEmpty()) {
                above.add(f); // an unparseable fix is kept: better shown than hidden
            } else if (v.get().compareTo(installed.get()) > 0 && !(ranges.evaluate(a.pkg().ecosystem(), f,
                    effective, a.versions()).verdict() instanceof Verdict.Affected)) {
                above.add(f);
            }
        }
        return above.isEmpty() ? Optional.empty() : Optional.of(above);
    }

    /**
     * The order an advisory's versions are compared in: SemVer when all its ranges are SEMVER (Go's data, whose
     * fixed versions are "0.3.8" while modules are "v0.3.7"), else the ecosystem's scheme.
     */
    private Optional<Order> orderOf(Advisory a) {
        boolean semver = !a.ranges().isEmpty() && a.ranges().stream()
                .allMatch(r -> r instanceof Events e && e.type() == RangeType.SEMVER);
        return semver ? schemes.semver().map(s -> new Order(s, true))
                : schemes.forEcosystem(a.pkg().ecosystem()).map(s -> new Order(s, false));
    }

    private record Order(VersionScheme scheme, boolean semver) {
        Optional<Version> parse(String text) {
            try {
                return Optional.of(scheme.parse(semver ? RangeEvaluator.withoutVPrefix(text) : text));
            } catch (InvalidVersionException e) {
                return Optional.empty();
            }
        }

        /** Sorted ascending where they parse; unparseable ones last, in their order. */
        List<String> ascending(List<String> versions) {
            List<String> sorted = new ArrayList<>(versions);
            sorted.sort(Comparator.comparing(this::parse,
                    (x, y) -> x.isPresent() && y.isPresent() ? x.get().compareTo(y.get())
                            : Boolean.compare(x.isEmpty(), y.isEmpty())));
            return sorted;
        }
    }

    private static String firstLine(String description) {
        String line = description.strip().lines().findFirst().orElse("");
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
