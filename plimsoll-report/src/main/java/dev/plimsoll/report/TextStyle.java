package dev.plimsoll.report;

import dev.plimsoll.core.finding.Severity;

/**
 * How the table report decorates text. Decorations are applied after columns are laid out, so they may add
 * invisible characters (ANSI colours on a terminal) without breaking alignment. {@link #PLAIN} adds nothing; a
 * colouring style for TTYs is one more implementation.
 */
public interface TextStyle {

    /** A severity cell, already padded to its column width. */
    String severity(Severity severity, String cell);

    /** A section heading ("PACKAGES", "FINDINGS"). */
    String heading(String text);

    /** The line that says the scan is incomplete. */
    String alert(String text);

    TextStyle PLAIN = new TextStyle() {
        @Override
        public String severity(Severity severity, String cell) {
            return cell;
        }

        @Override
        public String heading(String text) {
            return text;
        }

        @Override
        public String alert(String text) {
            return text;
        }
    };
}
