package dev.plimsoll.check.dockerfile.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpanderTest {
    private static final Function<String, Optional<String>> ENV =
            name -> Optional.ofNullable(Map.of("x", "val", "empty", "", "v", "v1.2.3", "path", "a/b/c").get(name));

    private final Expander expander = new Expander('\\');

    private String expand(String word) {
        return expander.expandWord(word, ENV).value();
    }

    @Test
    void substitutionForms() {
        assertThat(expand("$x-${x}")).isEqualTo("val-val");
        assertThat(expand("${unset:-d} ${empty:-d} ${empty-d} ${unset-d}")).isEqualTo("d d  d");
        assertThat(expand("${x:+alt} ${empty:+alt}|${empty+alt} ${unset+alt}")).isEqualTo("alt |alt ");
        assertThat(expand("${v#v} ${path##*/} ${path%/*} ${path%%/*}")).isEqualTo("1.2.3 c a/b a");
        assertThat(expand("${unset:-${x}}")).isEqualTo("val");
    }

    @Test
    void quotesAndEscapes() {
        assertThat(expand("\\$x '$x' \"$x\" \"\\$x\" a\\ b")).isEqualTo("$x $x val $x a b");
        assertThat(expand("\"a\\b\"")).isEqualTo("a\\b");
        assertThat(new Expander('`').expandWord("`$x C:\\dir", ENV).value()).isEqualTo("$x C:\\dir");
        assertThat(expander.unquote("\"a b\" '$c'")).isEqualTo("a b $c");
    }

    @Test
    void unresolvedAndUnsupportedAreReported() {
        Expansion expansion = expander.expandWord("$unset ${unset2:-d} ${x/a/b}", ENV);
        assertThat(expansion.unresolved()).containsExactly("unset");
        assertThat(expansion.approximate()).isTrue();
        assertThat(expansion.value()).isEqualTo(" d ${x/a/b}");
        assertThat(expander.expandWord("plain $", ENV).isExact()).isTrue();
    }

    @Test
    void heredocExpansionKeepsQuotes() {
        assertThat(expander.expandHeredoc("echo \"$x\" '\\$x'\n", ENV).value()).isEqualTo("echo \"val\" '$x'\n");
    }

    @Test
    void deepNestingStops() {
        String deep = "${a:-".repeat(5000) + "}".repeat(5000);
        assertThat(expander.expandWord(deep, ENV).approximate()).isTrue();
    }
}
