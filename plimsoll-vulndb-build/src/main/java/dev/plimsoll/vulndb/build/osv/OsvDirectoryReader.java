package dev.plimsoll.vulndb.build.osv;

import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every {@code *.json} OSV record under a directory of the data root and hands what each gives to the sink:
 * advisories, and one {@link FeedSink#skipped} per problem. Not thread-safe; one per parse.
 */
final class OsvDirectoryReader {
    /** Real OSV records are kilobytes (the largest Red Hat ones a few MiB): a bigger file is not a record. */
    static final long MAX_RECORD_BYTES = 64L << 20;

    private final DataRoot root;
    private final OsvRecordParser parser;
    private final FeedSink sink;
    private final boolean dropRepeatedRecords;
    private final Set<String> multiEcosystemIds = new HashSet<>();
    private Instant newest;

    /**
     * @param dropRepeatedRecords osv.dev's per-ecosystem archives each hold a copy of a record naming several
     *                            ecosystems; with this set, the second copy of such a record is passed over
     */
    OsvDirectoryReader(DataRoot root, OsvRecordParser parser, FeedSink sink, boolean dropRepeatedRecords) {
        this.root = root;
        this.parser = parser;
        this.sink = sink;
        this.dropRepeatedRecords = dropRepeatedRecords;
    }

    void read(Path dir, Map<String, String> excludedDirectories) throws IOException {
        root.walk(dir, name -> name.endsWith(".json"), excludedDirectories, this::readFile, sink);
    }

    private void readFile(Path file, String relative) {
        byte[] content;
        try {
            content = root.read(file, MAX_RECORD_BYTES);
        } catch (IOException e) {
            sink.skipped(relative, "unreadable: " + e.getMessage());
            return;
        }
        ParsedRecord record = parser.parse(content);
        if (dropRepeatedRecords && record.ecosystems().size() > 1 && record.id().isPresent()
                && !multiEcosystemIds.add(record.id().get())) {
            return;
        }
        record.problems().forEach(problem -> sink.skipped(relative, problem));
        record.advisories().forEach(sink::advisory);
        record.modified().ifPresent(m -> newest = newest == null || m.isAfter(newest) ? m : newest);
    }

    /** The newest {@code modified} date of the records read so far. */
    Optional<Instant> newest() {
        return Optional.ofNullable(newest);
    }
}
