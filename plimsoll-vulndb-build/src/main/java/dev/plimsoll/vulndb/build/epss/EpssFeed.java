package dev.plimsoll.vulndb.build.epss;

import dev.plimsoll.core.advisory.CveFacts;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.BoundedInputStream;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * FIRST's EPSS scores ({@code epss/epss_scores-current.csv.gz}, or the same uncompressed as {@code .csv}): a
 * {@code #model_version:…,score_date:…} line, the header {@code cve,epss,percentile}, then one row per CVE. Each
 * row becomes {@code CveFacts(epss, epssPercentile)}; the data date is {@code score_date}. The downloads moved from
 * epss.cyentia.com (which now redirects) to epss.empiricalsecurity.com.
 */
public final class EpssFeed implements Feed {
    public static final String ID = "epss";
    public static final String GZIP_FILE = "epss/epss_scores-current.csv.gz";
    public static final String PLAIN_FILE = "epss/epss_scores-current.csv";
    public static final URI URL = URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");

    /** The real file is ~2 MB compressed and ~10 MB plain for ~300k CVEs. */
    static final long MAX_FILE_BYTES = 64L << 20;
    static final long MAX_PLAIN_BYTES = 512L << 20;
    private static final int MAX_LINE = 1024;
    private static final Pattern CVE_ID = Pattern.compile("CVE-\\d{4}-\\d{4,}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return List.of(new Download("epss", URL, GZIP_FILE, Download.Unpack.NONE, Optional.empty()));
    }

    @Override
    public boolean present(Path root) {
        return Files.isRegularFile(root.resolve(GZIP_FILE), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(root.resolve(PLAIN_FILE), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> gzip = data.regularFile(GZIP_FILE, sink);
        Optional<Path> plain = data.regularFile(PLAIN_FILE, sink);
        if (gzip.isPresent() && plain.isPresent()) {
            sink.skipped(PLAIN_FILE, "not read: " + GZIP_FILE + " is present and is the downloaded copy");
        }
        Optional<Path> file = gzip.or(() -> plain);
        if (file.isEmpty()) {
            return;
        }
        String relative = data.relative(file.get());
        try (InputStream in = decompressed(data.open(file.get(), MAX_FILE_BYTES))) {
            read(new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE), relative, sink);
        } catch (IOException e) {
            sink.skipped(relative, "unreadable: " + e.getMessage() + " (rows before it were read)");
        }
    }

    /** Gunzips when the content starts with the gzip magic, whatever the name says. */
    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        InputStream content = first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 65536) : in;
        return new BoundedInputStream(content, MAX_PLAIN_BYTES);
    }

    private static void read(LineReader lines, String file, FeedSink sink) throws IOException {
        Optional<String> line = lines.next().map(first -> first.startsWith("\uFEFF") ? first.substring(1) : first);
        if (line.isPresent() && line.get().startsWith("#")) {
            Optional<Instant> scoreDate = metadata(line.get(), "score_date").flatMap(FeedJson::instant);
            if (scoreDate.isEmpty()) {
                sink.skipped(file, "line 1: no score_date in \"" + abbreviate(line.get()) + "\"");
            }
            scoreDate.ifPresent(sink::dataDate);
            line = lines.next();
        }
        if (line.isEmpty()) {
            sink.skipped(file, "no header line: no scores");
            return;
        }
        List<String> header = Arrays.stream(line.get().split(",", -1)).map(String::strip).toList();
        int cveColumn = header.indexOf("cve");
        int epssColumn = header.indexOf("epss");
        int percentileColumn = header.indexOf("percentile");
        if (cveColumn < 0 || epssColumn < 0 || percentileColumn < 0) {
            sink.skipped(file, "line " + lines.lineNumber() + ": header \"" + abbreviate(line.get())
                    + "\" lacks cve, epss, percentile: not an EPSS file, not read");
            return;
        }
        int columns = header.size();
        for (line = lines.next(); line.isPresent(); line = lines.next()) {
            if (line.get().isBlank()) {
                continue;
            }
            String[] cells = line.get().split(",", -1);
            String where = "line " + lines.lineNumber();
            if (cells.length != columns) {
                sink.skipped(file, where + ": " + cells.length + " columns, the header has " + columns);
                continue;
            }
            String cve = cells[cveColumn].strip();
            OptionalDouble epss = probability(cells[epssColumn]);
            OptionalDouble percentile = probability(cells[percentileColumn]);
            if (!CVE_ID.matcher(cve).matches()) {
                sink.skipped(file, where + ": \"" + abbreviate(cve) + "\" is not a CVE id");
            } else if (epss.isEmpty() || percentile.isEmpty()) {
                sink.skipped(file, where + " " + cve + ": epss and percentile must be numbers in [0, 1]");
            } else {
                sink.cveFacts(new CveFacts(cve, false, Optional.empty(), epss, percentile, List.of(),
                        Optional.empty()));
            }
        }
    }

    /** "model_version:v2025.03.14,score_date:2025-08-25T00:00:00Z" → the value of {@code key}. */
    static Optional<String> metadata(String line, String key) {
        for (String pair : line.substring(1).split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0 && pair.substring(0, colon).strip().equals(key)) {
                return Optional.of(pair.substring(colon + 1).strip()).filter(v -> !v.isEmpty());
            }
        }
        return Optional.empty();
    }

    private static OptionalDouble probability(String cell) {
        try {
            double value = Double.parseDouble(cell.strip());
            return value >= 0 && value <= 1 ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
