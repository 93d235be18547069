package dev.plimsoll.analyzer.os;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text helpers shared by the package database parsers. */
public final class Texts {
    private Texts() {
    }

    /**
     * Decodes a database file. Package databases are UTF-8 in practice, but maintainer names from old packages are
     * sometimes Latin-1: such bytes become U+FFFD instead of failing the file, since the fields that identify a
     * package are ASCII.
     */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /** Space or tab: the blanks of control files. */
    public static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether text[from, to) holds only spaces, tabs and carriage returns. */
    public static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Collapses runs of whitespace (line breaks of folded fields included) into one space, and trims. */
    public static String fold(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the string holds any whitespace. */
    public static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A short, printable rendering of untrusted text for problem messages. */
    public static String excerpt(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 60; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 60 ? sb + "…" : sb.toString();
    }
}
