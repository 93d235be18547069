package dev.plimsoll.match.range;

import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.AffectedRange.Constraint;
import dev.plimsoll.core.advisory.AffectedRange.Event;
import dev.plimsoll.core.advisory.AffectedRange.EventKind;
import dev.plimsoll.core.advisory.AffectedRange.Events;
import dev.plimsoll.core.advisory.AffectedRange.RangeType;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.match.SchemeSource;
import dev.plimsoll.version.InvalidVersionException;
import dev.plimsoll.version.Version;
import dev.plimsoll.version.VersionConstraint;
import dev.plimsoll.version.VersionScheme;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an installed version lies in an advisory's affected ranges, following the OSV specification's
 * evaluation algorithm: a version is affected when it is listed in {@code versions} or lies in any range. Events
 * ranges are sorted by version and walked (introduced sets, fixed and a passed last_affected clear), and limits
 * bound the range from above; SEMVER ranges use strict SemVer, ECOSYSTEM ranges the package's own scheme. Native
 * constraints are evaluated by the syntax's scheme, negated ones (RubySec's patched/unaffected lists) inverted.
 *
 * <p>Thread-safe. Parsed versions are memoised: the advisories of one package list the same versions again and
 * again (PyPI and Go records enumerate every affected release), and parsing, not comparing, is what costs.
 */
public final class RangeEvaluator {
    /** Enough for the versions of every advisory of a large scan; cleared whole when full, so memory stays bounded. */
    private static final int MEMO_LIMIT = 200_000;

    private final SchemeSource schemes;
    private final java.util.concurrent.ConcurrentHashMap<String,
            java.util.concurrent.ConcurrentHashMap<String, Object>> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    public RangeEvaluator(SchemeSource schemes) {
        this.schemes = Objects.requireNonNull(schemes);
    }

    /**
     * @param ecosystem the advisory's ecosystem, whose scheme orders ECOSYSTEM ranges and explicit versions
     * @param installed the installed version as the matcher chose it
     * @param ranges    the advisory's ranges; with {@code versions} both empty, every version is affected
     * @param versions  explicit affected versions, distinct and in text order as {@link
     *                  dev.plimsoll.core.advisory.Advisory#versions()} keeps them (looked up by binary search)
     */
    public Evaluation evaluate(Ecosystem ecosystem, String installed, List<AffectedRange> ranges,
                               List<String> versions) {
        if (ranges.isEmpty() && versions.isEmpty()) {
            return new Evaluation(new Verdict.Affected(Optional.empty()), List.of());
        }
        List<String> problems = new ArrayList<>();
        Optional<String> cannotCompare = Optional.empty();

        // Ranges first: they decide most packages without parsing the (often long) explicit version lists.
        for (AffectedRange range : ranges) {
            Outcome outcome = switch (range) {
                case Events e -> inEvents(ecosystem, installed, e, problems);
                case Constraint c -> inConstraint(installed, c, problems);
            };
            switch (outcome) {
                case Outcome.Hit hit -> {
                    return new Evaluation(new Verdict.Affected(hit.closingFix()), problems);
                }
                case Outcome.Unknown u -> cannotCompare = cannotCompare.or(() -> Optional.of(u.reason()));
                case Outcome.Miss m -> {
                }
            }
        }
        if (!versions.isEmpty()) {
            // Where ranges exist and placed the version, the list only enumerates them (OSV): text equality is
            // enough. The scheme's own equality is needed when nothing else decides (GIT-only records).
            boolean rangesDecided = !ranges.isEmpty() && cannotCompare.isEmpty();
            Outcome listed = rangesDecided
                    ? (listed(versions, installed) ? new Outcome.Hit(Optional.empty()) : MISS)
                    : inVersions(ecosystem, installed, versions, problems);
            if (listed instanceof Outcome.Hit) {
                return new Evaluation(new Verdict.Affected(Optional.empty()), problems);
            }
            if (listed instanceof Outcome.Unknown u && ranges.isEmpty()) {
                cannotCompare = Optional.of(u.reason());
            }
        }
        Verdict verdict = cannotCompare.<Verdict>map(Verdict.CannotCompare::new).orElse(new Verdict.NotAffected());
        return new Evaluation(verdict, problems);
    }

    private static boolean listed(List<String> sortedVersions, String version) {
        return java.util.Collections.binarySearch(sortedVersions, version) >= 0;
    }

