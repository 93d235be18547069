package dev.plimsoll.check.secrets.engine;

import dev.plimsoll.core.finding.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What a finding reports as its rule: id, title, severity, references, and the priority that decides which of two
 * overlapping candidates stays (a provider rule names the secret better than a generic assignment does).
 */
public record RuleInfo(String id, String title, Severity severity, List<String> references, int priority) {
    public static final int PROVIDER = 100;
    public static final int DECODED = 60;
    public static final int SPECIFIC = 40;
    public static final int BASIC_AUTH = 30;
    public static final int ASSIGNMENT = 20;
    public static final int ENTROPY = 10;

    public RuleInfo {
        Objects.requireNonNull(id);
        Objects.requireNonNull(title);
        Objects.requireNonNull(severity);
        references = List.copyOf(references);
    }

    public static RuleInfo generic(String id, String title, Severity severity, int priority) {
        return new RuleInfo(id, title, severity, List.of(), priority);
    }
}
