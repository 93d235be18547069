package dev.plimsoll.check.dockerfile.rules;

/**
 * Simple globs of policy settings (package names, image names): {@code *} matches any run of characters (slashes
 * included), {@code ?} one character; everything else literally, case-insensitively. No regex is compiled.
 */
final class PolicyGlobs {
    private PolicyGlobs() {
    }

    static boolean matches(String glob, String text) {
        int gi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        int gn = glob.length();
        int tn = text.length();
        while (ti < tn) {
            char g = gi < gn ? glob.charAt(gi) : 0;
            if (gi < gn && g != '*' && (g == '?' || same(g, text.charAt(ti)))) {
                gi++;
                ti++;
            } else if (gi < gn && g == '*') {
                star = gi++;
                mark = ti;
            } else if (star >= 0) {
                gi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (gi < gn && glob.charAt(gi) == '*') {
            gi++;
        }
        return gi == gn;
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
