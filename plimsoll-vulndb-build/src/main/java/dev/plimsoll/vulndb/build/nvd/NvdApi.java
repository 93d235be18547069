package dev.plimsoll.vulndb.build.nvd;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * The NVD CVE API 2.0 is paged, so it does not fit one {@link dev.plimsoll.vulndb.build.Download}; this is what a
 * downloader needs to fetch it into {@code nvd/} for {@link NvdFeed}:
 * <ul>
 *   <li>GET {@link #pageUri(int)}: {@value #PAGE_SIZE} CVEs a page (the API's maximum); the response holds
 *       {@code startIndex}, {@code resultsPerPage}, {@code totalResults} and {@code vulnerabilities[].cve};
 *       {@link #nextStartIndex} gives the next page until the total is reached. Save each page as
 *       {@code nvd/page-<startIndex>.json} (any {@code *.json} name works).</li>
 *   <li>Rate limit: 5 requests per rolling 30 s without an API key, 50 with one (header {@code apiKey}); NVD
 *       asks clients to sleep about 6 s between requests. A full download is ~150 pages.</li>
 *   <li>Updates: {@link #modifiedSinceUri} with {@code lastModStartDate}/{@code lastModEndDate}, at most 120 days
 *       apart, paged the same way; a later page for the same CVE replaces the earlier one in the database.</li>
 * </ul>
 */
public final class NvdApi {
    public static final URI BASE = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");
    public static final int PAGE_SIZE = 2000;
    /** The longest lastModStartDate..lastModEndDate window the API accepts. */
    public static final int MAX_WINDOW_DAYS = 120;

    /** Extended ISO-8601 without an offset, which the API reads as UTC (an offset's '+' would need escaping). */
    private static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private NvdApi() {
    }

    public static URI pageUri(int startIndex) {
        if (startIndex < 0) {
            throw new IllegalArgumentException("negative startIndex " + startIndex);
        }
        return URI.create(BASE + "?resultsPerPage=" + PAGE_SIZE + "&startIndex=" + startIndex);
    }

    /** CVEs modified in [from, to), which must be at most {@value #MAX_WINDOW_DAYS} days apart. */
    public static URI modifiedSinceUri(Instant from, Instant to, int startIndex) {
        if (!from.isBefore(to) || ChronoUnit.DAYS.between(from, to) > MAX_WINDOW_DAYS) {
            throw new IllegalArgumentException("window must be non-empty and at most " + MAX_WINDOW_DAYS
                    + " days: " + from + " .. " + to);
        }
        return URI.create(pageUri(startIndex) + "&lastModStartDate=" + API_TIME.format(from)
                + "&lastModEndDate=" + API_TIME.format(to));
    }

    /** The next page's start index, or empty when this page was the last. */
    public static OptionalInt nextStartIndex(int startIndex, int resultsPerPage, int totalResults) {
        if (resultsPerPage <= 0) {
            return OptionalInt.empty();
        }
        int next = startIndex + resultsPerPage;
        return next < totalResults ? OptionalInt.of(next) : OptionalInt.empty();
    }
}
