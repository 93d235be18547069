package dev.plimsoll.vulndb.build.debian;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the tracker's {@code data/DSA/list} or {@code data/DLA/list}: the header line, its CVE line(s) and
 * its "[release] - package version" lines, as written.
 *
 * @param id    "DSA-5380-1", "DLA-3380-1" (old DSAs have no revision: "DSA-1304")
 * @param date  the header's date, empty when it does not parse (reported as a problem)
 * @param title the rest of the header: "xorg-server - security update"
 * @param line  the header's line number (1-based)
 */
record ListAdvisory(String id, Optional<LocalDate> date, String title, List<String> cves, List<ListFix> fixes,
                    int line) {
    ListAdvisory {
        Objects.requireNonNull(id);
        Objects.requireNonNull(date);
        Objects.requireNonNull(title);
        cves = List.copyOf(cves);
        fixes = List.copyOf(fixes);
    }
}
