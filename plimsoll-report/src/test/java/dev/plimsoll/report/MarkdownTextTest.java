package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownTextTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            "a|b => a\\|b",
            "`x` => \\`x\\`",
            "**x** _y_ ~z~ => \\*\\*x\\*\\* \\_y\\_ \\~z\\~",
            "[a](b) ![c](d) => \\[a\\](b) !\\[c\\](d)",
            "<img src=x onerror=alert(1)> => &lt;img src=x onerror=alert(1)&gt;",
            "&amp; &#64; => &amp;amp; &amp;#&#8203;64;",
            "cc @octocat and #12 => cc @&#8203;octocat and #&#8203;12",
            "$E=mc^2$ => \\$E=mc^2\\$",
            "back\\slash => back\\\\slash"})
    void inlineTextHasNoMarkdownOrHtmlMeaning(String text, String markdown) {
        assertThat(MarkdownText.inline(text)).isEqualTo(markdown);
    }

    @Test
    void inlineTextIsOneCleanLineCutToLength() {
        assertThat(MarkdownText.inline("a\nb\r\nc\u001b[1m")).isEqualTo("a b c\uFFFD\\[1m");
        assertThat(MarkdownText.inline("abcdef", 4)).isEqualTo("abc\u2026");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "lodash; `lodash`",
            "a`b; ``a`b``",
            "a``b`; ``` a``b` ```",
            "`x; `` `x ``",
            "\" a \"; `  a  `"})
    void codeSpansUseAFenceLongerThanAnyBacktickRun(String text, String span) {
        assertThat(MarkdownText.code(text, 100, false)).isEqualTo(span);
    }

    @Test
    void codeSpansInTablesEscapePipesAndElsewhereDoNot() {
        assertThat(MarkdownText.code("a|b", 100, true)).isEqualTo("`a\\|b`");
        assertThat(MarkdownText.code("a|b", 100, false)).isEqualTo("`a|b`");
        assertThat(MarkdownText.code("", 100, true)).isEqualTo("` `");
    }

    @Test
    void onlyHttpUrlsBecomeLinks() {
        assertThat(MarkdownText.link("CVE-1", Optional.of(URI.create("https://example.org/a_(b)?c=1&d=2"))))
                .isEqualTo("[CVE-1](https://example.org/a_%28b%29?c=1&d=2)");
        assertThat(MarkdownText.link("x", Optional.of(URI.create("javascript:alert(1)")))).isEqualTo("x");
        assertThat(MarkdownText.link("x", Optional.of(URI.create("data:text/html,hi")))).isEqualTo("x");
        assertThat(MarkdownText.link("x", Optional.of(URI.create("relative/page.html")))).isEqualTo("x");
        assertThat(MarkdownText.link("x_y", Optional.empty())).isEqualTo("x\\_y");
    }
}
