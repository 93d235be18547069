package dev.plimsoll.version.dpkg;

/**
 * dpkg's order of one version fragment (the upstream version or the revision), as described in Debian policy
 * section 5.6.12 and implemented by dpkg's {@code verrevcmp}.
 *
 * <p>Both strings are read from the left as alternating runs: a run of non-digits, then a run of digits. Non-digit
 * runs compare character by character, where {@code ~} sorts before everything (even the end of the run), then
 * the end of the run, then letters (ASCII order), then every other character (ASCII order). Digit runs compare as
 * numbers of any length (leading zeros ignored, an empty run counts as 0).
 */
final class DpkgFragmentOrder {
    private DpkgFragmentOrder() {
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            // Non-digit run: ends at a digit or the end of the string, both of weight 0.
            while ((i < a.length() && !DpkgVersion.isAsciiDigit(a.charAt(i)))
                || (j < b.length() && !DpkgVersion.isAsciiDigit(b.charAt(j)))) {
                int left = i < a.length() ? weight(a.charAt(i)) : 0;
                int right = j < b.length() ? weight(b.charAt(j)) : 0;
                if (left != right) {
                    return Integer.compare(left, right);
                }
                // Equal non-zero weights mean the same character on both sides, so neither index passes its end.
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int startA = i;
            int startB = j;
            while (i < a.length() && DpkgVersion.isAsciiDigit(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && DpkgVersion.isAsciiDigit(b.charAt(j))) {
                j++;
            }
            // Without leading zeros, the longer digit run is the larger number; equal lengths compare digit-wise.
            int lengths = Integer.compare(i - startA, j - startB);
            if (lengths != 0) {
                return lengths;
            }
            for (int k = 0; k < i - startA; k++) {
                int digit = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
                if (digit != 0) {
                    return digit;
                }
            }
        }
        return 0;
    }

    /** A character's weight in a non-digit run; digits (which end the run) and the end of the run weigh 0. */
    private static int weight(char c) {
        if (DpkgVersion.isAsciiDigit(c)) {
            return 0;
        }
        if (DpkgVersion.isAsciiLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    /**
     * A text that is equal for two fragments exactly when {@link #compare} finds them equal: each digit run is
     * written without leading zeros (an empty or all-zero run as "0"), and a fragment that is only a zero run is
     * written as the empty string, because "" orders equal to "0".
     */
    static String canonicalKey(String fragment) {
        StringBuilder key = new StringBuilder(fragment.length() + 2);
        int i = 0;
        while (i < fragment.length()) {
            int start = i;
            while (i < fragment.length() && !DpkgVersion.isAsciiDigit(fragment.charAt(i))) {
                i++;
            }
            key.append(fragment, start, i);
            while (i < fragment.length() && fragment.charAt(i) == '0') {
                i++;
            }
            start = i;
            while (i < fragment.length() && DpkgVersion.isAsciiDigit(fragment.charAt(i))) {
                i++;
            }
            key.append(start == i ? "0" : fragment.substring(start, i));
        }
        return key.toString().equals("0") ? "" : key.toString();
    }
}
