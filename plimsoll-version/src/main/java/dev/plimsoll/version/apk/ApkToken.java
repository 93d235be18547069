package dev.plimsoll.version.apk;

import java.util.Objects;

/**
 * One part of an apk version: {@code number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}} is read as an
 * initial number, further numbers, a letter, suffixes each with an optional number, a commit hash and a revision.
 *
 * @param text the characters as written, without the leading {@code .}, {@code _}, {@code ~} or {@code -r}
 * @param suffix the suffix of a {@link Kind#SUFFIX} token, null otherwise
 */
record ApkToken(Kind kind, String text, ApkSuffix suffix) {

    /**
     * The kinds in grammar order. Where two versions agree up to a point and then continue with different kinds,
     * the one further along in this order is the smaller one ("1.2-r1" &lt; "1.2.1", "1.2" &lt; "1.2a"), except that a
     * pre-release suffix is smaller than anything ("1.2_rc1" &lt; "1.2").
     */
    enum Kind { INITIAL_NUMBER, NUMBER, LETTER, SUFFIX, SUFFIX_NUMBER, COMMIT_HASH, REVISION, END }

    static final ApkToken END = new ApkToken(Kind.END, "", null);

    ApkToken {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(text);
        if ((kind == Kind.SUFFIX) != (suffix != null)) {
            throw new IllegalArgumentException("a suffix token, and only one, names its suffix");
        }
    }

    /** Compares two tokens of the same kind. */
    int compareSameKind(ApkToken other) {
        return switch (kind) {
            // A number with a leading zero compares as text on either side, as in Gentoo ("1.01" < "1.1",
            // "1.001" < "1.01"); otherwise as a number.
            case NUMBER -> text.startsWith("0") || other.text.startsWith("0")
                ? Integer.signum(text.compareTo(other.text))
                : compareNumbers(text, other.text);
            case INITIAL_NUMBER, SUFFIX_NUMBER, REVISION -> compareNumbers(text, other.text);
            case LETTER, COMMIT_HASH -> Integer.signum(text.compareTo(other.text));
            case SUFFIX -> Integer.compare(suffix.ordinal(), other.suffix.ordinal());
            case END -> 0;
        };
    }

    /**
     * Where two versions first differ in kind, which is smaller: -1 when this token's version is, 1 when the
     * other's is.
     */
    int compareDifferentKind(ApkToken other) {
        if (kind == Kind.SUFFIX && suffix.isPreRelease()) {
            return -1;
        }
        if (other.kind == Kind.SUFFIX && other.suffix.isPreRelease()) {
            return 1;
        }
        return kind.ordinal() > other.kind.ordinal() ? -1 : 1;
    }

    /** The token written so that two tokens order equal exactly when their keys are equal. */
    String canonicalKey() {
        return switch (kind) {
            case INITIAL_NUMBER, SUFFIX_NUMBER, REVISION -> kind + ":" + withoutLeadingZeros(text);
            case SUFFIX -> kind + ":" + suffix;
            default -> kind + ":" + text;
        };
    }

    /** Decimal numbers of any length, so no digit string overflows. */
    private static int compareNumbers(String a, String b) {
        String x = withoutLeadingZeros(a);
        String y = withoutLeadingZeros(b);
        int lengths = Integer.compare(x.length(), y.length());
        return lengths != 0 ? lengths : Integer.signum(x.compareTo(y));
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
