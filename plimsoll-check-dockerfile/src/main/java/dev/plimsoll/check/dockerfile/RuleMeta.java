package dev.plimsoll.check.dockerfile;

import dev.plimsoll.core.finding.RuleId;
import dev.plimsoll.core.finding.Severity;
import java.net.URI;
import java.util.Objects;

/**
 * What a rule is, from the catalogues ({@code rules/hadolint-rules.yaml}, {@code rules/plimsoll-rules.yaml}):
 * the data a report shows and the defaults configuration can change.
 *
 * @param level            the hadolint level the rule reports at by default (Plimsoll's own rules: from severity)
 * @param enabledByDefault false for rules that report only when configuration turns them on
 * @param onbuild          whether the rule also checks instructions wrapped in ONBUILD
 */
public record RuleMeta(RuleId id, Severity severity, HadolintLevel level, boolean enabledByDefault, boolean onbuild,
                       String title, String description, String remediation, URI helpUri) {
    public RuleMeta {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(level);
        Objects.requireNonNull(title);
        Objects.requireNonNull(description);
        Objects.requireNonNull(remediation);
        Objects.requireNonNull(helpUri);
    }
}
