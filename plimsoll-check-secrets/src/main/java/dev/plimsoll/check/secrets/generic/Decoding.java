package dev.plimsoll.check.secrets.generic;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict decoding helpers: null when the input is not what it claims to be (never an exception). */
final class Decoding {
    private Decoding() {
    }

    /** Base64 (standard or URL alphabet, padding optional) decoding to valid UTF-8 text, or null. */
    static String base64(String encoded) {
        String e = encoded.strip();
        if (e.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = e.indexOf('-') >= 0 || e.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(e)
                    : Base64.getDecoder().decode(e);
        } catch (IllegalArgumentException ex) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                    return null;   // binary (a DER key, a keystore): the nested scan could not read it anyway
                }
            }
            return s;
        } catch (CharacterCodingException ex) {
            return null;
        }
    }
}
