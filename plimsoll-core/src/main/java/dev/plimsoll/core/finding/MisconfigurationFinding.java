package dev.plimsoll.core.finding;

import dev.plimsoll.core.inventory.Location;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration mistake: a Dockerfile rule, an image hardening check, a compose or Kubernetes setting.
 *
 * @param message     what is wrong in this instance
 * @param evidence    the offending text or value, used for a fingerprint that survives line moves
 * @param remediation how to fix it
 */
public record MisconfigurationFinding(RuleId ruleId, String title, Severity severity, Target target,
                                      Optional<Location> location, String message, String evidence,
                                      Optional<String> remediation, List<URI> references) implements Finding {
    public MisconfigurationFinding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(target);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
        Objects.requireNonNull(evidence);
        Objects.requireNonNull(remediation);
        references = List.copyOf(references);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.MISCONFIGURATION;
    }

    @Override
    public Optional<String> fix() {
        return remediation;
    }

    @Override
    public Fingerprint fingerprint() {
        return Fingerprint.of("misconfiguration", ruleId.value(), target.name(),
                location.map(Location::path).orElse(""), evidence);
    }
}
