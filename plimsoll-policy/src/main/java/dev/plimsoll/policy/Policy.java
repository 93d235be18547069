package dev.plimsoll.policy;

import dev.plimsoll.core.finding.FindingKind;
import dev.plimsoll.core.finding.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a team decided about findings: which fail the build, which are accepted (with a reason, until a date), how
 * rules are tuned.
 *
 * @param failOn          per finding kind, the lowest severity that fails; a kind not listed never fails
 * @param ignoreUnfixed   leave out vulnerabilities that have no fixed version yet
 * @param devDependencies whether findings in packages needed only for development count
 * @param ignores         accepted findings
 * @param rules           per rule or advisory id: disabled, or a different severity
 * @param images          trusted registries and allowed base images
 * @param secrets         the team's own secret rules and allowlists, the fingerprint key, a gitleaks config
 * @param origin          where the policy came from, for messages ("plimsoll.yaml", "built-in defaults")
 */
public record Policy(Map<FindingKind, Severity> failOn, boolean ignoreUnfixed, DevDependencies devDependencies,
                     List<IgnoreEntry> ignores, Map<String, RuleOverride> rules, ImageTrust images,
                     SecretSettings secrets, String origin) {
    /** Whether findings in development-only packages (npm devDependencies, test-scoped Maven, ...) count. */
    public enum DevDependencies { INCLUDE, EXCLUDE }

    public Policy {
        failOn = failOn.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(failOn));
        Objects.requireNonNull(devDependencies);
        ignores = List.copyOf(ignores);
        rules = Map.copyOf(rules);
        Objects.requireNonNull(images);
        Objects.requireNonNull(secrets);
        Objects.requireNonNull(origin);
    }

    /** No thresholds, nothing ignored: every finding is reported and none fails. */
    public static final Policy DEFAULT = new Policy(Map.of(), false, DevDependencies.INCLUDE, List.of(), Map.of(),
            ImageTrust.ANY, SecretSettings.NONE, "built-in defaults");

    public Optional<Severity> threshold(FindingKind kind) {
        return Optional.ofNullable(failOn.get(kind));
    }

    /** This policy with more ignore entries (from a .trivyignore, say). */
    public Policy withIgnores(List<IgnoreEntry> more) {
        List<IgnoreEntry> all = new java.util.ArrayList<>(ignores);
        all.addAll(more);
        return new Policy(failOn, ignoreUnfixed, devDependencies, all, rules, images, secrets, origin);
    }

    /** This policy with every kind failing at {@code severity} and above, as {@code --fail-on} asks. */
    public Policy withThreshold(Severity severity) {
        Map<FindingKind, Severity> all = new EnumMap<>(FindingKind.class);
        for (FindingKind k : FindingKind.values()) {
            all.put(k, severity);
        }
        return new Policy(all, ignoreUnfixed, devDependencies, ignores, rules, images, secrets, origin);
    }

    /**
     * A rule's tuning.
     *
     * @param enabled  false: the rule's findings are dropped (and counted)
     * @param severity the severity to report instead of the rule's own
     */
    public record RuleOverride(boolean enabled, Optional<Severity> severity) {
        public RuleOverride {
            Objects.requireNonNull(severity);
        }
    }
}