    /** The scheme's parse, memoised; an invalid version is memoised as its exception, thrown again. */
    private Version parse(VersionScheme scheme, String raw) throws InvalidVersionException {
        // One map per scheme: a composite key would cost a concatenation and a longer hash on every lookup.
        java.util.concurrent.ConcurrentHashMap<String, Object> memo =
                parsed.computeIfAbsent(scheme.id(), k -> new java.util.concurrent.ConcurrentHashMap<>());
        Object known = memo.get(raw);
        if (known == null) {
            try {
                known = scheme.parse(raw);
            } catch (InvalidVersionException e) {
                known = e;
            }
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            memo.put(raw, known);
        }
        if (known instanceof InvalidVersionException e) {
            throw e;
        }
        return (Version) known;
    }

    /** One range's answer: in it, not in it, or the installed version cannot be placed. */
    private sealed interface Outcome {
        record Hit(Optional<String> closingFix) implements Outcome {
        }

        record Miss() implements Outcome {
        }

        record Unknown(String reason) implements Outcome {
        }
    }

    private static final Outcome MISS = new Outcome.Miss();

    /** Listed versions match by text first, then by the scheme's own equality ("0.12.01" is "0.12.1" in PEP 440). */
    private Outcome inVersions(Ecosystem ecosystem, String installed, List<String> versions, List<String> problems) {
        if (listed(versions, installed)) {
            return new Outcome.Hit(Optional.empty());
        }
        Optional<VersionScheme> scheme = schemes.forEcosystem(ecosystem);
        if (scheme.isEmpty()) {
            return MISS; // the list is exhaustive and only text equality is defined
        }
        Version v;
        try {
            v = parse(scheme.get(), installed);
        } catch (InvalidVersionException e) {
            return new Outcome.Unknown(notParsed(installed, scheme.get(), e));
        }
        int bad = 0;
        String firstBad = null;
        for (String listed : versions) {
            try {
                if (parse(scheme.get(), listed).compareTo(v) == 0) {
                    return new Outcome.Hit(Optional.empty());
                }
            } catch (InvalidVersionException e) {
                bad++;
                firstBad = firstBad == null ? e.getMessage() : firstBad;
            }
        }
        if (bad > 0) {
            problems.add(bad + " listed version(s) are not valid " + scheme.get().id() + " versions, e.g. " + firstBad);
        }
        return MISS;
    }

