package dev.plimsoll.vulndb.build.rubysec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.finding.Severity;
import java.util.Optional;

/**
 * A RubySec advisory's severity: its {@code criticality} when it has one (older records), otherwise the qualitative
 * rating of the newest CVSS base score it gives ({@code cvss_v4}, then {@code cvss_v3}, then {@code cvss_v2}).
 * RubySec records scores only, without vectors, so they cannot become {@link dev.plimsoll.core.advisory.Cvss}
 * entries; the NVD feed supplies the vectors for the CVE.
 */
final class RubySecSeverity {
    private RubySecSeverity() {
    }

    static Optional<Severity> of(JsonNode advisory) {
        JsonNode criticality = advisory.get("criticality");
        if (criticality != null && criticality.isTextual()) {
            try {
                Severity parsed = Severity.parse(criticality.asText());
                if (parsed != Severity.UNKNOWN) {
                    return Optional.of(parsed);
                }
            } catch (IllegalArgumentException e) {
                // An unknown word: fall back to the scores.
            }
        }
        for (String field : new String[] {"cvss_v4", "cvss_v3"}) {
            Optional<Double> score = score(advisory, field);
            if (score.isPresent()) {
                return v3Rating(score.get());
            }
        }
        return score(advisory, "cvss_v2").flatMap(RubySecSeverity::v2Rating);
    }

    private static Optional<Double> score(JsonNode advisory, String field) {
        JsonNode value = advisory.get(field);
        return value != null && value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 10
                ? Optional.of(value.asDouble()) : Optional.empty();
    }

    /** CVSS v3.x and v4.0 qualitative scale; 0.0 is "None", which is no severity. */
    private static Optional<Severity> v3Rating(double score) {
        if (score >= 9.0) {
            return Optional.of(Severity.CRITICAL);
        } else if (score >= 7.0) {
            return Optional.of(Severity.HIGH);
        } else if (score >= 4.0) {
            return Optional.of(Severity.MEDIUM);
        }
        return score > 0 ? Optional.of(Severity.LOW) : Optional.empty();
    }

    /** NVD's CVSS v2 ranges: v2 has no "critical". */
    private static Optional<Severity> v2Rating(double score) {
        if (score >= 7.0) {
            return Optional.of(Severity.HIGH);
        } else if (score >= 4.0) {
            return Optional.of(Severity.MEDIUM);
        }
        return score > 0 ? Optional.of(Severity.LOW) : Optional.empty();
    }
}
