package dev.plimsoll.analyzer.lang.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.problem.ProblemKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TomlTest {
    @Test
    void whatCargoWrites() throws Exception {
        Toml.Table root = Toml.parse("""
                # comment
                version = 3

                [[package]]
                name = "a"
                dependencies = [
                 "b 1.0.0 (registry+https://x)", # trailing comment
                 'c',
                ]

                [[package]]
                "name" = "b\\u00e9\\t"
                inline = { x = 1, y.z = true }

                [metadata]
                "checksum b 1.0.0 (registry+https://x)" = "abc"
                multi = \"\"\"
                one \\
                  two\"\"\"
                raw = '''
                a'b'''
                [patch.unused]
                """);
        assertThat(root.get("version")).containsInstanceOf(Toml.Int.class);
        Toml.TableArray packages = (Toml.TableArray) root.get("package").orElseThrow();
        assertThat(packages.tables()).hasSize(2);
        assertThat(packages.tables().get(0).line()).isEqualTo(4);
        Toml.Array deps = (Toml.Array) packages.tables().get(0).get("dependencies").orElseThrow();
        assertThat(deps.values()).extracting(v -> ((Toml.Str) v).value())
                .containsExactly("b 1.0.0 (registry+https://x)", "c");
        assertThat(packages.tables().get(1).string("name")).contains("b\u00e9\t");
        Toml.Table metadata = (Toml.Table) root.get("metadata").orElseThrow();
        assertThat(metadata.string("checksum b 1.0.0 (registry+https://x)")).contains("abc");
        assertThat(metadata.string("multi")).contains("one two");
        assertThat(metadata.string("raw")).contains("a'b");
        assertThat(metadata.line()).isEqualTo(15);
        assertThat(root.get("patch")).containsInstanceOf(Toml.Table.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a = |1|a value expected at the end of the file",
            "a = \\nb = 1|1|a value expected, found U+000A",
            "a = 1\\na = 2|2|key \"a\" defined twice",
            "[x]\\n[x]|2|[x] defined twice",
            "a = \"open|1|a string not closed on its line",
            "a = [1, 2|1|expected ',' or ']' in an array",
            "a = [1,|1|an array not closed",
            "a = 1 b|1|unexpected 'b' after a value",
            "a = \"\\q\"|1|an unknown escape 'q' in a string",
            "a = 99999999999999999999|1|an integer beyond 64 bits",
            "x = 1\\n[x.y]|2|key \"x\" is not a table",
            "[[a]]\\n[a]|2|[a] defined twice",
            "= 1|1|a key expected, found '='"})
    void malformed(String text, int line, String message) {
        assertThatThrownBy(() -> Toml.parse(text.replace("\\n", "\n")))
                .isInstanceOfSatisfying(TomlException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.MALFORMED_FILE);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void valuesCargoNeverWritesAreUnsupported() {
        for (String value : List.of("1.5", "1979-05-27", "inf", "0x1f")) {
            assertThatThrownBy(() -> Toml.parse("a = " + value)).isInstanceOfSatisfying(TomlException.class,
                    e -> assertThat(e.kind()).isEqualTo(ProblemKind.UNSUPPORTED));
        }
    }

    @Test
    void nestingIsBounded() {
        String deep = "a = " + "[".repeat(Toml.MAX_DEPTH + 2) + "]".repeat(Toml.MAX_DEPTH + 2);
        assertThatThrownBy(() -> Toml.parse(deep)).isInstanceOfSatisfying(TomlException.class,
                e -> assertThat(e.kind()).isEqualTo(ProblemKind.LIMIT_EXCEEDED));
    }
}
