package dev.plimsoll.core.analysis;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text an analyzer reads from an image: decoded without failing, and quoted in problem messages without harm. */
public final class UntrustedText {
    private static final int EXCERPT_CHARS = 60;

    private UntrustedText() {
    }

    /**
     * Decodes UTF-8, turning malformed bytes into U+FFFD instead of failing: package databases and manifests are
     * UTF-8 in practice, but a maintainer's or author's name from an old package is sometimes Latin-1, and since the
     * fields that identify a package are ASCII such a name must not cost the file.
     */
    public static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** A short, printable rendering of untrusted text for problem messages. */
    public static String excerpt(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < EXCERPT_CHARS; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > EXCERPT_CHARS ? sb + "…" : sb.toString();
    }
}
