package dev.plimsoll.vulndb.build.osv;

import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.feedio.FeedJson;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every ecosystem osv.dev publishes, one {@code all.zip} per ecosystem unpacked into {@code osv/<Ecosystem>/}. The
 * parse reads whatever ecosystem directories are present (the list only decides what is downloaded); mapping of
 * ecosystem strings to package keys is {@link OsvEcosystems}. osv.dev carries the GitHub advisories of every
 * language ecosystem, so {@link GhsaFeed} downloads nothing by default.
 */
public final class OsvFeed implements Feed {
    public static final String ID = "osv";

    /**
     * The ecosystems downloaded by default: the language ecosystems Plimsoll scans and the distributions that
     * publish OSV. Chainguard and Wolfi are large archives (osv.dev lists hundreds of thousands of records).
     */
    public static final List<String> DEFAULT_ECOSYSTEMS = List.of(
            "npm", "Maven", "PyPI", "Go", "crates.io", "RubyGems", "NuGet", "Packagist", "Hex", "Pub", "SwiftURL",
            "ConanCenter", "Debian", "Ubuntu", "Alpine", "Rocky Linux", "AlmaLinux", "Red Hat", "SUSE", "openSUSE",
            "Wolfi", "Chainguard");

    static final String BUCKET_HOST = "osv-vulnerabilities.storage.googleapis.com";

    private final List<String> ecosystems;

    public OsvFeed() {
        this(DEFAULT_ECOSYSTEMS);
    }

    /** @param ecosystems osv.dev ecosystem names as the bucket spells them ("Rocky Linux", "crates.io") */
    public OsvFeed(List<String> ecosystems) {
        for (String ecosystem : ecosystems) {
            if (ecosystem.isBlank() || ecosystem.contains("/") || ecosystem.contains("\\")
                    || ecosystem.startsWith(".")) {
                throw new IllegalArgumentException("not an osv.dev ecosystem name: \"" + ecosystem + "\"");
            }
        }
        this.ecosystems = List.copyOf(ecosystems);
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * {@code https://osv-vulnerabilities.storage.googleapis.com/<Ecosystem>/all.zip} → {@code osv/<Ecosystem>/};
     * the key is "osv." plus the ecosystem with spaces as '-' ("osv.Rocky-Linux"). osv.dev publishes no checksum.
     */
    @Override
    public List<Download> downloads() {
        return ecosystems.stream().map(OsvFeed::download).toList();
    }

    static Download download(String ecosystem) {
        try {
            URI url = new URI("https", BUCKET_HOST, "/" + ecosystem + "/all.zip", null);
            return new Download(ID + "." + ecosystem.replace(' ', '-'), url, "osv/" + ecosystem,
                    Download.Unpack.ZIP, Optional.empty());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an osv.dev ecosystem name: \"" + ecosystem + "\"", e);
        }
    }

    @Override
    public boolean present(Path root) {
        return Files.isDirectory(root.resolve("osv"), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        Optional<Path> dir = data.directory("osv");
        if (dir.isEmpty()) {
            return;
        }
        OsvDirectoryReader reader = new OsvDirectoryReader(data, new OsvRecordParser(ID, new FeedJson()), sink, true);
        reader.read(dir.get(), Map.of());
        reader.newest().ifPresent(sink::dataDate);
    }
}
