package dev.plimsoll.vulndb.build.osv;

import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub-reviewed security advisories, in the OSV form the github/advisory-database repository keeps them
 * ({@code advisories/github-reviewed/YYYY/MM/GHSA-…/GHSA-….json}). Everything under {@code ghsa/} is read, at any
 * depth (../shared/vulndata keeps {@code ghsa/<ecosystem>/GHSA-….json}; the repository archive unpacks to
 * {@code ghsa/advisory-database-main/advisories/…}); the {@code unreviewed} tree is reported once and not entered.
 *
 * <p>Not downloaded by default: osv.dev imports every reviewed GHSA advisory into the language ecosystems'
 * archives that {@link OsvFeed} downloads, so the repository archive (hundreds of MB, mostly unreviewed
 * advisories) would only bring the same records twice. {@link #withArchiveDownload()} enables it for a build that
 * wants GitHub's copy without osv.dev.
 */
public final class GhsaFeed implements Feed {
    public static final String ID = "ghsa";
    public static final URI ARCHIVE =
            URI.create("https://github.com/github/advisory-database/archive/refs/heads/main.zip");

    private static final Map<String, String> EXCLUDED = Map.of("unreviewed",
            "unreviewed GitHub advisories name no reviewed package ranges: not imported");

    private final boolean downloadArchive;

    /** Parses {@code ghsa/} when present; downloads nothing. */
    public GhsaFeed() {
        this(false);
    }

    private GhsaFeed(boolean downloadArchive) {
        this.downloadArchive = downloadArchive;
    }

    /** Also downloads the advisory-database archive into {@code ghsa/}. */
    public static GhsaFeed withArchiveDownload() {
        return new GhsaFeed(true);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return downloadArchive
                ? List.of(new Download("ghsa.archive", ARCHIVE, "ghsa", Download.Unpack.ZIP, Optional.empty()))
                : List.of();
    }

    @Override
    public boolean present(Path root) {
        return Files.isDirectory(root.resolve("ghsa"), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> dir = data.directory("ghsa");
        if (dir.isEmpty()) {
            return;
        }
        OsvDirectoryReader reader = new OsvDirectoryReader(data, new OsvRecordParser(ID, new FeedJson()), sink,
                false);
        reader.read(dir.get(), EXCLUDED);
        reader.newest().ifPresent(sink::dataDate);
    }
}
