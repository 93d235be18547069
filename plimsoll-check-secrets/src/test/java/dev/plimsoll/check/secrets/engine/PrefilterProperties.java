package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.generic.GenericDetectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The trigram byte prefilter reports exactly the keyword occurrences the Aho-Corasick automaton does. */
class PrefilterProperties {
    private static final List<String> KEYWORDS = new ArrayList<>();
    private static final int[] PAYLOADS;

    static {
        List<Integer> p = new ArrayList<>();
        var detectors = GenericDetectors.all();
        for (int i = 0; i < detectors.size(); i++) {
            for (String k : detectors.get(i).keywords()) {
                KEYWORDS.add(k);
                p.add(KEYWORDS.size() - 1);
            }
        }
        PAYLOADS = p.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final AhoCorasick AUTOMATON = new AhoCorasick(KEYWORDS, PAYLOADS);
    private static final TrigramPrefilter TRIGRAMS = new TrigramPrefilter(KEYWORDS, PAYLOADS);

    @Property(tries = 500)
    void sameHitsAsTheAutomaton(@ForAll("texts") String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        AUTOMATON.scan(b, 0, b.length, (p, end) -> expected.add(p + "@" + end));
        List<String> actual = new ArrayList<>();
        TRIGRAMS.scan(b, 0, b.length, (p, end) -> actual.add(p + "@" + end));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(KEYWORDS),
                Arbitraries.of(KEYWORDS).map(k -> k.toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.strings().ofMaxLength(5), Arbitraries.of("-", ":", "/", "\"", " ", "\n", "é", "ü"));
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
