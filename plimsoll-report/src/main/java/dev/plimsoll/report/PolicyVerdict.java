package dev.plimsoll.report;

import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.Fingerprint;
import dev.plimsoll.core.finding.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the policy decided, as reports show it: which policy, its thresholds, which reported findings fail the build
 * (by fingerprint) and how many findings it hid, by reason. Reports without one (an SBOM, a library caller) show
 * findings only.
 *
 * @param origin     the policy's file, or "built-in defaults"
 * @param thresholds per finding kind, the lowest failing severity
 * @param failing    fingerprints of the reported findings that fail
 * @param hidden     how many findings were hidden, by reason ("baseline", "ignored", "vex", ...), in order
 */
public record PolicyVerdict(String origin, Map<FindingKind, Severity> thresholds, Set<String> failing,
                            Map<String, Long> hidden) {
    public PolicyVerdict {
        Objects.requireNonNull(origin);
        thresholds = thresholds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(thresholds));
        failing = Set.copyOf(failing);
        hidden = Collections.unmodifiableMap(new LinkedHashMap<>(hidden));
    }

    public boolean failed() {
        return !failing.isEmpty();
    }

    public boolean fails(Finding f) {
        return !failing.isEmpty() && fails(f.fingerprint());
    }

    /** For a caller that has the finding's fingerprint already (computing one is a SHA-256). */
    public boolean fails(Fingerprint fingerprint) {
        return failing.contains(fingerprint.value());
    }

    public boolean hasThresholds() {
        return !thresholds.isEmpty();
    }

    public long hiddenTotal() {
        return hidden.values().stream().mapToLong(Long::longValue).sum();
    }

    /** "FAILED: 4 findings at or above the thresholds (vulnerability CRITICAL); 12 hidden (10 baseline, 2 ignored)". */
    public String summary(int failingCount) {
        StringBuilder s = new StringBuilder(failed() ? "FAILED: " + failingCount + " finding"
                + (failingCount == 1 ? "" : "s") + " at or above the thresholds" : "passed");
        if (hasThresholds()) {
            List<String> t = thresholds.entrySet().stream()
                    .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue()).toList();
            s.append(failed() ? " (" : " (thresholds: ").append(String.join(", ", t)).append(')');
        } else {
            // Without per-kind thresholds the origin says what decided (hadolint's failure-threshold, say).
            s.append(failed() ? " (" + origin + ")" : " (no thresholds)");
        }
        if (hiddenTotal() > 0) {
            List<String> h = hidden.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList();
            s.append("; ").append(hiddenTotal()).append(" hidden (").append(String.join(", ", h)).append(')');
        }
        return s.toString();
    }
}
