package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScanTextTest {
    private final ScanText text = new ScanText("first\nsecond line\r\n\nlast", "app/.env");

    @Test
    void lineStartIsTheCharacterAfterThePreviousLineBreak() {
        assertThat(text.lineStart(0)).isZero();
        assertThat(text.lineStart(3)).isZero();
        assertThat(text.lineStart(5)).isZero();        // the '\n' ending "first" belongs to it
        assertThat(text.lineStart(6)).isEqualTo(6);
        assertThat(text.lineStart(12)).isEqualTo(6);
        assertThat(text.lineStart(19)).isEqualTo(19);  // the empty line
        assertThat(text.lineStart(20)).isEqualTo(20);
        assertThat(text.lineStart(24)).isEqualTo(20);  // the end of the text
        assertThat(text.lineStart(99)).isEqualTo(20);  // beyond it
    }

    @Test
    void lineIsTheTextBetweenTheBreaksWithoutTheCarriageReturn() {
        assertThat(text.line(2)).isEqualTo("first");
        assertThat(text.line(10)).isEqualTo("second line");
        assertThat(text.line(19)).isEmpty();
        assertThat(text.line(22)).isEqualTo("last");
        assertThat(text.lineEnd(7)).isEqualTo(18);
        assertThat(new ScanText("no break", "x").lineStart(4)).isZero();
    }

    @Test
    void theRememberedLineIsReplacedWhenAnotherLineIsAskedFor() {
        assertThat(text.line(8)).isEqualTo("second line");
        assertThat(text.lineStart(10)).isEqualTo(6);
        assertThat(text.line(18)).isEqualTo("second line");   // its '\n'
        assertThat(text.line(1)).isEqualTo("first");
        assertThat(text.lineStart(4)).isZero();
        assertThat(text.lineStart(7)).isEqualTo(6);
        assertThat(text.line(19)).isEmpty();
        assertThat(text.line(21)).isEqualTo("last");
        assertThat(text.line(5)).isEqualTo("first");
    }
}
