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

    /**
     * Numbers inside ids compare as numbers, so CIS-DOCKER-5.2 comes before CIS-DOCKER-5.10 and CVE-2024-999
     * before CVE-2024-1000, as the benchmark and people list them; ids equal that way (leading zeros) fall back to
     * plain order.
     */
    @Override
    public int compareTo(RuleId o) {
        if (value.equals(o.value)) {
            return 0; // the common case when sorting a report: many findings of one rule
        }
        int c = naturalOrder(value, o.value);
        return c != 0 ? c : value.compareTo(o.value);
    }

    private static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (digit(a.charAt(i)) && digit(b.charAt(j))) {
                while (i < a.length() - 1 && a.charAt(i) == '0' && digit(a.charAt(i + 1))) {
                    i++;
                }
                while (j < b.length() - 1 && b.charAt(j) == '0' && digit(b.charAt(j + 1))) {
                    j++;
                }
                int endA = i;
                while (endA < a.length() && digit(a.charAt(endA))) {
                    endA++;
                }
                int endB = j;
                while (endB < b.length() && digit(b.charAt(endB))) {
                    endB++;
                }
                if (endA - i != endB - j) {
                    return (endA - i) - (endB - j); // more digits, a bigger number
                }
                for (; i < endA; i++, j++) {
                    if (a.charAt(i) != b.charAt(j)) {
                        return a.charAt(i) - b.charAt(j);
                    }
                }
            } else {
                if (a.charAt(i) != b.charAt(j)) {
                    return a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
        }
        return (a.length() - i) - (b.length() - j);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return value;
    }
}
