package dev.plimsoll.report;

import java.util.List;
import java.util.Optional;

/**
 * Who publishes an advisory id, read from its prefix ("CVE-" is NVD's, "GHSA-" GitHub's): SBOM vulnerability
 * records name a source for every id and alias. Only prefixes owned by one publisher are listed; any other id has no
 * known source rather than a guessed one.
 */
final class Advisories {
    record Source(String name, String url) {
    }

    private record Publisher(String prefix, String name, String urlPrefix) {
    }

    private static final List<Publisher> PUBLISHERS = List.of(
            new Publisher("CVE-", "NVD", "https://nvd.nist.gov/vuln/detail/"),
            new Publisher("GHSA-", "GitHub", "https://github.com/advisories/"),
            new Publisher("DSA-", "Debian", "https://security-tracker.debian.org/tracker/"),
            new Publisher("DLA-", "Debian", "https://security-tracker.debian.org/tracker/"),
            new Publisher("RHSA-", "Red Hat", "https://access.redhat.com/errata/"),
            new Publisher("GO-", "Go", "https://pkg.go.dev/vuln/"),
            new Publisher("PYSEC-", "PyPA", "https://osv.dev/vulnerability/"));

    private Advisories() {
    }

    static Optional<Source> sourceOf(String id) {
        return PUBLISHERS.stream().filter(p -> id.startsWith(p.prefix()))
                .findFirst().map(p -> new Source(p.name(), p.urlPrefix() + id));
    }
}
