package dev.plimsoll.analyzer.lang.elf;

import dev.plimsoll.core.analysis.Analyzer;
import dev.plimsoll.core.analysis.AnalyzerOutput;
import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Visibility;
import dev.plimsoll.core.image.FileType;
import dev.plimsoll.testkit.AnalyzerHarness;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands in-memory executables (mode 0755, layer 0) straight to an analyzer session: for the parsers' edge cases and
 * property tests, where the harness's in-memory files (mode 0644) would not match an interest in execute bits.
 * Which files the interests select is tested with the fixtures, through the harness.
 */
public final class Executables {
    private Executables() {
    }

    public record Entry(FileMeta meta, byte[] bytes) implements FileEntry {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean hasContent() {
            return true;
        }
    }

    public static Entry executable(String path, byte[] bytes) {
        return new Entry(new FileMeta(path, FileType.REGULAR, 0755, 0, 0, bytes.length, Optional.empty(),
                AnalyzerHarness.layerRef(0), Visibility.VISIBLE), bytes);
    }

    public static AnalyzerOutput scan(Analyzer analyzer, Map<String, byte[]> files) {
        Analyzer.Session session = analyzer.open(AnalyzerHarness.context());
        for (Map.Entry<String, byte[]> f : new LinkedHashMap<>(files).entrySet()) {
            try {
                session.accept(executable(f.getKey(), f.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return session.finish();
    }

    public static AnalyzerOutput scan(Analyzer analyzer, String path, byte[] bytes) {
        return scan(analyzer, Map.of(path, bytes));
    }
}
