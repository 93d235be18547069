package dev.plimsoll.analyzer.lang;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Interests;
import dev.plimsoll.fs.InterestIndex;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.util.List;
import java.util.function.Predicate;

/**
 * The testkit's {@link AnalyzerHarness} choosing files with the engine's own {@link InterestIndex}, so that a glob
 * the engine would not match fails here too (this module tests with plimsoll-fs; the testkit cannot).
 */
public final class LangHarness {
    private LangHarness() {
    }

    public static AnalyzerHarness of(Analyzer analyzer) {
        return AnalyzerHarness.of(analyzer).selectingWith(LangHarness::engineIndex);
    }

    private static Predicate<FileMeta> engineIndex(Interests interests) {
        InterestIndex index = InterestIndex.compile(List.of(interests));
        return meta -> !index.match(meta).isEmpty();
    }
}
