package dev.plimsoll.core.finding;

import dev.plimsoll.core.inventory.Location;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One result of any check: a vulnerable package, a Dockerfile or configuration mistake, a secret, a failed CIS
 * control. Every check produces these, and only the policy decides pass or fail. Reporters switch over the permits
 * without a default, so a new kind must be handled everywhere before the build passes.
 */
public sealed interface Finding permits VulnerabilityFinding, MisconfigurationFinding, SecretFinding,
        ComplianceFinding {

    FindingKind kind();

    RuleId ruleId();

    String title();

    Severity severity();

    Target target();

    Optional<Location> location();

    /** What fixes it: a fixed version, a remediation. */
    Optional<String> fix();

    List<URI> references();

    Fingerprint fingerprint();
}
