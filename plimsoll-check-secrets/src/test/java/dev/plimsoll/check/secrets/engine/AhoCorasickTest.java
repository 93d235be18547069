package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
    private final AhoCorasick ac = new AhoCorasick(List.of("he", "she", "his", "hers", "ghp_"), new int[] {0, 1, 2, 3, 4});

    @Test
    void findsOverlappingKeywordsWithTheirEnds() {
        List<String> hits = new ArrayList<>();
        ac.scan("ushers", 0, 6, (p, end) -> hits.add(p + "@" + end));
        assertThat(hits).containsExactlyInAnyOrder("1@4", "0@4", "3@6");
    }

    @Test
    void matchesCaseInsensitivelyOnCharsAndBytes() {
        List<Integer> hits = new ArrayList<>();
        ac.scan("TOKEN=GHP_abc", 0, 13, (p, end) -> hits.add(p));
        assertThat(hits).containsExactly(4);
        List<String> byteHits = new ArrayList<>();
        byte[] bytes = "Ünïcödé and SHE".getBytes(StandardCharsets.UTF_8);
        ac.scan(bytes, 0, bytes.length, (p, end) -> byteHits.add(p + "@" + end));
        assertThat(byteHits).containsExactlyInAnyOrder("1@" + bytes.length, "0@" + bytes.length);
    }

    @Test
    void nonAsciiNeverMatchesAndNothingIsFoundInPlainText() {
        List<Integer> none = new ArrayList<>();
        byte[] bytes = "package main\nfunc main() {}\n".getBytes(StandardCharsets.UTF_8);
        ac.scan(bytes, 0, bytes.length, (p, end) -> none.add(p));
        assertThat(none).isEmpty();
        List<Integer> hits = new ArrayList<>();
        ac.scan("hé shé", 0, 6, (p, end) -> hits.add(p));
        assertThat(hits).isEmpty();
    }

    @Test
    void respectsTheRange() {
        List<Integer> hits = new ArrayList<>();
        ac.scan("she said", 1, 8, (p, end) -> hits.add(p));
        assertThat(hits).containsExactly(0);
    }
}
