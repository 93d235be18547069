package dev.plimsoll.check.cis;

import java.util.Objects;

/** One check evaluated on one target. */
public record AuditResult(CheckMeta check, CheckResult result) {
    public AuditResult {
        Objects.requireNonNull(check);
        Objects.requireNonNull(result);
    }
}
