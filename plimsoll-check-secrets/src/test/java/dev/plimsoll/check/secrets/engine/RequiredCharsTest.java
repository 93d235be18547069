package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RequiredCharsTest {
    private static String of(String regex) {
        return RequiredChars.of(Pattern.compile(regex));
    }

    @Test
    void topLevelPunctuationThatNoQuantifierMakesOptional() {
        assertThat(of("\\b(?:https?|ftp)://[^:/?#\\s@]{1,64}:([^@/?#\\s]{3,128})@[A-Za-z0-9.-]{1,253}\\.[a-z]{2,24}\\b"))
                .isEqualTo(":/@.");
        assertThat(of("\\b(ghp_[A-Za-z0-9]{36})\\b")).isEmpty();
        assertThat(of("a=?b:*c-{0,2}d~{1,2}e#+")).isEqualTo("~#");
        assertThat(of("x@y|z")).isEmpty();
        assertThat(of("[@]x(@)\\@")).isEqualTo("@");
        assertThat(of("(?i)key=\\Q@\\E")).isEmpty();
        assertThat(of("[]@]x")).isEmpty();
    }

    @Test
    void everyBuiltinRulesPositivesContainItsRequiredCharacters() {
        // The through-the-engine rule cases prove it match by match; this names the culprit when one is wrong.
        for (SecretRule r : RuleSet.builtin().rules()) {
            String req = RequiredChars.of(r.regex());
            for (String p : r.tests().positives()) {
                for (char c : req.toCharArray()) {
                    assertThat(p).as(r.id() + " requires '" + c + "'").contains(String.valueOf(c));
                }
            }
        }
    }
}
