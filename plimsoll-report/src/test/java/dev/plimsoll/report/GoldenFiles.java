package dev.plimsoll.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with checked-in golden files, byte for byte. Run with {@code -Dplimsoll.updateGolden=true} to
 * rewrite them from the current output, then review the diff before committing: the goldens are the specification.
 * Files live in the source tree (not target/) so that an update is a visible change.
 */
final class GoldenFiles {
    static final String UPDATE_PROPERTY = "plimsoll.updateGolden";

    private final Path dir;

    private GoldenFiles(Path dir) {
        this.dir = dir;
    }

    /** Golden files under {@code src/test/resources/golden} of this module. */
    static GoldenFiles standard() {
        // Surefire runs in the module directory and also passes it as "basedir".
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return new GoldenFiles(module.resolve("src/test/resources/golden"));
    }

    void assertMatches(String name, byte[] actual) throws IOException {
        Path file = dir.resolve(name + ".golden");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(dir);
            Files.write(file, actual);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; run the tests with -D" + UPDATE_PROPERTY + "=true to create it");
        }
        byte[] expected = Files.readAllBytes(file);
        // Compared as text first for a readable diff, then as bytes so that encodings and line ends count too.
        assertThat(new String(actual, StandardCharsets.UTF_8))
                .as("%s differs from its golden file; if the change is intended, rerun with -D%s=true and review",
                        name, UPDATE_PROPERTY)
                .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).as(name).isEqualTo(expected);
    }
}
