package dev.plimsoll.core.advisory;

import dev.plimsoll.core.finding.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One feed's statement that one package is affected by one vulnerability. A feed record naming several packages
 * (an OSV record's {@code affected[]}, a DSA covering one source package in several releases) gives several.
 *
 * @param id         the record's id in its feed: "GHSA-…", "PYSEC-…", "DSA-5380-1", "CVE-…"
 * @param aliases    the other ids of the same vulnerability (CVE, GHSA, …), merged with {@code upstream}
 * @param source     the feed id ("osv", "ghsa", "debian", "alpine", "rubysec", …)
 * @param pkg        the package, name normalised
 * @param ranges     affected ranges; empty with empty {@code versions} means every version
 * @param versions   explicit affected versions (OSV {@code versions}), distinct and in text order so that a
 *                   lookup is a binary search ({@link #listsVersion}): PyPI and Go records list hundreds
 * @param fix        fixed, unfixed, won't fix or not affected
 * @param severity   the feed's or vendor's own severity, if it gives one
 * @param cvss       CVSS vectors the feed gives
 * @param withdrawn  whether the record was withdrawn (kept so that a withdrawal wins over older copies)
 */
public record Advisory(String id, Set<String> aliases, String source, PackageKey pkg, List<AffectedRange> ranges,
                       List<String> versions, FixState fix, Optional<Severity> severity, List<Cvss> cvss,
                       String title, List<URI> references, Optional<Instant> published,
                       Optional<Instant> modified, boolean withdrawn) {
    public Advisory {
        Objects.requireNonNull(id);
        aliases = Set.copyOf(aliases);
        Objects.requireNonNull(source);
        Objects.requireNonNull(pkg);
        ranges = List.copyOf(ranges);
        versions = sortedDistinct(versions);
        Objects.requireNonNull(fix);
        Objects.requireNonNull(severity);
        cvss = List.copyOf(cvss);
        Objects.requireNonNull(title);
        references = List.copyOf(references);
        Objects.requireNonNull(published);
        Objects.requireNonNull(modified);
    }

    /** Whether {@code version} is in {@link #versions} as written (no scheme equality). */
    public boolean listsVersion(String version) {
        return Collections.binarySearch(versions, version) >= 0;
    }

    private static List<String> sortedDistinct(List<String> versions) {
        String[] array = versions.toArray(String[]::new);
        boolean sorted = true;
        for (int i = 1; i < array.length && sorted; i++) {
            sorted = array[i - 1].compareTo(array[i]) < 0;
        }
        if (!sorted) {
            array = new java.util.TreeSet<>(Arrays.asList(array)).toArray(String[]::new);
        }
        return List.of(array);
    }
}
