package dev.plimsoll.vulndb.build.debian;

import dev.plimsoll.core.finding.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * Debian's urgency as a severity. "low", "medium" and "high" map to themselves (the tracker appends "**" when NVD
 * chose the value; the stars are dropped). "unimportant" maps to LOW, as Trivy does, so that these issues sort below
 * the rest instead of showing as unknown. "not yet assigned", "end-of-life" and anything else give no severity, so
 * that the CVE's NVD severity is used.
 */
final class DebianUrgency {
    private DebianUrgency() {
    }

    static Optional<Severity> severity(String urgency) {
        if (urgency == null) {
            return Optional.empty();
        }
        String u = urgency.replace("*", "").strip().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "high" -> Optional.of(Severity.HIGH);
            case "medium" -> Optional.of(Severity.MEDIUM);
            case "low", "unimportant" -> Optional.of(Severity.LOW);
            default -> Optional.empty();
        };
    }
}
