package dev.plimsoll.fs;

import dev.plimsoll.core.fs.FileEntry;
import dev.plimsoll.core.fs.FileMeta;
import dev.plimsoll.core.fs.Visibility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/** A sink that records every delivery and reads content at once, as an analyzer would. */
final class Deliveries implements FileSink {
    record Delivery(FileEntry entry, FileMeta meta, BitSet analyzers, boolean hasContent, String text) {
        String path() {
            return meta.path();
        }

        Visibility visibility() {
            return meta.visibility();
        }
    }

    final List<Delivery> all = new ArrayList<>();

    @Override
    public void accept(FileEntry entry, BitSet analyzers) throws IOException {
        String text = entry.hasContent() ? new String(entry.readAllBytes(), StandardCharsets.UTF_8) : null;
        all.add(new Delivery(entry, entry.meta(), (BitSet) analyzers.clone(), entry.hasContent(), text));
    }

    List<Delivery> to(int analyzer) {
        return all.stream().filter(d -> d.analyzers().get(analyzer)).toList();
    }

    List<String> paths(int analyzer) {
        return to(analyzer).stream().map(Delivery::path).toList();
    }

    Optional<Delivery> first(String path) {
        return all.stream().filter(d -> d.path().equals(path)).findFirst();
    }

    List<Delivery> of(String path) {
        return all.stream().filter(d -> d.path().equals(path)).toList();
    }
}
