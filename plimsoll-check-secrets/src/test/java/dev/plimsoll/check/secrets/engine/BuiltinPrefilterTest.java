package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.generic.GenericDetectors;
import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in catalogue and the generic detectors keep the trigram byte prefilter: one keyword shorter than three
 * characters would send every file through the Aho-Corasick automaton instead (a 2-character keyword once cost the
 * scanner its 200 MB/s).
 */
class BuiltinPrefilterTest {
    @Test
    void builtinKeywordsSupportTheTrigramPrefilter() {
        List<String> keywords = new ArrayList<>();
        for (SecretRule r : RuleSet.builtin().rules()) {
            keywords.addAll(r.keywords());
        }
        GenericDetectors.all().forEach(d -> keywords.addAll(d.keywords()));
        assertThat(keywords).hasSizeGreaterThan(300);
        assertThat(TrigramPrefilter.supports(keywords)).isTrue();
    }
}
