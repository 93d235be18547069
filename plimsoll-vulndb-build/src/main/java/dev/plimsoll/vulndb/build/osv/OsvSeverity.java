package dev.plimsoll.vulndb.build.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.finding.Severity;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Severities in OSV records: CVSS vectors in {@code severity[]} (record or affected level), the textual labels
 * databases add (GHSA's {@code database_specific.severity} LOW/MODERATE/HIGH/CRITICAL, Debian's
 * {@code ecosystem_specific.urgency}, Ubuntu priorities as severity type "Ubuntu", also inside
 * {@code database_specific.cves_map}).
 */
final class OsvSeverity {
    private OsvSeverity() {
    }

    /**
     * A vendor label as a severity; empty for labels that grade nothing ("not yet assigned", "untriaged",
     * "unimportant", which the core reads as UNKNOWN). Debian's tracker marks unsure urgencies with '*'.
     */
    static Optional<Severity> label(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\*+$", "").strip();
        try {
            Severity severity = Severity.parse(s);
            return severity == Severity.UNKNOWN ? Optional.empty() : Optional.of(severity);
        } catch (IllegalArgumentException notALabel) {
            return Optional.empty();
        }
    }

    static Optional<Severity> max(Optional<Severity> a, Optional<Severity> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().atLeast(b.get()) ? a : b;
    }

    /** The textual label at {@code node.field}, if there is one that grades. */
    static Optional<Severity> labelAt(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? label(value.asText()) : Optional.empty();
    }

    /**
     * Reads an OSV {@code severity[]} list: CVSS_V2/V3/V4 vectors go to {@code cvss} (scored by {@code scorer}),
     * "Ubuntu" priorities come back as the highest label. A malformed entry is added to {@code problems}.
     */
    static Optional<Severity> read(JsonNode severities, String where, String scorer, Collection<Cvss> cvss,
                                   List<String> problems) {
        Optional<Severity> highest = Optional.empty();
        if (severities == null || severities.isNull()) {
            return highest;
        }
        if (!severities.isArray()) {
            problems.add(where + " is not a list: ignored");
            return highest;
        }
        for (int i = 0; i < severities.size(); i++) {
            JsonNode entry = severities.get(i);
            String type = entry.path("type").asText("");
            String score = entry.path("score").asText("").strip();
            String at = where + "[" + i + "]";
            switch (type) {
                case "CVSS_V2", "CVSS_V3", "CVSS_V4" -> {
                    Optional<String> version = cvssVersion(type, score);
                    if (version.isPresent()) {
                        Cvss vector = new Cvss(version.get(), score, Optional.empty(), scorer);
                        if (!cvss.contains(vector)) {
                            cvss.add(vector);
                        }
                    } else {
                        problems.add(at + ": \"" + abbreviate(score) + "\" is not a " + type + " vector: ignored");
                    }
                }
                case "Ubuntu" -> highest = max(highest, label(score));
                default -> problems.add(at + ": unknown severity type \"" + abbreviate(type) + "\": ignored");
            }
        }
        return highest;
    }

    /** "2.0" for a v2 vector (no prefix), else the version in the "CVSS:x.y/" prefix, checked against the type. */
    static Optional<String> cvssVersion(String type, String vector) {
        return switch (type) {
            case "CVSS_V2" -> vector.startsWith("AV:") || vector.startsWith("(AV:") ? Optional.of("2.0")
                    : Optional.empty();
            case "CVSS_V3" -> vector.startsWith("CVSS:3.0/") ? Optional.of("3.0")
                    : vector.startsWith("CVSS:3.1/") ? Optional.of("3.1") : Optional.empty();
            case "CVSS_V4" -> vector.startsWith("CVSS:4.0/") ? Optional.of("4.0") : Optional.empty();
            default -> Optional.empty();
        };
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
