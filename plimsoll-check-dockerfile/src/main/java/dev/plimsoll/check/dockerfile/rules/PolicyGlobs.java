package dev.plimsoll.check.dockerfile.rules;

import java.util.Locale;

/**
 * Simple globs of policy settings (package names, image names): {@code *} matches any run of characters (slashes
 * included), {@code ?} one character; everything else literally, case-insensitively. No regex is compiled.
 */
final class PolicyGlobs {
    private PolicyGlobs() {
    }

    static boolean matches(String glob, String text) {
        String g = glob.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        int gi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (gi < g.length() && (g.charAt(gi) == '?' || g.charAt(gi) == t.charAt(ti))) {
                gi++;
                ti++;
            } else if (gi < g.length() && g.charAt(gi) == '*') {
                star = gi++;
                mark = ti;
            } else if (star >= 0) {
                gi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (gi < g.length() && g.charAt(gi) == '*') {
            gi++;
        }
        return gi == g.length();
    }
}
