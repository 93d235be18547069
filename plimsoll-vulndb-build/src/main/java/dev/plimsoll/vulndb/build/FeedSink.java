package dev.plimsoll.vulndb.build;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.CveFacts;
import java.time.Instant;

/** Receives a feed's records. Not thread-safe: a feed parses on one thread. */
public interface FeedSink {

    void advisory(Advisory advisory);

    /** Partial facts (only KEV, only EPSS, only NVD): the database merges them per CVE. */
    void cveFacts(CveFacts facts);

    /** A malformed record: the file (relative to the data root) and why. */
    void skipped(String file, String reason);

    /** The newest date seen inside the data, called as often as convenient; the latest wins. */
    void dataDate(Instant date);
}
