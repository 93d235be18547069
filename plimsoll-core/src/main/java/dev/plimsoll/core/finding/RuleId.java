package dev.plimsoll.core.finding;

import java.util.Objects;

/** The id of a rule, check or advisory: "CVE-2024-1234", "GHSA-…", "DL3007", "CIS-DOCKER-2.1", "aws-access-key". */
public record RuleId(String value) implements Comparable<RuleId> {
    public RuleId {
        Objects.requireNonNull(value);
        if (value.isBlank()) {
            throw new IllegalArgumentException("blank rule id");
        }
    }

    public static RuleId of(String value) {
        return new RuleId(value);
    }

    @Override
    public int compareTo(RuleId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
