package dev.plimsoll.vulndb.build;

import java.io.IOException;
import java.util.List;

/**
 * A build that did not install a database because feeds failed as a whole; the previous database, if any, is left
 * as it was. {@link #feeds()} tells what every feed did, failed ones with their reason.
 */
public final class DbBuildException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient List<FeedReport> feeds;

    public DbBuildException(String message, List<FeedReport> feeds, Throwable cause) {
        super(message, cause);
        this.feeds = List.copyOf(feeds);
    }

    public List<FeedReport> feeds() {
        return feeds;
    }
}
