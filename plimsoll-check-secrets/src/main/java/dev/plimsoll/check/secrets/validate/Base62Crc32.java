package dev.plimsoll.check.secrets.validate;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * GitHub's (ghp_, gho_, ghu_, ghs_, ghr_) and npm's (npm_) token format: a prefix ending in '_', random base62
 * characters, then 6 base62 characters (alphabet 0-9A-Za-z, most significant first, zero-padded) holding the CRC32 of
 * the random part. See github.blog 2021-04-05 "Behind GitHub's new authentication token formats" and the npm
 * announcement of 2021-09-23. One random token in about 57 billion (62^6) passes by chance.
 */
public final class Base62Crc32 {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int CHECKSUM_CHARS = 6;

    private Base62Crc32() {
    }

    public static boolean valid(String token) {
        int us = token.lastIndexOf('_');
        if (us < 0 || token.length() - us - 1 <= CHECKSUM_CHARS) {
            return false;
        }
        String random = token.substring(us + 1, token.length() - CHECKSUM_CHARS);
        long expected = 0;
        for (int i = token.length() - CHECKSUM_CHARS; i < token.length(); i++) {
            int d = ALPHABET.indexOf(token.charAt(i));
            if (d < 0) {
                return false;
            }
            expected = expected * 62 + d;
        }
        for (int i = 0; i < random.length(); i++) {
            if (ALPHABET.indexOf(random.charAt(i)) < 0) {
                return false;
            }
        }
        return crc32(random) == expected;
    }

    /** The 6-character checksum of {@code random}, as the issuer appends it (tests build format-valid fakes). */
    public static String checksum(String random) {
        long v = crc32(random);
        char[] out = new char[CHECKSUM_CHARS];
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    private static long crc32(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }
}
