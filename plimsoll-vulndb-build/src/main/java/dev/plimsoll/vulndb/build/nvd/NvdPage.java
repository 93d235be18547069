package dev.plimsoll.vulndb.build.nvd;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plimsoll.vulndb.build.UpdateException;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The paging fields of one saved NVD API response, checked before the page is kept: a JSON object with
 * {@code startIndex} (the one asked for), {@code resultsPerPage}, {@code totalResults} and a
 * {@code vulnerabilities} array of objects that each hold a {@code cve} object. The page is streamed, so its size
 * costs no memory; the CVE records themselves are {@link NvdFeed}'s to judge (a bad record is skipped and
 * reported there, as in a build from a directory).
 *
 * @param startIndex   the index of the page's first CVE
 * @param totalResults how many CVEs the query matches, as of this page
 * @param count        the CVEs on this page
 */
record NvdPage(int startIndex, int totalResults, int count) {
    /** Far above NVD's ~300,000 CVEs; a server claiming more is not paged through. */
    static final int MAX_TOTAL_RESULTS = 10_000_000;

    /**
     * Reads {@code file}, the response to {@code url}, which asked for {@code maxCount} CVEs from
     * {@code expectedStart}.
     *
     * @throws UpdateException naming the URL and what is wrong, when the page is malformed
     */
    static NvdPage read(Path file, URI url, int expectedStart, int maxCount) throws UpdateException {
        try (InputStream in = Files.newInputStream(file);
             JsonParser parser = new FeedJson().mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(url, "not a JSON object");
            }
            Integer start = null;
            Integer total = null;
            Integer perPage = null;
            Integer count = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "startIndex" -> start = integer(parser, value, url, name);
                    case "totalResults" -> total = integer(parser, value, url, name);
                    case "resultsPerPage" -> perPage = integer(parser, value, url, name);
                    case "vulnerabilities" -> count = countCves(parser, value, url);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw malformed(url, "content after the JSON object");
            }
            if (start == null || total == null || perPage == null || count == null) {
                throw malformed(url, "no " + (start == null ? "startIndex" : total == null ? "totalResults"
                        : perPage == null ? "resultsPerPage" : "vulnerabilities array"));
            }
            if (start != expectedStart) {
                throw malformed(url, "startIndex " + start + ", but " + expectedStart + " was asked for");
            }
            if (total > MAX_TOTAL_RESULTS) {
                throw malformed(url, "totalResults " + total + " is more than any NVD holds (" + MAX_TOTAL_RESULTS
                        + ")");
            }
            if (count > maxCount) {
                throw malformed(url, count + " CVEs, but at most " + maxCount + " were asked for");
            }
            if (count == 0 && start < total) {
                throw malformed(url, "no CVEs, but totalResults " + total + " is not reached");
            }
            return new NvdPage(start, total, count);
        } catch (JacksonException e) {
            throw malformed(url, "not valid JSON: " + e.getOriginalMessage());
        } catch (UpdateException e) {
            throw e;
        } catch (IOException e) {
            throw new UpdateException("NVD page (" + url + "): cannot read the saved response: " + e.getMessage(),
                    e);
        }
    }

    private static int integer(JsonParser parser, JsonToken value, URI url, String name) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() < 0) {
            throw malformed(url, name + " is not a count: " + parser.getText());
        }
        return parser.getIntValue();
    }

    /** Counts the entries of the vulnerabilities array, each of which must hold a cve object. */
    private static int countCves(JsonParser parser, JsonToken value, URI url) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw malformed(url, "vulnerabilities is not an array");
        }
        int count = 0;
        for (JsonToken entry = parser.nextToken(); entry != JsonToken.END_ARRAY; entry = parser.nextToken()) {
            if (entry != JsonToken.START_OBJECT) {
                throw malformed(url, "vulnerabilities[" + count + "] is not an object");
            }
            boolean cve = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                cve |= parser.nextToken() == JsonToken.START_OBJECT && name.equals("cve");
                parser.skipChildren();
            }
            if (!cve) {
                throw malformed(url, "vulnerabilities[" + count + "] has no cve object");
            }
            count++;
        }
        return count;
    }

    private static UpdateException malformed(URI url, String problem) {
        return new UpdateException("NVD page (" + url + "): malformed response: " + problem);
    }
}