    private Outcome inEvents(Ecosystem ecosystem, String installed, Events range, List<String> problems) {
        boolean semver = range.type() == RangeType.SEMVER;
        Optional<VersionScheme> found = semver ? schemes.semver() : schemes.forEcosystem(ecosystem);
        if (found.isEmpty()) {
            return new Outcome.Unknown("no " + (semver ? "SemVer" : ecosystem.purlType()) + " version scheme");
        }
        VersionScheme scheme = found.get();
        Version v;
        String text = semver ? withoutVPrefix(installed) : installed;
        try {
            v = parse(scheme, text);
        } catch (InvalidVersionException e) {
            return new Outcome.Unknown(notParsed(installed, scheme, e));
        }
        List<Bound> bounds = new ArrayList<>(range.events().size());
        List<Version> limits = new ArrayList<>(0);
        boolean hasLimit = false;
        boolean infiniteLimit = false;
        boolean hasIntroduced = false;
        for (Event e : range.events()) {
            hasLimit |= e.kind() == EventKind.LIMIT;
            hasIntroduced |= e.kind() == EventKind.INTRODUCED;
            String raw = semver ? withoutVPrefix(e.version()) : e.version();
            if (e.kind() == EventKind.INTRODUCED && raw.equals("0")) {
                bounds.add(new Bound(EventKind.INTRODUCED, Optional.empty(), e.version()));
                continue;
            }
            if (e.kind() == EventKind.LIMIT && raw.contains("*")) {
                infiniteLimit = true;
                continue; // "*" is infinity: a limit that bounds nothing
            }
            try {
                Version parsed = parse(scheme, raw);
                if (e.kind() == EventKind.LIMIT) {
                    limits.add(parsed);
                } else {
                    bounds.add(new Bound(e.kind(), Optional.of(parsed), e.version()));
                }
            } catch (InvalidVersionException ex) {
                problems.add(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " \"" + e.version()
                        + "\" is not a valid " + scheme.id() + " version (" + ex.getMessage() + "); range skipped");
                return MISS;
            }
        }
        if (!hasIntroduced) {
            problems.add("a range without an introduced event affects nothing: " + range.events());
        }
        boolean beforeLimits = !hasLimit || infiniteLimit;
        for (int i = 0; i < limits.size() && !beforeLimits; i++) {
            beforeLimits = v.compareTo(limits.get(i)) < 0;
        }
        if (!beforeLimits) {
            return MISS;
        }
        bounds.sort(Bound.ORDER);
        boolean vulnerable = false;
        int lastIntroduced = -1;
        for (int i = 0; i < bounds.size(); i++) {
            Bound b = bounds.get(i);
            switch (b.kind()) {
                case INTRODUCED -> {
                    if (b.atOrBelow(v)) {
                        vulnerable = true;
                        lastIntroduced = i;
                    }
                }
                case FIXED -> {
                    if (b.atOrBelow(v)) {
                        vulnerable = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (b.version().orElseThrow().compareTo(v) < 0) {
                        vulnerable = false;
                    }
                }
                case LIMIT -> throw new IllegalStateException("limits are not walked");
            }
        }
        if (!vulnerable) {
            return MISS;
        }
        return new Outcome.Hit(closingFix(bounds, lastIntroduced, v));
    }

    /** The first fixed event above the version, unless a later introduction comes first. */
    private static Optional<String> closingFix(List<Bound> sorted, int from, Version v) {
        for (int i = from + 1; i < sorted.size(); i++) {
            Bound b = sorted.get(i);
            boolean above = b.version().map(x -> x.compareTo(v) > 0).orElse(false);
            if (!above) {
                continue;
            }
            if (b.kind() == EventKind.FIXED) {
                return Optional.of(b.raw());
            }
            if (b.kind() == EventKind.INTRODUCED) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Outcome inConstraint(String installed, Constraint range, List<String> problems) {
        Optional<VersionScheme> found = schemes.forSyntax(range.syntax());
        if (found.isEmpty()) {
            return new Outcome.Unknown("no scheme for " + range.syntax() + " constraints");
        }
        VersionScheme scheme = found.get();
        Version v;
        try {
            v = parse(scheme, installed);
        } catch (InvalidVersionException e) {
            return new Outcome.Unknown(notParsed(installed, scheme, e));
        }
        boolean contained = false;
        for (String expression : range.anyOf()) {
            VersionConstraint constraint;
            try {
                constraint = scheme.constraint(expression);
            } catch (InvalidVersionException e) {
                // Skipping one alternative could turn a negated range into a false positive and a plain one
                // into a false negative, so the whole range is left out and reported.
                problems.add("constraint \"" + expression + "\" is not valid " + range.syntax() + " ("
                        + e.getMessage() + "); range skipped");
                return MISS;
            }
            contained |= constraint.contains(v);
        }
        return contained != range.negated() ? new Outcome.Hit(Optional.empty()) : MISS;
    }

    /** OSV SEMVER versions carry no "v"; Go module versions always do. */
    public static String withoutVPrefix(String version) {
        return version.length() > 1 && version.charAt(0) == 'v' && Character.isDigit(version.charAt(1))
                ? version.substring(1) : version;
    }

    private static String notParsed(String installed, VersionScheme scheme, InvalidVersionException e) {
        return "installed version \"" + installed + "\" is not a valid " + scheme.id() + " version: "
                + e.getMessage();
    }

    /** A parsed event; an empty version is the introduced "0" that sorts before every version. */
    private record Bound(EventKind kind, Optional<Version> version, String raw) {
        /**
         * By version only. The sort is stable, so events at one version keep the feed's order, which is the only
         * statement of intent there is: "introduced 1.0, fixed 2.0, introduced 2.0, fixed 3.0" leaves 2.0
         * affected, "introduced 2.0, fixed 2.0" covers nothing.
         */
        static final Comparator<Bound> ORDER = (a, b) -> a.version.isEmpty() ? (b.version.isEmpty() ? 0 : -1)
                : b.version.isEmpty() ? 1 : a.version.get().compareTo(b.version.get());

        boolean atOrBelow(Version v) {
            return version.isEmpty() || version.get().compareTo(v) <= 0;
        }
    }
}
