package dev.plimsoll.version;

/**
 * The comparisons of a candidate version against a bound, whatever a scheme spells them ("&lt;&lt;" in Debian,
 * "&lt;" in rpm and apk). Listed in the order their spellings are shown in messages.
 */
public enum Comparison {
    LESS,
    LESS_OR_EQUAL,
    EQUAL,
    GREATER_OR_EQUAL,
    GREATER,
    NOT_EQUAL;

    /** Whether {@code candidate THIS bound} holds, given {@code order = candidate.compareTo(bound)}. */
    public boolean holds(int order) {
        return switch (this) {
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case EQUAL -> order == 0;
            case GREATER_OR_EQUAL -> order >= 0;
            case GREATER -> order > 0;
            case NOT_EQUAL -> order != 0;
        };
    }
}
