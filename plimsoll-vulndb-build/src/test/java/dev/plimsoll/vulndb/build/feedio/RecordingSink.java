package dev.plimsoll.vulndb.build.feedio;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.FeedSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps everything a feed hands over, for assertions. */
public final class RecordingSink implements FeedSink {
    public record Skip(String file, String reason) {
    }

    public final List<Advisory> advisories = new ArrayList<>();
    public final List<CveFacts> facts = new ArrayList<>();
    public final List<Skip> skipped = new ArrayList<>();
    public final List<Instant> dates = new ArrayList<>();

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
}
