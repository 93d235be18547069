package dev.plimsoll.policy;

import dev.plimsoll.core.finding.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What the policy made of a scan's findings.
 *
 * @param reported   the findings to report, rule overrides applied
 * @param failing    those of them at or above their kind's threshold: the build fails when there is one
 * @param suppressed findings left out, each with why
 * @param expired    ignore entries past their date: they suppressed nothing and are reported so someone looks again
 */
public record PolicyResult(List<Finding> reported, List<Finding> failing, List<Suppressed> suppressed,
                           List<IgnoreEntry> expired) {
    public PolicyResult {
        reported = List.copyOf(reported);
        failing = List.copyOf(failing);
        suppressed = List.copyOf(suppressed);
        expired = List.copyOf(expired);
    }

    public boolean failed() {
        return !failing.isEmpty();
    }

    /** Counts by reason kind, for the one-line summary ("12 hidden: 10 by the baseline, 2 ignored"). */
    public long count(Suppressed.Why why) {
        return suppressed.stream().filter(s -> s.why() == why).count();
    }

    /**
     * A finding the policy left out.
     *
     * @param finding the finding
     * @param why     the kind of reason
     * @param detail  the reason as the policy gives it (the ignore entry's reason and origin, the rule id, ...)
     */
    public record Suppressed(Finding finding, Why why, String detail) {
        public enum Why { IGNORED, BASELINE, VEX, RULE_DISABLED, UNFIXED, DEV_DEPENDENCY }

        public Suppressed {
            Objects.requireNonNull(finding);
            Objects.requireNonNull(why);
            Objects.requireNonNull(detail);
        }
    }
}
