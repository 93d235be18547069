package dev.plimsoll.core.finding;

import dev.plimsoll.core.inventory.Location;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a benchmark control (CIS Docker Benchmark) against a host, daemon, image or container.
 *
 * @param outcome  PASS, FAIL, INFO, NOTE (a control that needs a person's judgement) or NOT_APPLICABLE (the
 *                 target does not have the control's subject); only FAIL can fail a build
 * @param evidence what was observed
 * @param scored   whether the control counts towards a docker-bench-style score (CIS "Automated"); false for
 *                 "Manual" controls
 */
public record ComplianceFinding(RuleId ruleId, String title, Severity severity, Target target,
                                Optional<Location> location, Outcome outcome, String evidence,
                                Optional<String> remediation, List<URI> references, boolean scored)
        implements Finding {
    public enum Outcome { PASS, FAIL, INFO, NOTE, NOT_APPLICABLE }

    public ComplianceFinding {
        Objects.requireNonNull(ruleId);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(target);
        Objects.requireNonNull(location);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(evidence);
        Objects.requireNonNull(remediation);
        references = List.copyOf(references);
    }

    /** A scored control. */
    public ComplianceFinding(RuleId ruleId, String title, Severity severity, Target target,
                             Optional<Location> location, Outcome outcome, String evidence,
                             Optional<String> remediation, List<URI> references) {
        this(ruleId, title, severity, target, location, outcome, evidence, remediation, references, true);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.COMPLIANCE;
    }

    @Override
    public Optional<String> fix() {
        return remediation;
    }

    @Override
    public Fingerprint fingerprint() {
        return Fingerprint.of("compliance", ruleId.value(), target.name(), location.map(Location::path).orElse(""));
    }
}
