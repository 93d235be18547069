package dev.plimsoll.check.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Parsing never throws and always terminates, whatever the input. */
class ShellParserProperties {
    private static final List<String> PIECES = List.of("apt-get", "install", "-y", "curl", " ", " ", " ", "\n",
            "\\\n", "&&", "||", ";", ";;", "&", "|", "|&", "(", ")", "{", "}", "$(", "$((", "))", "`", "'", "\"",
            "\\", "$", "${", "}", "<<", "<<-", "EOF", "\nEOF\n", ">", ">>", "2>&1", "<(", "[[", "]]", "if", "then",
            "elif", "else", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "function", "f()",
            "#", "X=", "a=(", "$'", "\\'", "!", "set", "-o", "pipefail", "sh", "-c", "sudo", "env", "A=1", "--",
            "--opt=", "\t", "\r\n", "é", "\u0000");

    @Property(tries = 2000)
    void arbitraryStringsNeverThrow(@ForAll @StringLength(max = 200) String text) {
        check(text);
    }

    @Property(tries = 3000)
    void shellShapedInputNeverThrows(@ForAll("shellish") String text) {
        check(text);
    }

    @Property(tries = 300)
    void nestedInputNeverThrows(@ForAll("nested") String text) {
        check(text);
    }

    private static void check(String text) {
        ShellScript script = ShellParser.parse(ScriptSource.at(text, 3, 5));
        // every query walks the whole tree: none of them may fail either
        for (SimpleCommand command : script.commands()) {
            command.commandName();
            command.hasFlag("-y", "--yes", "-name");
            command.flagValues("-o", "--option");
            command.positionals();
            command.toString();
            for (Word word : command.words()) {
                assertThat(word.position().line()).isGreaterThanOrEqualTo(3);
            }
        }
        script.pipelinesWithoutPipefail(false);
        assertThat(script.problems().size()).isLessThanOrEqualTo(50);
    }

    @Provide
    Arbitrary<String> shellish() {
        return Arbitraries.of(PIECES).list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> nested() {
        Arbitrary<String> opener = Arbitraries.of("$(", "(", "{ ", "`", "\"$(", "$((", "<(", "if ", "case x in ",
                "sh -c '", "bash -c \"", "for i in a; do ");
        return opener.list().ofMinSize(1).ofMaxSize(200).map(parts -> String.join("", parts) + "echo x");
    }
}
