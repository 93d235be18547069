package dev.plimsoll.check.secrets;

import dev.plimsoll.check.secrets.validate.Base62Crc32;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Format-valid fake secrets, generated at test time from a seeded Random so that no realistic token is stored in
 * the repository (checksummed tokens are computed, never written down).
 */
final class Fakes {
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final String BASE64 = BASE62 + "+/";
    private final Random random;

    Fakes(long seed) {
        this.random = new Random(seed);
    }

    String chars(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** ghp_/gho_/… or npm_ followed by 30 random base62 and the 6-character CRC32. */
    String checksummed(String prefix, int length) {
        String random30 = chars(BASE62, length - prefix.length() - 6);
        return prefix + random30 + Base62Crc32.checksum(random30);
    }

    String github() {
        return checksummed("ghp_", 40);
    }

    String npm() {
        return checksummed("npm_", 40);
    }

    String awsKeyId() {
        return "AKIA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    String awsSecret() {
        return chars(BASE64, 40);
    }

    String gitlab() {
        return "glpat-" + chars(BASE62, 20);
    }

    String slackBot() {
        return "xoxb-" + chars("0123456789", 11) + "-" + chars("0123456789", 12) + "-" + chars(BASE62, 24);
    }

    String stripe() {
        return "sk_live_" + chars(BASE62, 24);
    }

    String googleApiKey() {
        return "AIza" + chars(BASE62 + "-_", 35);
    }

    String jwt() {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String header = b.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b.encodeToString(("{\"sub\":\"" + chars(BASE62, 10) + "\",\"iat\":1700000000}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + chars(BASE62 + "-_", 43);
    }

    /** A PEM block with a random base64 body of RSA-key size (the pem validator checks structure, not ASN.1). */
    String pem(String label, String newline) {
        StringBuilder sb = new StringBuilder("-----BEGIN " + label + "-----" + newline);
        String body = chars(BASE64, 1600);
        for (int i = 0; i < body.length(); i += 64) {
            sb.append(body, i, Math.min(body.length(), i + 64)).append(newline);
        }
        return sb.append("-----END ").append(label).append("-----").toString();
    }

    /** A password with punctuation, the kind gitleaks' generic rule misses. */
    String password() {
        String p = chars(BASE62, 6) + "!@#%^&*-+?".charAt(random.nextInt(10)) + chars(BASE62, 4)
                + "!@#%.,:".charAt(random.nextInt(7)) + chars("0123456789", 2);
        return p;
    }

    String hex(int n) {
        return chars("0123456789abcdef", n);
    }

    String base64(int n) {
        return chars(BASE64, n);
    }

    int nextInt(int n) {
        return random.nextInt(n);
    }
}
