package dev.plimsoll.fs;

import static dev.plimsoll.testkit.TarBuilder.tar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.fs.FileMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathSkipsTest {
    private static final TestImage TREE = TestImage.of(tar()
            .dir("app").file("app/package-lock.json", "{}")
            .dir("app/node_modules").dir("app/node_modules/lodash").file("app/node_modules/lodash/package.json", "{}")
            .dir("web").dir("web/node_modules").file("web/node_modules/x.json", "{}").file("web/yarn.lock", "")
            .dir("vendor").file("vendor/composer.lock", "{}")
            .file("notes.txt", "n").file("app/readme.txt", "r")
            .build());

    private static Walked walk(PathSkips skips) {
        Deliveries deliveries = new Deliveries();
        try (SquashedView view = new SquashWalker(WalkLimits.defaults()).walk(TREE,
                InterestIndex.compile(List.of(Fixture.everything())), deliveries, skips)) {
            return new Walked(view.files().stream().map(FileMeta::path).toList(), view.skipped(),
                    deliveries.paths(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Walked(List<String> paths, List<PathSkips.Skipped> skipped, List<String> delivered) {
    }

    @Test
    void aSkippedDirectoryTakesEverythingBelowItAndIsCounted() {
        Walked w = walk(new PathSkips(List.of("**/node_modules"), List.of()));

        assertThat(w.paths()).containsExactly("/app", "/app/package-lock.json", "/app/readme.txt", "/notes.txt",
                "/vendor", "/vendor/composer.lock", "/web", "/web/yarn.lock");
        assertThat(w.delivered()).noneMatch(p -> p.contains("node_modules"));
        // app/node_modules, its lodash dir and package.json; web/node_modules and its file
        assertThat(w.skipped()).containsExactly(new PathSkips.Skipped("--skip-dirs", "/**/node_modules", 5,
                Optional.of("/app/node_modules")));
    }

    @Test
    void relativePatternsStartAtTheRootAndFilePatternsSkipOnlyFiles() {
        Walked w = walk(new PathSkips(List.of("./vendor/"), List.of("**/*.txt", "web")));

        assertThat(w.paths()).containsExactly("/app", "/app/node_modules", "/app/node_modules/lodash",
                "/app/node_modules/lodash/package.json", "/app/package-lock.json", "/web", "/web/node_modules",
                "/web/node_modules/x.json", "/web/yarn.lock");
        assertThat(w.skipped()).extracting(PathSkips.Skipped::option, PathSkips.Skipped::pattern,
                PathSkips.Skipped::entries).containsExactly(
                org.assertj.core.groups.Tuple.tuple("--skip-dirs", "/vendor", 2L),
                org.assertj.core.groups.Tuple.tuple("--skip-files", "/**/*.txt", 2L),
                // a file pattern naming a directory skips nothing, and the report says so
                org.assertj.core.groups.Tuple.tuple("--skip-files", "/web", 0L));
    }

    @Test
    void aDirectoryPatternDoesNotSkipAFileOfThatName() {
        Walked w = walk(new PathSkips(List.of("notes.txt"), List.of()));

        assertThat(w.paths()).contains("/notes.txt");
        assertThat(w.skipped().getFirst().entries()).isZero();
    }

    @Test
    void noSkipsSkipNothing() {
        assertThat(walk(PathSkips.NONE).paths()).hasSize(13);
        assertThat(walk(PathSkips.NONE).skipped()).isEmpty();
    }

    @Test
    void emptyPatternsAreRefused() {
        assertThatThrownBy(() -> new PathSkips(List.of(" "), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
