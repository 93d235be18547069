package dev.plimsoll.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerId;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.analysis.ScanContext;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.Platform;
import dev.plimsoll.engine.Builtins;
import dev.plimsoll.engine.ScanListener;
import dev.plimsoll.engine.ScanPipeline;
import dev.plimsoll.engine.ScanRequest;
import dev.plimsoll.fs.WalkLimits;
import dev.plimsoll.image.ImageOpener;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files deleted by a whiteout (java-app's h2 jar, bad-practices' build credentials) are not in the squashed view,
 * yet reach, flagged as deleted, the analyzers that ask for deleted files: from every source kind with layers.
 */
class WhiteoutsBenchIT {

    record Case(String image, int layer, String deletedPath) {
        @Override
        public String toString() {
            return image + " " + deletedPath;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (List<String> summary : BenchDir.truthRows("summary")) {
            String image = summary.get(0);
            if (Integer.parseInt(summary.get(7)) == 0) {
                continue;
            }
            for (List<String> row : BenchDir.truthRows(image + ".whiteouts")) {
                cases.add(new Case(image, Integer.parseInt(row.get(0)), row.get(2)));
            }
        }
        assertThat(cases).as("the bench has whiteout cases").isNotEmpty();
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deletedFileIsOnlySeenByAnalyzersThatAskForDeletedFiles(Case c) throws IOException {
        for (BenchSources.Variant variant : BenchSources.all(BenchDir.images(), BenchDir.work(), c.image())) {
            if (variant.kind().equals("rootfs")) {
                continue; // an unpacked root filesystem has no deleted files left to see
            }
            Probe visibleOnly = new Probe("test/visible", Interests.of(PathInterest.exact(c.deletedPath())));
            Probe withDeleted = new Probe("test/deleted",
                    Interests.of(PathInterest.exact(c.deletedPath())).withDeleted());
            new ScanPipeline(new Builtins(List.of(visibleOnly, withDeleted)), new ImageOpener(),
                    WalkLimits.defaults(), Clock.systemUTC())
                    .scan(new ScanRequest(variant.source(), Platform.LINUX_AMD64), ScanListener.NONE);

            assertThat(visibleOnly.seen).as("%s: squashed view of %s", c, variant).isEmpty();
            assertThat(withDeleted.seen).as("%s: deleted copies from %s", c, variant)
                    .extracting(FileMeta::path, FileMeta::visibility)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(c.deletedPath(), Visibility.WHITED_OUT));
            // the deleted copy is attributed to the layer that added it, below the whiteout's layer (1-based)
            assertThat(withDeleted.seen.get(0).layer().index()).isLessThan(c.layer() - 1);
        }
    }

    /** Records the metadata of every file it is handed. */
    static final class Probe implements Analyzer {
        final List<FileMeta> seen = new ArrayList<>();
        private final AnalyzerId id;
        private final Interests interests;

        Probe(String id, Interests interests) {
            this.id = AnalyzerId.of(id);
            this.interests = interests;
        }

        @Override
        public AnalyzerId id() {
            return id;
        }

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Interests interests() {
            return interests;
        }

        @Override
        public Session open(ScanContext context) {
            return new Session() {
                @Override
                public void accept(FileEntry file) {
                    seen.add(file.meta());
                }

                @Override
                public AnalyzerOutput finish() {
                    return AnalyzerOutput.empty();
                }
            };
        }
    }
}
