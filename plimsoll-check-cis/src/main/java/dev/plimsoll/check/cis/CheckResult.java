package dev.plimsoll.check.cis;

import java.util.List;
import java.util.Objects;

/** A check's verdict on one target, with a one-line reason and the evidence behind it. */
public record CheckResult(CheckStatus status, String reason, List<Evidence> evidence) {
    public CheckResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        evidence = List.copyOf(evidence);
    }

    public static CheckResult pass(String reason, Evidence... evidence) {
        return new CheckResult(CheckStatus.PASS, reason, List.of(evidence));
    }

    public static CheckResult fail(String reason, Evidence... evidence) {
        return new CheckResult(CheckStatus.FAIL, reason, List.of(evidence));
    }

    public static CheckResult info(String reason, Evidence... evidence) {
        return new CheckResult(CheckStatus.INFO, reason, List.of(evidence));
    }

    public static CheckResult note(String reason) {
        return new CheckResult(CheckStatus.NOTE, reason, List.of());
    }

    public static CheckResult notApplicable(String reason) {
        return new CheckResult(CheckStatus.NOT_APPLICABLE, reason, List.of());
    }
}
