package dev.plimsoll.match.severity;

import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A finding's severity and who gave it.
 *
 * @param source   "debian", "ghsa", "cvss-3.1", "nvd", … ; "none" when nothing rated it
 * @param cvss     every CVSS vector known for the vulnerability, the one the severity came from first
 * @param problems vectors that neither parsed nor had a usable published score
 */
public record Rating(Severity severity, String source, List<Cvss> cvss, List<String> problems) {
    public Rating {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(source);
        cvss = List.copyOf(cvss);
        problems = List.copyOf(problems);
    }
}
