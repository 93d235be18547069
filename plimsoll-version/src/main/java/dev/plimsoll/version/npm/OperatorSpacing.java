package dev.plimsoll.version.npm;

/**
 * Removes the space between an operator and its version ("&gt;= 1.2.3" becomes "&gt;=1.2.3") before a range is split
 * on spaces, with node-semver's exact boundaries: a candidate is an optional {@code <}/{@code >}, a run of
 * {@code v}, {@code =} and spaces, then something that starts a version; one space right after the operator (after
 * "&lt;", "&gt;", "=" or "&lt;=" and the like) is removed; scanning then resumes after the whole version, so text
 * inside a version ("1.2.3-v") never starts a candidate. "&gt; = 1" thus becomes "&gt;= 1", which is not a
 * comparator, as in node.
 */
final class OperatorSpacing {
    /** node-semver's bound on one run of digits and on one identifier, see {@link NpmGrammar}. */
    private static final int DIGITS = 256;
    private static final int IDENTIFIER = 250;

    private OperatorSpacing() {
    }

    static String join(String range) {
        StringBuilder out = new StringBuilder(range.length());
        int copyFrom = 0;
        int cursor = 0;
        while (cursor < range.length()) {
            int candidate = cursor;
            char c = range.charAt(cursor);
            if (c == '<' || c == '>') {
                cursor++;
            } else if (!isPrefix(c) && !isVersionStart(c)) {
                cursor++;
                continue;
            }
            while (isPrefix(at(range, cursor))) {
                cursor++;
            }
            if (!isVersionStart(at(range, cursor))) {
                continue;
            }
            int space = removableSpace(range, candidate);
            if (space >= 0) {
                out.append(range, copyFrom, space);
                copyFrom = space + 1;
            }
            cursor = versionEnd(range, cursor);
        }
        return out.append(range, copyFrom, range.length()).toString();
    }

    private static int removableSpace(String s, int candidate) {
        int p = candidate;
        if (JsText.isWhitespace(at(s, p))) {
            p++;
        }
        if (at(s, p) == '<' || at(s, p) == '>') {
            p++;
        }
        if (at(s, p) == '=') {
            p++;
        }
        return JsText.isWhitespace(at(s, p)) ? p : -1;
    }

    /** Where a version starting at {@code start} ends: a loose full version if there is one, else a partial. */
    static int versionEnd(String s, int start) {
        int full = looseFullEnd(s, start);
        return full != start ? full : partialEnd(s, start);
    }

    private static int looseFullEnd(String s, int start) {
        int end = start;
        for (int component = 0; component < 3; component++) {
            int next = numberEnd(s, end, true);
            if (next == end) {
                return start;
            }
            end = next;
            if (component < 2) {
                if (at(s, end) != '.') {
                    return start;
                }
                end++;
            }
        }
        return buildEnd(s, prereleaseEnd(s, end, true));
    }

    private static int partialEnd(String s, int start) {
        int end = componentEnd(s, start);
        for (int component = 0; component < 2; component++) {
            if (at(s, end) != '.') {
                return end;
            }
            int next = componentEnd(s, end + 1);
            if (next == end + 1) {
                return end;
            }
            end = next;
        }
        return buildEnd(s, prereleaseEnd(s, end, false));
    }

    private static int componentEnd(String s, int start) {
        char c = at(s, start);
        if (isDigit(c)) {
            return numberEnd(s, start, false);
        }
        return c == 'x' || c == 'X' || c == '*' ? start + 1 : start;
    }

    private static int numberEnd(String s, int start, boolean loose) {
        if (!loose && at(s, start) == '0') {
            return start + 1;
        }
        return digitsEnd(s, start, loose ? DIGITS : DIGITS + 1);
    }

    private static int digitsEnd(String s, int start, int limit) {
        int end = start;
        while (isDigit(at(s, end))) {
            end++;
        }
        return Math.min(start + limit, end);
    }

    private static int prereleaseEnd(String s, int start, boolean loose) {
        boolean hyphen = at(s, start) == '-';
        if (!loose && !hyphen) {
            return start;
        }
        int identifierStart = start + (hyphen ? 1 : 0);
        int end = prereleaseIdentifierEnd(s, identifierStart, loose);
        if (end == identifierStart) {
            if (!loose || !hyphen) {
                return start;
            }
            // Loose mode reads a lone hyphen as an identifier of its own.
            end = prereleaseIdentifierEnd(s, start, loose);
        }
        while (at(s, end) == '.') {
            int next = prereleaseIdentifierEnd(s, end + 1, loose);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    /** An alphanumeric identifier (digits, then a letter or hyphen, then more) is tried before a number. */
    private static int prereleaseIdentifierEnd(String s, int start, boolean loose) {
        int digits = digitsEnd(s, start, DIGITS);
        char c = at(s, digits);
        if (isLetter(c) || c == '-') {
            int end = digits + 1;
            int limit = end + IDENTIFIER;
            while (end < limit && isIdentifierChar(at(s, end))) {
                end++;
            }
            return end;
        }
        return numberEnd(s, start, loose);
    }

    private static int buildEnd(String s, int start) {
        if (at(s, start) != '+') {
            return start;
        }
        int end = buildIdentifierEnd(s, start + 1);
        if (end == start + 1) {
            return start;
        }
        while (at(s, end) == '.') {
            int next = buildIdentifierEnd(s, end + 1);
            if (next == end + 1) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static int buildIdentifierEnd(String s, int start) {
        int end = start;
        while (end - start < IDENTIFIER && isIdentifierChar(at(s, end))) {
            end++;
        }
        return end;
    }

    /** The character at {@code i}, or NUL past the end (no predicate here accepts NUL). */
    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean isPrefix(char c) {
        return c == 'v' || c == '=' || JsText.isWhitespace(c);
    }

    private static boolean isVersionStart(char c) {
        return isDigit(c) || c == 'x' || c == 'X' || c == '*';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentifierChar(char c) {
        return isDigit(c) || isLetter(c) || c == '-';
    }
}
