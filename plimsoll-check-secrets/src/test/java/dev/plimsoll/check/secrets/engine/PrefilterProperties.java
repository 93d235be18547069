package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.check.secrets.generic.GenericDetectors;
import dev.plimsoll.check.secrets.rules.RuleSet;
import dev.plimsoll.check.secrets.rules.SecretRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trigram byte prefilter reports exactly the keyword occurrences the Aho-Corasick automaton does: on the generic
 * detectors' keywords and on the whole built-in catalogue's (3-character ones included), over whole buffers and
 * sub-ranges of them.
 */
class PrefilterProperties {
    private static final List<String> KEYWORDS = new ArrayList<>();
    private static final int[] PAYLOADS;
    private static final List<String> ALL_KEYWORDS = new ArrayList<>();
    private static final int[] ALL_PAYLOADS;

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
        List<Integer> q = new ArrayList<>();
        for (SecretRule r : RuleSet.builtin().rules()) {
            for (String k : r.keywords()) {
                ALL_KEYWORDS.add(k);
                q.add(ALL_KEYWORDS.size() - 1);
            }
        }
        ALL_KEYWORDS.addAll(KEYWORDS);
        KEYWORDS.forEach(k -> q.add(q.size()));
        ALL_PAYLOADS = q.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final AhoCorasick ALL_AUTOMATON = new AhoCorasick(ALL_KEYWORDS, ALL_PAYLOADS);
    private static final TrigramPrefilter ALL_TRIGRAMS = new TrigramPrefilter(ALL_KEYWORDS, ALL_PAYLOADS);

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

    @Property(tries = 500)
    void sameHitsAsTheAutomatonOnTheCatalogueAndOnSubRanges(@ForAll("catalogueTexts") String text,
                                                           @ForAll("cuts") int cutFrom, @ForAll("cuts") int cutTo) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int off = Math.min(cutFrom, b.length);
        int len = Math.max(0, b.length - off - Math.min(cutTo, b.length));
        List<String> expected = new ArrayList<>();
        ALL_AUTOMATON.scan(b, off, len, (p, end) -> expected.add(p + "@" + end));
        List<String> actual = new ArrayList<>();
        ALL_TRIGRAMS.scan(b, off, len, (p, end) -> actual.add(p + "@" + end));
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 6);
    }

    @Provide
    Arbitrary<String> catalogueTexts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(ALL_KEYWORDS),
                Arbitraries.of(ALL_KEYWORDS).map(k -> k.toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.of(ALL_KEYWORDS).map(k -> k.substring(0, k.length() - 1)),
                Arbitraries.strings().ofMaxLength(5), Arbitraries.of("-", ":", "/", "\"", " ", "\n", "é", "ü"));
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(KEYWORDS),
                Arbitraries.of(KEYWORDS).map(k -> k.toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.strings().ofMaxLength(5), Arbitraries.of("-", ":", "/", "\"", " ", "\n", "é", "ü"));
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
