package dev.plimsoll.check.cis.input.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class ShellWordsProperties {
    /** Any word survives single-quoting as a shell writes it ('…'\''…'). */
    @Property
    void singleQuotedWordsComeBackUnchanged(@ForAll @Size(min = 1, max = 5) List<String> words) throws Exception {
        StringBuilder line = new StringBuilder("docker");
        for (String word : words) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        List<ShellWords.Command> commands = ShellWords.commands(line.toString());
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).words().subList(1, commands.get(0).words().size())).isEqualTo(words);
    }

    /** Whatever the text, splitting ends with words or a quoting error, never an exception of another kind. */
    @Property
    void arbitraryTextNeverBreaksTheSplitter(@ForAll String text) {
        try {
            ShellWords.commands(text);
        } catch (ShellWords.UnterminatedQuoteException expected) {
            assertThat(expected.line).isPositive();
        }
    }
}
