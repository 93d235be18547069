package dev.plimsoll.match.severity;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a finding's severity, most specific first:
 * <ol>
 *   <li>the vendor's own rating: for OS packages the distribution's (its feeds know how the package is built and
 *       used there: Debian rates a CVE "low" that NVD calls critical when the vulnerable code is not built); for
 *       language packages GitHub's reviewed rating (GHSA {@code database_specific.severity}), then any other
 *       feed's own rating;</li>
 *   <li>a CVSS base score computed from the feeds' vectors, newest CVSS version first (4.0, 3.1, 3.0);</li>
 *   <li>NVD's vectors (from {@code cveFacts}), same order, then 2.0;</li>
 *   <li>a feed's CVSS 2.0 vector;</li>
 *   <li>UNKNOWN.</li>
 * </ol>
 * A rating of UNKNOWN from a vendor ("unimportant", "not yet assigned") is no rating and falls through.
 */
public final class SeverityResolver {
    private static final List<String> MODERN = List.of("4.0", "3.1", "3.0");

    /**
     * @param ranked    the advisories that claim the package is affected, most authoritative first
     * @param osPackage whether the package is an OS package (distribution ratings come first)
     * @param facts     NVD/KEV/EPSS facts about the vulnerability's CVE
     */
    public Rating rate(List<Advisory> ranked, boolean osPackage, Optional<CveFacts> facts) {
        List<String> problems = new ArrayList<>();
        List<Cvss> feedVectors = ranked.stream().flatMap(a -> a.cvss().stream()).toList();
        List<Cvss> nvdVectors = facts.map(CveFacts::nvdCvss).orElse(List.of());

        Optional<Rating> vendor = vendorRating(ranked, osPackage);
        if (vendor.isPresent()) {
            return new Rating(vendor.get().severity(), vendor.get().source(), allVectors(null, feedVectors,
                    nvdVectors), problems);
        }
        for (String version : MODERN) {
            Optional<Rating> r = fromVectors(feedVectors, version, CvssScores.sourceName(version), feedVectors,
                    nvdVectors, problems);
            if (r.isPresent()) {
                return r.get();
            }
        }
        for (String version : List.of("4.0", "3.1", "3.0", "2.0")) {
            Optional<Rating> r = fromVectors(nvdVectors, version, "nvd", feedVectors, nvdVectors, problems);
            if (r.isPresent()) {
                return r.get();
            }
        }
        Optional<Rating> v2 = fromVectors(feedVectors, "2.0", CvssScores.sourceName("2.0"), feedVectors,
                nvdVectors, problems);
        return v2.orElseGet(() -> new Rating(Severity.UNKNOWN, "none", allVectors(null, feedVectors, nvdVectors),
                problems));
    }

    private static Optional<Rating> vendorRating(List<Advisory> ranked, boolean osPackage) {
        for (Advisory a : ranked) {
            boolean vendor = osPackage ? a.pkg().distro().isPresent() : isGhsa(a);
            if (vendor && a.severity().filter(s -> s != Severity.UNKNOWN).isPresent()) {
                return Optional.of(new Rating(a.severity().get(), osPackage ? a.source() : "ghsa", List.of(),
                        List.of()));
            }
        }
        if (!osPackage) {
            for (Advisory a : ranked) {
                if (a.severity().filter(s -> s != Severity.UNKNOWN).isPresent()) {
                    return Optional.of(new Rating(a.severity().get(), a.source(), List.of(), List.of()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isGhsa(Advisory a) {
        return a.source().equalsIgnoreCase("ghsa") || a.id().startsWith("GHSA-");
    }

    private static Optional<Rating> fromVectors(List<Cvss> candidates, String version, String sourceName,
                                                List<Cvss> feedVectors, List<Cvss> nvdVectors,
                                                List<String> problems) {
        for (Cvss c : candidates) {
            if (!CvssScores.versionOf(c).equals(version)) {
                continue;
            }
            Optional<CvssScores.Scored> scored = CvssScores.score(c);
            if (scored.isEmpty()) {
                String problem = "CVSS vector from " + c.source() + " is not valid CVSS " + version + ": "
                        + c.vector();
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
                continue;
            }
            Severity s = CvssScores.rating(scored.get().score(), version);
            return Optional.of(new Rating(s, sourceName, allVectors(c, feedVectors, nvdVectors), problems));
        }
        return Optional.empty();
    }

    /** Every vector once (by vector text), the one used first. */
    private static List<Cvss> allVectors(Cvss used, List<Cvss> feedVectors, List<Cvss> nvdVectors) {
        Map<String, Cvss> byVector = new LinkedHashMap<>();
        if (used != null) {
            byVector.put(used.vector(), used);
        }
        feedVectors.forEach(c -> byVector.putIfAbsent(c.vector(), c));
        nvdVectors.forEach(c -> byVector.putIfAbsent(c.vector(), c));
        return List.copyOf(byVector.values());
    }
}
