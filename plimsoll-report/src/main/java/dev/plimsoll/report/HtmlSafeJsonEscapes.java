package dev.plimsoll.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON string escapes that also write {@code <} and {@code >} as {@code \}{@code u003C} and {@code \}{@code u003E}.
 * The document means the same, and untrusted text such as {@code </script>} stays inert if a viewer pastes the JSON
 * into an HTML page.
 */
final class HtmlSafeJsonEscapes extends CharacterEscapes {
    static final HtmlSafeJsonEscapes INSTANCE = new HtmlSafeJsonEscapes();

    private final int[] ascii;

    private HtmlSafeJsonEscapes() {
        ascii = CharacterEscapes.standardAsciiEscapesForJSON();
        ascii['<'] = CharacterEscapes.ESCAPE_STANDARD;
        ascii['>'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }
}
