package dev.plimsoll.vulndb.build.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedYamlTest {
    private final FeedYaml yaml = new FeedYaml(64 * 1024);

    private JsonNode read(String text) throws IOException {
        return yaml.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsPlainTreesWithTheScalarsAsWritten() throws IOException {
        JsonNode node = read("""
                ---
                cve: ~
                date: 2011-12-28
                time: 2015-08-06 22:08:00
                versions: ['>=2.0.0', '<2.0.99']
                osvdb: 78121
                """);

        assertThat(node.get("cve").isNull()).isTrue();
        assertThat(node.get("date").asText()).isEqualTo("2011-12-28");
        assertThat(node.get("time").asText()).isEqualTo("2015-08-06 22:08:00");
        assertThat(TreeValues.strings(node, "versions")).contains(List.of(">=2.0.0", "<2.0.99"));
        assertThat(TreeValues.scalar(node, "osvdb")).contains("78121");
    }

    @Test
    void tagsBuildNothing() throws IOException {
        JsonNode node = read("a: !!python/object/apply:os.system ['echo hi']\nb: !!java.net.URL x\n");

        assertThat(node.get("a").isArray()).isTrue();
        assertThat(node.get("b").asText()).isEqualTo("x");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> read("gem: a\ngem: b\n")).hasMessageContaining("Duplicate field 'gem'");
        assertThatThrownBy(() -> read("x:\n  k: 1\n  k: 2\n")).hasMessageContaining("Duplicate field 'k'");
    }

    @Test
    void aliasesAreRefusedSoNoExpansionBombCanBeBuilt() {
        assertThatThrownBy(() -> read("a: &a [x, x]\nb: [*a, *a]\n")).hasMessageContaining("alias '*a' refused");
    }

    @Test
    void documentSizeAndNestingAreBounded() {
        String big = "d: '" + "x".repeat(70 * 1024) + "'\n";
        assertThatThrownBy(() -> read(big)).isInstanceOf(IOException.class);
        String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertThatThrownBy(() -> read(deep)).isInstanceOf(IOException.class);
    }

    @Test
    void anEmptyStreamIsMissingAndMalformedYamlThrows() throws IOException {
        assertThat(read("").isMissingNode()).isTrue();
        assertThatThrownBy(() -> read("a: [unclosed\n")).isInstanceOf(IOException.class);
    }

    @Test
    void stringListsRefuseNonStrings() throws IOException {
        JsonNode node = read("a: [1.10]\nb: {x: 1}\nc: '>= 1'\nd: ~\ne: ['', ' >= 2 ']\n");

        assertThat(TreeValues.strings(node, "a")).isEmpty();
        assertThat(TreeValues.strings(node, "b")).isEmpty();
        assertThat(TreeValues.strings(node, "c")).contains(List.of(">= 1"));
        assertThat(TreeValues.strings(node, "d")).contains(List.of());
        assertThat(TreeValues.strings(node, "missing")).contains(List.of());
        assertThat(TreeValues.strings(node, "e")).contains(List.of(">= 2"));
        assertThat(TreeValues.scalar(node, "b")).isEqualTo(Optional.empty());
    }
}
