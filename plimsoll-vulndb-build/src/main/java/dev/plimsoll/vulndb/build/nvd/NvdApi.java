package dev.plimsoll.vulndb.build.nvd;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The NVD CVE API 2.0, which is paged, so it does not fit one {@link dev.plimsoll.vulndb.build.Download};
 * {@link NvdSync} fetches it into {@code nvd/} for {@link NvdFeed}:
 * <ul>
 *   <li>GET {@link #pageUri(int)}: {@link #pageSize()} CVEs a page ({@value #PAGE_SIZE}, the API's maximum, unless
 *       a test asks for less); the response holds {@code startIndex}, {@code resultsPerPage}, {@code totalResults}
 *       and {@code vulnerabilities[].cve}; {@link #nextStartIndex} gives the next page until the total is
 *       reached.</li>
 *   <li>Rate limit: 5 requests per rolling 30 s without an API key, 50 with one (header {@code apiKey}); NVD
 *       asks clients to sleep about 6 s between requests. A full download is ~150 pages.</li>
 *   <li>Updates: {@link #modifiedSinceUri} with {@code lastModStartDate}/{@code lastModEndDate}, at most
 *       {@value #MAX_WINDOW_DAYS} days apart, paged the same way; a later page for the same CVE replaces the
 *       earlier one in the database ({@link NvdFeed} reads the newest download first).</li>
 * </ul>
 *
 * @param base     the API's URL ({@link #BASE}, or a mirror's)
 * @param pageSize CVEs asked for per page, 1 to {@value #PAGE_SIZE}
 */
public record NvdApi(URI base, int pageSize) {
    public static final URI BASE = URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");
    public static final int PAGE_SIZE = 2000;
    /** The longest lastModStartDate..lastModEndDate window the API accepts. */
    public static final int MAX_WINDOW_DAYS = 120;
    public static final Duration MAX_WINDOW = Duration.ofDays(MAX_WINDOW_DAYS);
    /** The public API with its largest pages. */
    public static final NvdApi PUBLIC = new NvdApi(BASE, PAGE_SIZE);

    /** Extended ISO-8601 without an offset, which the API reads as UTC (an offset's '+' would need escaping). */
    private static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public NvdApi {
        Objects.requireNonNull(base);
        if (pageSize < 1 || pageSize > PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + PAGE_SIZE + ": " + pageSize);
        }
        if (base.getRawFragment() != null) {
            throw new IllegalArgumentException("the NVD base URL must have no fragment: " + base);
        }
    }

    public URI pageUri(int startIndex) {
        if (startIndex < 0) {
            throw new IllegalArgumentException("negative startIndex " + startIndex);
        }
        String b = base.toString();
        return URI.create(b + (base.getRawQuery() == null ? "?" : "&") + "resultsPerPage=" + pageSize
                + "&startIndex=" + startIndex);
    }

    /** CVEs modified in [from, to], which must be at most {@value #MAX_WINDOW_DAYS} days apart. */
    public URI modifiedSinceUri(Instant from, Instant to, int startIndex) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
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
