package dev.plimsoll.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "etc/passwd, /etc/passwd",
            "./etc/passwd, /etc/passwd",
            "/etc/passwd, /etc/passwd",
            "etc/, /etc",
            "'', /",
            "., /",
            "./, /",
            "/, /",
            "a/../b, /b",
            "a/./b//c/, /a/b/c",
            "a/b/../../c, /c",
            "..., /...",
            "a/..b, /a/..b",
    })
    void normalises(String raw, String expected) throws Exception {
        assertThat(PathNormalizer.normalize(raw, 4096, 256, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "/../etc", "./../x", "a/b/../../../x"})
    void refusesEscapes(String raw) {
        assertThatThrownBy(() -> PathNormalizer.normalize(raw, 4096, 256, false))
                .isInstanceOf(PathNormalizer.UnsafePathException.class).hasMessageContaining("climbs out");
    }

    @Test
    void clampsAtTheRootWhenAskedTo() throws Exception {
        assertThat(PathNormalizer.normalize("/../../etc/passwd", 4096, 256, true)).isEqualTo("/etc/passwd");
    }

    @Test
    void enforcesDepthAndLength() throws Exception {
        assertThat(PathNormalizer.normalize("a/b/c", 100, 3, false)).isEqualTo("/a/b/c");
        assertThatThrownBy(() -> PathNormalizer.normalize("a/b/c/d", 100, 3, false)).hasMessageContaining("depth");
        assertThatThrownBy(() -> PathNormalizer.normalize("abcdef", 5, 3, false)).hasMessageContaining("characters");
        assertThatThrownBy(() -> PathNormalizer.normalize("./".repeat(100_000), 4096, 256, false))
                .hasMessageContaining("exceeds");
    }

    @Test
    void parentsAndChildren() {
        assertThat(PathNormalizer.parent("/")).isNull();
        assertThat(PathNormalizer.parent("/a")).isEqualTo("/");
        assertThat(PathNormalizer.parent("/a/b")).isEqualTo("/a");
        assertThat(PathNormalizer.child("/", "a")).isEqualTo("/a");
        assertThat(PathNormalizer.child("/a", "b")).isEqualTo("/a/b");
    }
}
