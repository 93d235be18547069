package dev.plimsoll.match.severity;

import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * CVSS base scores and their qualitative ratings. Scores are computed from the vector with Steve Springett's
 * cvss-calculator (us.springett:cvss-calculator: CVSS 2.0, 3.0, 3.1 and 4.0, no dependencies, Apache-2.0, the
 * calculator behind OWASP Dependency-Check and Dependency-Track) rather than trusted from the feed, so a stale or
 * mistyped published score cannot change a severity; the published score is used only when the vector does not
 * parse.
 */
public final class CvssScores {
    private CvssScores() {
    }

    /** A score and the CVSS version it was computed under ("4.0", "3.1", "3.0", "2.0"). */
    public record Scored(double score, String version) {
    }

    /** The CVSS version of a vector: its "CVSS:x.y/" prefix, else the version the source stated. */
    public static String versionOf(Cvss cvss) {
        String vector = cvss.vector().trim();
        if (vector.regionMatches(true, 0, "CVSS:", 0, 5)) {
            int slash = vector.indexOf('/');
            return slash > 5 ? vector.substring(5, slash) : cvss.version();
        }
        return vector.startsWith("AV:") || vector.startsWith("(AV:") ? "2.0" : cvss.version();
    }

    /** The base score: computed from the vector, else the published one; empty when neither is usable. */
    public static Optional<Scored> score(Cvss cvss) {
        String version = versionOf(cvss);
        String vector = cvss.vector().trim();
        if (vector.startsWith("(") && vector.endsWith(")")) {
            vector = vector.substring(1, vector.length() - 1); // NVD's old "(AV:N/…)" spelling of v2
        }
        try {
            us.springett.cvss.Cvss parsed = us.springett.cvss.Cvss.fromVector(vector);
            if (parsed != null) {
                double score = parsed.calculateScore().getBaseScore();
                if (Double.isFinite(score) && score >= 0 && score <= 10) {
                    return Optional.of(new Scored(score, version));
                }
            }
        } catch (RuntimeException e) {
            // fall through to the published score: a vector the calculator refuses is reported by the caller
        }
        return cvss.score().filter(s -> s >= 0 && s <= 10).map(s -> new Scored(s, version));
    }

    /**
     * The qualitative rating: CVSS 3.x and 4.0 use None/Low/Medium/High/Critical at 0.1, 4.0, 7.0 and 9.0; CVSS 2.0
     * has no Critical (7.0 and up is High). A 0.0 ("None") rates UNKNOWN: the scale has no "none".
     */
    public static Severity rating(double score, String version) {
        if (score <= 0.0) {
            return Severity.UNKNOWN;
        }
        if (score < 4.0) {
            return Severity.LOW;
        }
        if (score < 7.0) {
            return Severity.MEDIUM;
        }
        if (version.startsWith("2")) {
            return Severity.HIGH;
        }
        return score < 9.0 ? Severity.HIGH : Severity.CRITICAL;
    }

    /** "cvss-3.1": how reports name a severity taken from a vector. */
    public static String sourceName(String version) {
        return "cvss-" + version.toLowerCase(Locale.ROOT);
    }
}
