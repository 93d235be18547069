package dev.plimsoll.analyzer.os.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsReleaseParserTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "V=plain|plain",
        "V=\"double quoted\"|double quoted",
        "V='single quoted'|single quoted",
        "V=\"escapes \\\" \\\\ \\$ \\`\"|escapes \" \\ $ `",
        "V=\"other backslashes stay \\n \\x\"|other backslashes stay \\n \\x",
        "V='no escapes in \\ single quotes'|no escapes in \\ single quotes",
        "V=unquoted\\ escaped\\ blanks|unquoted escaped blanks",
        "V=\"joined\"'parts'\\ and\\ words|joinedparts and words",
        "V=\"$HOME is not expanded\"|$HOME is not expanded",
        "V=value # a comment|value",
        "V=a#b|a#b",
        "V=\"quoted # not a comment\"|quoted # not a comment",
        "V=words with blanks   |words with blanks",
        "V=\"  kept blanks  \"|~  kept blanks  ~",
        "V=\"unterminated runs to the end|unterminated runs to the end",
        "V=|~~",
        "V=\"\"|~~",
        "  V = spaced  |spaced",
        "V=a=b=c|a=b=c",
    })
    void readsShellStyleValues(String line, String expected) {
        assertThat(OsReleaseParser.parse(line + "\n")).containsEntry("V", expected);
    }

    @Test
    void ignoresCommentsBlankAndInvalidLinesAndLaterAssignmentsWin() {
        Map<String, String> values = OsReleaseParser.parse("""
                # a comment
                   # an indented comment

                ID=first
                not an assignment
                1BAD=digit first
                BAD-KEY=dash
                =no key
                ID=second
                lower_case_ok=yes
                """);

        assertThat(values).containsExactly(Map.entry("ID", "second"), Map.entry("lower_case_ok", "yes"));
    }

    @Test
    void carriageReturnsAndAMissingFinalNewlineAreTolerated() {
        assertThat(OsReleaseParser.parse("ID=debian\r\nVERSION_ID=\"12\"\r\nNAME=x"))
                .containsExactly(Map.entry("ID", "debian"), Map.entry("VERSION_ID", "12"), Map.entry("NAME", "x"));
    }
}
