package dev.plimsoll.fs;

import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.core.fs.PathInterest;
import dev.plimsoll.core.problem.ProblemKind;
import dev.plimsoll.core.problem.ScanProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Walks test images and keeps what came out, for assertions. */
record Fixture(TestImage image, SquashedView view, Deliveries deliveries) {
    static Fixture walk(TestImage image, Interests... analyzers) {
        return walk(WalkLimits.defaults(), image, analyzers);
    }

    static Fixture walk(WalkLimits limits, TestImage image, Interests... analyzers) {
        Deliveries deliveries = new Deliveries();
        try (SquashedView view = new SquashWalker(limits).walk(image, InterestIndex.compile(List.of(analyzers)),
                deliveries)) {
            return new Fixture(image, view, deliveries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything, content and deleted copies included. */
    static Interests everything() {
        return Interests.of(new PathInterest.AnyFile(), PathInterest.glob("/**")).withDeleted();
    }

    List<String> paths() {
        return view.files().stream().map(FileMeta::path).toList();
    }

    List<String> deletedPaths() {
        return view.deleted().stream().map(m -> m.path() + "@" + m.layer().index() + ":" + m.visibility()).toList();
    }

    FileMeta file(String path) {
        return view.get(path).orElseThrow(() -> new AssertionError("not visible: " + path + " in " + paths()));
    }

    List<ProblemKind> problemKinds() {
        return view.problems().stream().map(ScanProblem::kind).toList();
    }
}
