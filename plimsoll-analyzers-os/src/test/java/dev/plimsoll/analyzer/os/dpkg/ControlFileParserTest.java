package dev.plimsoll.analyzer.os.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.analyzer.os.dpkg.ControlFileParser.Malformed;
import dev.plimsoll.analyzer.os.dpkg.ControlFileParser.Paragraph;
import dev.plimsoll.analyzer.os.dpkg.ControlFileParser.Result;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlFileParserTest {
    private static final ControlFileParser PARSER = new ControlFileParser(Set.of("package", "version", "depends",
            "description"));

    @Test
    void paragraphsAreSeparatedByBlankLinesAndStartLinesAreKept() {
        Result r = PARSER.parse("Package: a\nVersion: 1\n\n\n\nPackage: b\nVersion: 2\n");

        assertThat(r.malformed()).isEmpty();
        assertThat(r.paragraphs()).containsExactly(new Paragraph(1, Map.of("package", "a", "version", "1")),
                new Paragraph(6, Map.of("package", "b", "version", "2")));
    }

    @Test
    void aLineOfBlanksEndsAParagraph() {
        Result r = PARSER.parse("Package: a\n \t \nPackage: b\n");

        assertThat(r.paragraphs()).extracting(p -> p.get("package")).containsExactly("a", "b");
    }

    @Test
    void continuationLinesJoinTheFieldWithLineBreaks() {
        Result r = PARSER.parse("Package: a\nDescription: short\n long line one\n .\n\tline two\nVersion: 1\n");

        assertThat(r.paragraphs()).singleElement().satisfies(p -> {
            assertThat(p.get("description")).isEqualTo("short\nlong line one\n.\nline two");
            assertThat(p.get("version")).isEqualTo("1");
        });
    }

    @Test
    void aFieldMayStartEmptyAndContinueOnTheNextLines() {
        Result r = PARSER.parse("Package: a\nDepends:\n x,\n y\n");

        assertThat(r.paragraphs()).singleElement().extracting(p -> p.get("depends")).isEqualTo("x,\ny");
    }

    @Test
    void fieldNamesAreCaseInsensitiveAndUnwantedFieldsAreSkipped() {
        Result r = PARSER.parse("PACKAGE: a\nvErSiOn: 1\nConffiles:\n /etc/a 0123\nMaintainer: m\n");

        assertThat(r.paragraphs()).singleElement().extracting(Paragraph::fields)
                .isEqualTo(Map.of("package", "a", "version", "1"));
    }

    @Test
    void carriageReturnsAndAMissingFinalNewlineAreTolerated() {
        Result r = PARSER.parse("Package: a\r\nDescription: x\r\n more\r\n\r\nPackage: b\r\nVersion: 2");

        assertThat(r.malformed()).isEmpty();
        assertThat(r.paragraphs()).extracting(Paragraph::fields).containsExactly(
                Map.of("package", "a", "description", "x\nmore"), Map.of("package", "b", "version", "2"));
    }

    @Test
    void valuesAreTrimmedAndColonsInValuesKept() {
        Result r = PARSER.parse("Package:\t a \nVersion: 1:2.0-1 \n");

        assertThat(r.paragraphs()).singleElement().extracting(Paragraph::fields)
                .isEqualTo(Map.of("package", "a", "version", "1:2.0-1"));
    }

    @Test
    void faultsDropTheirParagraphWithTheFirstFaultLine() {
        Result r = PARSER.parse("""
                Package: a
                no colon
                also no colon

                : empty name
                Package: b

                Package: c
                Package: C

                 leading continuation

                Pack age: d

                #comment: x

                Package: ok
                """);

        assertThat(r.paragraphs()).extracting(p -> p.get("package")).containsExactly("ok");
        assertThat(r.malformed()).containsExactly(
                new Malformed(2, "expected \"Field: value\""),
                new Malformed(5, "empty field name"),
                new Malformed(9, "duplicate field Package"),
                new Malformed(11, "continuation line without a field before it"),
                new Malformed(13, "invalid field name \"Pack age\""),
                new Malformed(15, "invalid field name \"#comment\""));
    }

    @Test
    void overlongValuesAreFaultsButOverlongUnwantedValuesAreSkipped() {
        String big = "v".repeat(ControlFileParser.MAX_VALUE_CHARS + 1);

        assertThat(PARSER.parse("Package: " + big + "\n").malformed()).singleElement()
                .extracting(Malformed::message).asString().startsWith("value of field Package longer than");
        assertThat(PARSER.parse("Package: a\nDescription: x\n" + (" " + big + "\n")).malformed()).singleElement()
                .extracting(Malformed::message).asString().startsWith("value of field Description longer than");
        assertThat(PARSER.parse("Package: a\nHomepage: " + big + "\n").paragraphs()).singleElement()
                .extracting(p -> p.get("package")).isEqualTo("a");
    }

    @Test
    void emptyInputHasNoParagraphs() {
        assertThat(PARSER.parse("")).isEqualTo(new Result(java.util.List.of(), java.util.List.of()));
        assertThat(PARSER.parse("\n\n  \n").paragraphs()).isEmpty();
    }
}
