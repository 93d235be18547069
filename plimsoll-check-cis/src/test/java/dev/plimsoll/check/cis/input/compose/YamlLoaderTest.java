package dev.plimsoll.check.cis.input.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.check.cis.input.Fixtures;
import dev.plimsoll.check.cis.input.compose.YamlNode.Mapping;
import dev.plimsoll.check.cis.input.compose.YamlNode.Scalar;
import org.junit.jupiter.api.Test;

class YamlLoaderTest {
    @Test
    void appliesMergeKeysWithExplicitKeysWinningAndTheFirstMergedMappingWinning() throws Exception {
        Mapping root = (Mapping) YamlLoader.load("""
                a: &a {x: 1, y: 1}
                b: &b {y: 2, z: 2}
                c:
                  <<: [*a, *b]
                  x: 3
                """, "t.yaml");
        Mapping c = (Mapping) root.get("c");
        assertThat(c.entries().keySet()).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(((Scalar) c.get("x")).text()).isEqualTo("3");
        assertThat(((Scalar) c.get("y")).text()).isEqualTo("1");
        assertThat(((Scalar) c.get("z")).text()).isEqualTo("2");
        assertThat(c.get("z").position().line()).isEqualTo(2);
    }

    @Test
    void anAliasBombStopsAtTheNodeBudget() {
        assertThatThrownBy(() -> YamlLoader.load(Fixtures.path("compose/bad/bomb.yaml"), "bomb.yaml"))
                .hasMessage("more than 500000 values once aliases are expanded (an alias bomb?)");
    }

    @Test
    void aThousandServicesSharingAnAnchorAreFine() throws Exception {
        StringBuilder yaml = new StringBuilder("x: &base {read_only: true, cap_drop: [ALL]}\nservices:\n");
        for (int i = 0; i < 1000; i++) {
            yaml.append("  s").append(i).append(": {<<: *base, image: nginx}\n");
        }
        Mapping services = (Mapping) ((Mapping) YamlLoader.load(yaml.toString(), "t.yaml")).get("services");
        assertThat(services.entries()).hasSize(1000);
        assertThat(((Mapping) services.get("s999")).entries().keySet()).containsExactly("read_only", "cap_drop",
                "image");
    }

    @Test
    void tooManyAliasesAreRefusedByTheParserItself() {
        StringBuilder yaml = new StringBuilder("a: &a [1]\nb: [");
        yaml.append("*a,".repeat(10_001)).append("*a]\n");
        assertThatThrownBy(() -> YamlLoader.load(yaml.toString(), "t.yaml")).hasMessageContaining("aliases");
    }

    @Test
    void duplicateKeysAndBadMergesAreErrorsWithLines() {
        assertThatThrownBy(() -> YamlLoader.load("a: 1\nb: 2\na: 3\n", "t.yaml"))
                .isInstanceOfSatisfying(YamlLoader.YamlException.class, e -> assertThat(e.line).isEqualTo(3))
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> YamlLoader.load("s: &s 1\nm:\n  <<: *s\n", "t.yaml"))
                .hasMessageContaining("merge key");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertThatThrownBy(() -> YamlLoader.load(deep, "t.yaml")).hasMessageContaining("not valid YAML");
    }
}
