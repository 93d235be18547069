package dev.plimsoll.version.composer;

/**
 * PHP's {@code version_compare()}, which composer/semver applies to its normalised version strings. Written from
 * the algorithm PHP documents and implements: the text is canonicalised ({@code -_+} and any other
 * non-alphanumeric become dots, and a dot is put between a run of digits and a run of other characters), then the
 * dot-separated parts are compared left to right: numbers by value, words by their rank in the "special forms"
 * table (matched by prefix: dev &lt; alpha = a &lt; beta = b &lt; RC = rc &lt; number &lt; pl = p; anything else
 * ranks below dev), a number above a word ranked below "number". When one side runs out, a further number makes
 * the other side greater, a further word is compared against "number".
 *
 * <p>Operates on chars where PHP operates on bytes; for ASCII text the two agree, and every non-ASCII character
 * (one char here, several bytes in PHP) is a non-alphanumeric that collapses into one dot either way.
 */
final class PhpVersionCompare {
    private static final String NUMBER_FORM = "#N#";

    private PhpVersionCompare() {
    }

    /** -1, 0 or 1, as {@code version_compare($a, $b)}. */
    static int compare(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            if (a.isEmpty() && b.isEmpty()) {
                return 0;
            }
            return a.isEmpty() ? -1 : 1;
        }
        String left = a.charAt(0) == '#' ? a : canonicalize(a);
        String right = b.charAt(0) == '#' ? b : canonicalize(b);
        int p1 = 0;
        int p2 = 0;
        int n1 = 0;
        int n2 = 0;
        int compare = 0;
        // n1/n2 are the dot ending the current part, -1 once a side has no further dot (C's NULL).
        while (p1 < left.length() && p2 < right.length() && n1 != -1 && n2 != -1) {
            n1 = left.indexOf('.', p1);
            n2 = right.indexOf('.', p2);
            String part1 = left.substring(p1, n1 == -1 ? left.length() : n1);
            String part2 = right.substring(p2, n2 == -1 ? right.length() : n2);
            boolean digit1 = startsWithDigit(part1);
            boolean digit2 = startsWithDigit(part2);
            if (digit1 && digit2) {
                compare = Long.signum(Long.compare(leadingNumber(part1), leadingNumber(part2)));
            } else if (!digit1 && !digit2) {
                compare = compareSpecialForms(part1, part2);
            } else if (digit1) {
                compare = compareSpecialForms(NUMBER_FORM, part2);
            } else {
                compare = compareSpecialForms(part1, NUMBER_FORM);
            }
            if (compare != 0) {
                break;
            }
            if (n1 != -1) {
                p1 = n1 + 1;
            }
            if (n2 != -1) {
                p2 = n2 + 1;
            }
        }
        if (compare == 0) {
            if (n1 != -1) {
                compare = p1 < left.length() && isDigit(left.charAt(p1)) ? 1
                    : compare(left.substring(p1), NUMBER_FORM);
            } else if (n2 != -1) {
                compare = p2 < right.length() && isDigit(right.charAt(p2)) ? -1
                    : compare(NUMBER_FORM, right.substring(p2));
            }
        }
        return compare;
    }

    /** {@code version_compare($a, $b, $operator)} for the six operators composer uses. */
    static boolean holds(String a, ComposerOperator operator, String b) {
        int c = compare(a, b);
        return switch (operator) {
            case LT -> c == -1;
            case LE -> c != 1;
            case GT -> c == 1;
            case GE -> c != -1;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
    }

    /** PHP's {@code php_canonicalize_version}: the first character is kept as it is. */
    static String canonicalize(String version) {
        StringBuilder out = new StringBuilder(version.length() * 2);
        char previous = version.charAt(0);
        out.append(previous);
        for (int i = 1; i < version.length(); i++) {
            char c = version.charAt(i);
            char lastWritten = out.charAt(out.length() - 1);
            if (c == '-' || c == '_' || c == '+') {
                if (lastWritten != '.') {
                    out.append('.');
                }
            } else if ((isNonDigit(previous) && isDigit(c)) || (isDigit(previous) && isNonDigit(c))) {
                if (lastWritten != '.') {
                    out.append('.');
                }
                out.append(c);
            } else if (!isAlphanumeric(c)) {
                if (lastWritten != '.') {
                    out.append('.');
                }
            } else {
                out.append(c);
            }
            previous = c;
        }
        return out.toString();
    }

    private static int compareSpecialForms(String form1, String form2) {
        return Integer.signum(rank(form1) - rank(form2));
    }

    /** The special-forms table, matched by prefix in this order. */
    static int rank(String form) {
        if (form.startsWith("dev")) {
            return 0;
        }
        if (form.startsWith("alpha") || form.startsWith("a")) {
            return 1;
        }
        if (form.startsWith("beta") || form.startsWith("b")) {
            return 2;
        }
        if (form.startsWith("RC") || form.startsWith("rc")) {
            return 3;
        }
        if (form.startsWith("#")) {
            return 4;
        }
        if (form.startsWith("pl") || form.startsWith("p")) {
            return 5;
        }
        return -1;
    }

    /** C's {@code strtol} on a part that starts with a digit: the leading digits, saturating at LONG_MAX. */
    static long leadingNumber(String part) {
        long value = 0;
        for (int i = 0; i < part.length() && isDigit(part.charAt(i)); i++) {
            int digit = part.charAt(i) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static boolean startsWithDigit(String part) {
        return !part.isEmpty() && isDigit(part.charAt(0));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNonDigit(char c) {
        return !isDigit(c) && c != '.';
    }

    private static boolean isAlphanumeric(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
