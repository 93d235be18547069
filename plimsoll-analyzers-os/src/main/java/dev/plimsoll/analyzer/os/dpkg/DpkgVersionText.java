package dev.plimsoll.analyzer.os.dpkg;

import dev.plimsoll.analyzer.os.Texts;

/**
 * dpkg's reading and printing of a version string ({@code parseversion} and {@code varbuf_add_versionrevision} in
 * libdpkg), so that versions come out exactly as {@code dpkg-query} prints them: surrounding blanks dropped, a zero
 * epoch left out ("0:1.0" prints "1.0"), leading zeros of the epoch dropped. Ordering versions is not done here.
 */
final class DpkgVersionText {
    private DpkgVersionText() {
    }

    /**
     * The version as dpkg prints it.
     *
     * @throws IllegalArgumentException naming the fault, where dpkg rejects the string (the checks dpkg makes an
     *                                  error even when it reads its own database leniently)
     */
    static String canonical(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("version string is empty");
        }
        if (Texts.hasWhitespace(s)) {
            throw new IllegalArgumentException("version string has embedded spaces");
        }
        long epoch = 0;
        String rest = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String digits = s.substring(0, colon);
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("epoch in version is empty");
            }
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                    throw new IllegalArgumentException("epoch in version is not a number");
                }
            }
            int firstNonZero = 0;
            while (firstNonZero < digits.length() - 1 && digits.charAt(firstNonZero) == '0') {
                firstNonZero++;
            }
            String significant = digits.substring(firstNonZero);
            if (significant.length() > 10 || Long.parseLong(significant) > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("epoch in version is too big");
            }
            epoch = Long.parseLong(significant);
            rest = s.substring(colon + 1);
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("nothing after colon in version number");
            }
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            revision = rest.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw new IllegalArgumentException("revision number is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw new IllegalArgumentException("version number is empty");
        }
        return (epoch != 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }
}
