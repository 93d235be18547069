package dev.plimsoll.check.dockerfile;

import dev.plimsoll.core.finding.Severity;
import java.util.Objects;

/**
 * One reported problem after configuration: the rule, the level and severity it reports at, where, and why.
 *
 * @param evidence the offending text, part of the finding's fingerprint so that it survives line moves
 */
public record LintHit(RuleMeta rule, HadolintLevel level, Severity severity, int line, int column, String message,
                      String evidence) implements Comparable<LintHit> {
    public LintHit {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(level);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
        Objects.requireNonNull(evidence);
    }

    @Override
    public int compareTo(LintHit o) {
        int c = Integer.compare(line, o.line);
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c != 0 ? c : rule.id().compareTo(o.rule.id());
    }
}
