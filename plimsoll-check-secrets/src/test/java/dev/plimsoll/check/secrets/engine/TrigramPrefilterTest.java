package dev.plimsoll.check.secrets.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrigramPrefilterTest {
    private static final List<String> KEYWORDS = List.of("key", "keyvault", "pwd", "password", "ghp_", "kid");
    private final TrigramPrefilter prefilter = new TrigramPrefilter(KEYWORDS, new int[] {0, 1, 2, 3, 4, 5});

    private List<String> hits(String text, int off, int len) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        prefilter.scan(b, off, len, (p, end) -> out.add(KEYWORDS.get(p) + "@" + end));
        return out;
    }

    @Test
    void aThreeCharacterKeywordIsFoundAtTheEndAtTheStartAndAlone() {
        assertThat(hits("key", 0, 3)).containsExactly("key@3");
        assertThat(hits("the KEY", 0, 7)).containsExactly("key@7");
        assertThat(hits("pwd=1", 0, 5)).containsExactly("pwd@3");
    }

    @Test
    void aKeywordRunningPastTheRangeIsNotReportedButItsShorterPrefixIs() {
        // "keyvault" starts inside [0, 6) but ends beyond it; "key" ends inside it.
        assertThat(hits("my keyvault", 0, 6)).containsExactly("key@6");
        assertThat(hits("my keyvault", 0, 11)).containsExactly("key@6", "keyvault@11");
    }

    @Test
    void bytesBeforeTheRangeDoNotCompleteAKeyword() {
        assertThat(hits("kkey", 1, 3)).containsExactly("key@4");
        assertThat(hits("keyx", 1, 3)).isEmpty();
        assertThat(hits("ghp_x", 1, 4)).isEmpty();
    }

    @Test
    void tooShortRangesFindNothing() {
        assertThat(hits("", 0, 0)).isEmpty();
        assertThat(hits("ke", 0, 2)).isEmpty();
        assertThat(hits("key", 1, 2)).isEmpty();
    }

    @Test
    void overlappingKeywordsAreAllReported() {
        assertThat(hits("password kid pwd keyvault", 0, 25))
                .containsExactly("password@8", "kid@12", "pwd@16", "key@20", "keyvault@25");
    }
}
