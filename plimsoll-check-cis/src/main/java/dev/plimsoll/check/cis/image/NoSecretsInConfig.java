package dev.plimsoll.check.cis.image;

import dev.plimsoll.check.cis.CheckResult;
import dev.plimsoll.check.cis.CheckStatus;
import dev.plimsoll.check.cis.Evidence;
import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Optional;

/**
 * CIS 4.10: no secret in what the Dockerfile leaves in the image config: Env, labels, and the history (ARG values,
 * ENV lines), as the secret scanner finds them. Values are shown masked.
 */
public final class NoSecretsInConfig extends ImageCheck {
    public NoSecretsInConfig() {
        super("4.10", "Ensure secrets are not stored in Dockerfiles", Severity.HIGH, false,
                "Pass secrets at build time with RUN --mount=type=secret and at run time from a secret store.",
                Optional.of("docker-bench-security leaves this manual; Plimsoll scans the image config (Env, labels,"
                        + " history) with its secret rules."));
    }

    @Override
    public CheckResult evaluate(ImageAuditFacts facts) {
        if (facts.secrets().isEmpty()) {
            return CheckResult.pass("no secret in the image config");
        }
        List<Evidence> found = facts.secrets().stream()
                .map(s -> new Evidence(s.where(), s.rule(), s.masked()))
                .toList();
        return new CheckResult(CheckStatus.FAIL, found.size() + " secret(s) in the image config", found);
    }
}
