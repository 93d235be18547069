package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void controlsBidiOverridesAndNoncharactersShowAsReplacementCharacters() {
        assertThat(UntrustedText.line("\u001b[31mred\u001b[0m \u0007\u0000\u007f\u009b x\u202Eexe.txt \uFFFE\uFDD0"))
                .isEqualTo("\uFFFD[31mred\uFFFD[0m \uFFFD\uFFFD\uFFFD\uFFFD x\uFFFDexe.txt \uFFFD\uFFFD");
    }

    @Test
    void unpairedSurrogatesAreReplacedAndPairsKept() {
        assertThat(UntrustedText.line("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
    }

    @Test
    void lineBreaksAreSpacesOnOneLineAndNewlinesOtherwise() {
        assertThat(UntrustedText.line("a\r\nb\rc\nd\te\u2028f")).isEqualTo("a b c d e f");
        assertThat(UntrustedText.lines("a\r\nb\rc\nd\te\u2029f")).isEqualTo("a\nb\nc\nd e\nf");
    }

    @Test
    void capCountsCodePointsAndEndsWithAnEllipsis() {
        assertThat(UntrustedText.cap("abc", 3)).isEqualTo("abc");
        assertThat(UntrustedText.cap("abcd", 3)).isEqualTo("ab\u2026");
        assertThat(UntrustedText.cap("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00\u2026");
        assertThatThrownBy(() -> UntrustedText.cap("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
