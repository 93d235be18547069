package dev.plimsoll.check.secrets.validate;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEM (RFC 7468) or OpenPGP armored block: BEGIN and END lines of the same label, a base64 body of plausible length
 * for a key (at least 50 characters: a PKCS#8 Ed25519 key is 64) that decodes. Armor headers ("Proc-Type: …",
 * "Version: …") and the OpenPGP CRC line ("=abcd") are skipped. Rejects documentation stubs ("-----BEGIN RSA PRIVATE
 * KEY-----\n...\n-----END RSA PRIVATE KEY-----") and blocks cut in half.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]{1,60})-----(.*?)-----END ([A-Z0-9 ]{1,60})-----", Pattern.DOTALL);
    private static final int MIN_BODY = 50;
    private static final int MAX_BODY = 64 * 1024;

    private Pem() {
    }

    public static boolean valid(String text) {
        Matcher m = BLOCK.matcher(text);
        if (!m.find() || !m.group(1).equals(m.group(3))) {
            return false;
        }
        StringBuilder body = new StringBuilder();
        for (String line : m.group(2).split("\\r?\\n|\\\\r\\\\n|\\\\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.indexOf(':') >= 0 || (t.startsWith("=") && t.length() <= 6)) {
                continue;
            }
            body.append(t);
        }
        if (body.length() < MIN_BODY || body.length() > MAX_BODY) {
            return false;
        }
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '+' && c != '/' && c != '=') {
                return false;
            }
        }
        try {
            Base64.getMimeDecoder().decode(body.toString());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
