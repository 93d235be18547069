package dev.plimsoll.policy;

import dev.plimsoll.core.finding.ComplianceFinding;
import dev.plimsoll.core.finding.Finding;
import dev.plimsoll.core.finding.FixStatus;
import dev.plimsoll.core.finding.MisconfigurationFinding;
import dev.plimsoll.core.finding.SecretFinding;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.core.finding.VulnerabilityFinding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies a policy to the findings of any check, in one order for all of them: rule overrides (disabled rules
 * dropped, severities replaced), then unfixed and development-only vulnerabilities when the policy leaves them out,
 * then VEX statements, then ignore entries that have not expired, then the baseline; what remains is reported, and what of it reaches
 * its kind's threshold fails the build (of compliance controls, only those whose outcome is FAIL).
 */
public final class PolicyEvaluator {
    private final Policy policy;
    private final Optional<Baseline> baseline;
    private final List<Vex> vex;

    public PolicyEvaluator(Policy policy, Optional<Baseline> baseline) {
        this(policy, baseline, List.of());
    }

    public PolicyEvaluator(Policy policy, Optional<Baseline> baseline, List<Vex> vex) {
        this.policy = Objects.requireNonNull(policy);
        this.baseline = Objects.requireNonNull(baseline);
        this.vex = List.copyOf(vex);
    }

    public Policy policy() {
        return policy;
    }

    /**
     * @param findings  every finding of the scan
     * @param isDev     whether a vulnerability's package is needed only for development (from the inventory)
     * @param today     the date expiry is judged by
     */
    public PolicyResult apply(List<Finding> findings, Predicate<VulnerabilityFinding> isDev, LocalDate today) {
        List<IgnoreEntry> live = policy.ignores().stream().filter(e -> !e.expiredBy(today)).toList();
        List<IgnoreEntry> expired = policy.ignores().stream().filter(e -> e.expiredBy(today)).toList();
        Set<String> baselined = baseline.map(Baseline::fingerprints).orElse(Set.of());
        List<Finding> reported = new ArrayList<>();
        List<PolicyResult.Suppressed> suppressed = new ArrayList<>();
        for (Finding original : findings) {
            Optional<Policy.RuleOverride> override = Optional.ofNullable(policy.rules().get(original.ruleId().value()));
            if (override.isPresent() && !override.get().enabled()) {
                suppressed.add(new PolicyResult.Suppressed(original, PolicyResult.Suppressed.Why.RULE_DISABLED,
                        "rule " + original.ruleId().value() + " disabled in " + policy.origin()));
                continue;
            }
            Optional<Severity> severity = override.isPresent() ? override.get().severity() : Optional.empty();
            Finding f = severity.isPresent() ? withSeverity(original, severity.get()) : original;
            if (f instanceof VulnerabilityFinding v && policy.ignoreUnfixed() && v.status() != FixStatus.FIXED) {
                suppressed.add(new PolicyResult.Suppressed(f, PolicyResult.Suppressed.Why.UNFIXED,
                        "no fixed version (" + v.status().label() + "); ignore-unfixed"));
                continue;
            }
            if (f instanceof VulnerabilityFinding v && policy.devDependencies() == Policy.DevDependencies.EXCLUDE
                    && isDev.test(v)) {
                suppressed.add(new PolicyResult.Suppressed(f, PolicyResult.Suppressed.Why.DEV_DEPENDENCY,
                        v.pkg().name() + " is a development dependency; dev-dependencies: exclude"));
                continue;
            }
            Optional<String> vexed = f instanceof VulnerabilityFinding v ? vexStatement(v) : Optional.empty();
            if (vexed.isPresent()) {
                suppressed.add(new PolicyResult.Suppressed(f, PolicyResult.Suppressed.Why.VEX, vexed.get()));
                continue;
            }
            Optional<IgnoreEntry> ignore = firstMatching(live, f);
            if (ignore.isPresent()) {
                suppressed.add(new PolicyResult.Suppressed(f, PolicyResult.Suppressed.Why.IGNORED,
                        ignore.get().reason() + " (" + ignore.get().origin()
                                + ignore.get().expires().map(d -> ", until " + d).orElse("") + ")"));
                continue;
            }
            if (!baselined.isEmpty() && baselined.contains(f.fingerprint().value())) {
                suppressed.add(new PolicyResult.Suppressed(f, PolicyResult.Suppressed.Why.BASELINE,
                        "in the baseline " + baseline.get().origin()));
                continue;
            }
            reported.add(f);
        }
        List<Finding> failing = reported.stream()
                .filter(PolicyEvaluator::canFail)
                .filter(f -> policy.threshold(f.kind()).map(t -> f.severity().compareTo(t) >= 0).orElse(false))
                .toList();
        return new PolicyResult(reported, failing, suppressed, expired);
    }

    /**
     * A compliance control counts against a threshold only when it failed: a pass, information, a control left to a
     * person (NOTE) or one that does not apply is listed in the report and never fails a build.
     */
    static boolean canFail(Finding f) {
        return !(f instanceof ComplianceFinding c) || c.outcome() == ComplianceFinding.Outcome.FAIL;
    }

    /** A loop, not a stream: it runs once per finding, and an audit has tens of thousands. */
    private static Optional<IgnoreEntry> firstMatching(List<IgnoreEntry> entries, Finding f) {
        for (IgnoreEntry e : entries) {
            if (e.matches(f)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private Optional<String> vexStatement(VulnerabilityFinding v) {
        for (Vex doc : vex) {
            Optional<Vex.Statement> s = doc.suppressing(v);
            if (s.isPresent()) {
                return Optional.of(s.get().why() + " (" + doc.origin() + ")");
            }
        }
        return Optional.empty();
    }

    /** The finding reported at another severity; its fingerprint does not change (it does not include severity). */
    static Finding withSeverity(Finding f, Severity s) {
        return switch (f) {
            case VulnerabilityFinding v -> new VulnerabilityFinding(v.ruleId(), v.aliases(), v.title(), s,
                    "policy", v.target(), v.location(), v.pkg(), v.status(), v.statusReason(), v.fixedVersions(),
                    v.cvss(), v.knownExploited(), v.epss(), v.basis(), v.dataSources(), v.references());
            case MisconfigurationFinding m -> new MisconfigurationFinding(m.ruleId(), m.title(), s, m.target(),
                    m.location(), m.message(), m.evidence(), m.remediation(), m.references());
            case SecretFinding x -> new SecretFinding(x.ruleId(), x.title(), s, x.target(), x.where(), x.maskedMatch(),
                    x.secretSha256(), x.visibility(), x.references());
            case ComplianceFinding c -> new ComplianceFinding(c.ruleId(), c.title(), s, c.target(), c.location(),
                    c.outcome(), c.evidence(), c.remediation(), c.references(), c.scored());
        };
    }
}
