package dev.plimsoll.vulndb.build.feedio;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Keeps everything a feed hands over, for assertions. */
public final class RecordingSink implements FeedSink {
    public record Skip(String file, String reason) {
    }

    public final List<Advisory> advisories = new ArrayList<>();
    public final List<CveFacts> facts = new ArrayList<>();
    public final List<Skip> skipped = new ArrayList<>();
    public final List<Instant> dates = new ArrayList<>();
    private long parseMillis;

    /** What {@code feed} hands over when it parses {@code root}, timed (see {@link #parseMillis()}). */
    public static RecordingSink parse(Feed feed, Path root) throws IOException {
        RecordingSink sink = new RecordingSink();
        long start = System.nanoTime();
        feed.parse(root, sink);
        sink.parseMillis = (System.nanoTime() - start) / 1_000_000;
        return sink;
    }

    /** How long the {@link #parse} that filled this sink took, for the whole-data tests to print. */
    public long parseMillis() {
        return parseMillis;
    }

    @Override
    public void advisory(Advisory advisory) {
        advisories.add(advisory);
    }

    @Override
    public void cveFacts(CveFacts cveFacts) {
        facts.add(cveFacts);
    }

    @Override
    public void skipped(String file, String reason) {
        skipped.add(new Skip(file, reason));
    }

    @Override
    public void dataDate(Instant date) {
        dates.add(date);
    }

    /** The data date as the database would keep it: the latest reported. */
    public Optional<Instant> dataDate() {
        return dates.stream().max(Instant::compareTo);
    }

    public List<Advisory> advisories(String id) {
        return advisories.stream().filter(a -> a.id().equals(id)).toList();
    }

    public Advisory advisory(String id, String packageText) {
        return advisories(id).stream().filter(a -> a.pkg().asText().equals(packageText)).findFirst()
                .orElseThrow(() -> new AssertionError("no advisory " + id + " for " + packageText + " in "
                        + advisories(id).stream().map(a -> a.pkg().asText()).toList()));
    }

    public CveFacts facts(String cve) {
        return facts.stream().filter(f -> f.cve().equals(cve)).findFirst()
                .orElseThrow(() -> new AssertionError("no facts for " + cve));
    }

    public List<Skip> skipped(String file) {
        return skipped.stream().filter(s -> s.file().equals(file)).toList();
    }

    /** The reason of each skipped file, by its name with {@code folder} taken out; a file skipped twice fails. */
    public Map<String, String> reasonsIn(String folder) {
        return skipped.stream().collect(Collectors.toMap(s -> s.file().replace(folder, ""), Skip::reason));
    }
}
