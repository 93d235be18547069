package dev.plimsoll.version.rpm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One unit of rpm's {@code rpmvercmp}: a maximal run of ASCII digits, a maximal run of ASCII letters, a {@code ~}
 * or a {@code ^}. Every other character only separates runs and is dropped, so "1.0", "1_0" and "1..0" split
 * alike. Digit runs keep their value without leading zeros.
 */
record RpmSegment(Kind kind, String text) {

    enum Kind { TILDE, CARET, ALPHA, NUMERIC }

    /** The rank of a string's end: after {@code ~}, before everything else. */
    private static final int END_RANK = 1;

    RpmSegment {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(text);
    }

    static List<RpmSegment> split(String s) {
        List<RpmSegment> segments = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '~' || c == '^') {
                segments.add(new RpmSegment(c == '~' ? Kind.TILDE : Kind.CARET, ""));
                i++;
            } else if (isDigit(c)) {
                int start = i;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                int significant = start;
                while (significant < i && s.charAt(significant) == '0') {
                    significant++;
                }
                segments.add(new RpmSegment(Kind.NUMERIC, s.substring(significant, i)));
            } else if (isLetter(c)) {
                int start = i;
                while (i < s.length() && isLetter(s.charAt(i))) {
                    i++;
                }
                segments.add(new RpmSegment(Kind.ALPHA, s.substring(start, i)));
            } else {
                i++;
            }
        }
        return List.copyOf(segments);
    }

    /**
     * rpmvercmp over split strings: position by position, the first difference decides. At one position a
     * {@code ~} sorts before everything, even the end of the string (a pre-release); the end sorts before a
     * {@code ^} (a post-release of the shorter version), which sorts before letters, which sort before digits.
     * Letter runs compare in ASCII order, digit runs as numbers of any length.
     */
    static int compareSequences(List<RpmSegment> a, List<RpmSegment> b) {
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int rankA = i < a.size() ? rank(a.get(i).kind) : END_RANK;
            int rankB = i < b.size() ? rank(b.get(i).kind) : END_RANK;
            if (rankA != rankB) {
                return Integer.compare(rankA, rankB);
            }
            // Same rank and not both ended (the loop bound guarantees one exists, so both do).
            int order = a.get(i).compareText(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static int rank(Kind kind) {
        return switch (kind) {
            case TILDE -> 0;
            case CARET -> 2;
            case ALPHA -> 3;
            case NUMERIC -> 4;
        };
    }

    private int compareText(RpmSegment other) {
        if (kind == Kind.NUMERIC) {
            int lengths = Integer.compare(text.length(), other.text.length());
            if (lengths != 0) {
                return lengths;
            }
        }
        return Integer.signum(text.compareTo(other.text));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
