package dev.plimsoll.vulndb.build.kev;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * CISA's Known Exploited Vulnerabilities catalogue ({@code kev/known_exploited_vulnerabilities.json}, schema
 * {@code known_exploited_vulnerabilities_schema.json}): each entry becomes
 * {@code CveFacts(knownExploited = true, kevDateAdded)}. The data date is the catalogue's {@code dateReleased}
 * (its {@code catalogVersion}, a date such as "2025.08.25", when that is missing). Streamed entry by entry.
 */
public final class KevFeed implements Feed {
    public static final String ID = "kev";
    public static final String FILE = "kev/known_exploited_vulnerabilities.json";
    public static final URI URL =
            URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    /** The catalogue is about 1.5 MB for 1,400 entries; 64 MiB leaves room for decades of growth. */
    static final long MAX_FILE_BYTES = 64L << 20;

    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern CATALOG_VERSION = Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return List.of(new Download("kev", URL, FILE, Download.Unpack.NONE, Optional.empty()));
    }

    @Override
    public boolean present(Path root) {
        return Files.isRegularFile(root.resolve(FILE), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> file = data.regularFile(FILE, sink);
        if (file.isEmpty()) {
            return;
        }
        FeedJson json = new FeedJson();
        Optional<Instant> released = Optional.empty();
        Optional<Instant> catalogVersion = Optional.empty();
        try (InputStream in = data.open(file.get(), MAX_FILE_BYTES);
             JsonParser parser = json.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                sink.skipped(FILE, "not a JSON object");
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "vulnerabilities" -> {
                        if (value == JsonToken.START_ARRAY) {
                            readEntries(parser, json, sink);
                        } else {
                            parser.skipChildren();
                            sink.skipped(FILE, "vulnerabilities is not a list");
                        }
                    }
                    case "dateReleased" -> released = value == JsonToken.VALUE_STRING
                            ? FeedJson.instant(parser.getText()) : Optional.empty();
                    case "catalogVersion" -> catalogVersion = value == JsonToken.VALUE_STRING
                            ? catalogDate(parser.getText()) : Optional.empty();
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            sink.skipped(FILE, "not valid JSON: " + e.getOriginalMessage() + " (entries before it were read)");
        } catch (IOException e) {
            sink.skipped(FILE, "unreadable: " + e.getMessage());
        }
        Optional<Instant> fromVersion = catalogVersion;
        released.or(() -> fromVersion).ifPresent(sink::dataDate);
    }

    private static void readEntries(JsonParser parser, FeedJson json, FeedSink sink) throws IOException {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String where = "vulnerabilities[" + index++ + "]";
            JsonNode entry = json.mapper().readTree(parser);
            Optional<String> cve = FeedJson.text(entry, "cveID");
            if (cve.isEmpty() || !CVE_ID.matcher(cve.get()).matches()) {
                sink.skipped(FILE, where + ": no CVE id" + cve.map(c -> " (\"" + c + "\")").orElse(""));
                continue;
            }
            Optional<LocalDate> added = FeedJson.text(entry, "dateAdded").flatMap(KevFeed::date);
            if (added.isEmpty()) {
                // Still known exploited: only the date is lost, and the reason is reported.
                sink.skipped(FILE, where + " " + cve.get() + ": dateAdded is not a date: kept without it");
            }
            sink.cveFacts(new CveFacts(cve.get(), true, added, OptionalDouble.empty(), OptionalDouble.empty(),
                    List.of(), Optional.empty()));
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> catalogDate(String version) {
        var m = CATALOG_VERSION.matcher(version.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return date(m.group(1) + "-" + m.group(2) + "-" + m.group(3))
                .map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
