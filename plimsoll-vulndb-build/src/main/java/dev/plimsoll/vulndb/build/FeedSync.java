package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.net.URI;

/**
 * How a feed whose source is a paged API rather than files (the NVD CVE API) is brought up to date: it keeps a
 * mirror of its own in the download cache, syncs it (in full or only what changed since its last sync) and lays
 * it out under the data root for its {@link Feed#parse}. {@link DbUpdater} runs it beside the file downloads; a
 * failure fails the update like a failed download, and the database in place is kept.
 */
public interface FeedSync {

    /** Its key: for the base URL override ({@code --url nvd=URL}), its API key and its update state. */
    String key();

    /** The public base URL of the API. */
    URI defaultUrl();

    /**
     * Syncs (or decides not to, and says why in the report) and lays the mirror out under
     * {@link SyncContext#dataRoot()}. Throws, leaving the mirror and the recorded sync as they were, when the
     * source fails or answers something malformed.
     */
    SyncReport sync(SyncContext context) throws IOException, InterruptedException;
}
