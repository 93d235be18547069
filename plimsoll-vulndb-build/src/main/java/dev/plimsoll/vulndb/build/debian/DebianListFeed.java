package dev.plimsoll.vulndb.build.debian;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.Distro;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.Feed;
import dev.plimsoll.vulndb.build.FeedSink;
import dev.plimsoll.vulndb.build.feedio.DataRoot;
import dev.plimsoll.vulndb.build.layout.Unread;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Debian Security Advisories and Debian LTS Advisories from the tracker's {@code data/DSA/list} and
 * {@code data/DLA/list} ({@code debian/DSA.list}, {@code debian/DLA.list} under the data root). Each
 * (advisory, release, source package) line becomes one {@link Advisory} with the advisory's id ("DSA-5380-1"), its
 * CVEs as aliases, and the version the line names as the fix (or the state its marker names). DLA lines name the
 * LTS release ("[buster]") just as DSA lines do.
 */
public final class DebianListFeed implements Feed {
    public static final String ID = "debian-dsa";
    private static final String RAW = "https://salsa.debian.org/security-tracker-team/security-tracker/-/raw/master/data/";
    /** The DSA list is about 2 MB; anything far larger is not this file. */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final List<String> LISTS = List.of("DSA", "DLA");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Download> downloads() {
        return LISTS.stream()
                .map(list -> new Download("debian." + list.toLowerCase(Locale.ROOT),
                        URI.create(RAW + list + "/list"), path(list), Download.Unpack.NONE, Optional.empty()))
                .toList();
    }

    private static String path(String list) {
        return "debian/" + list + ".list";
    }

    @Override
    public boolean present(Path root) {
        return DataRoot.holds(root, data -> {
            for (String list : LISTS) {
                if (data.regularFile(path(list)).isPresent()) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public void parse(Path root, FeedSink sink) throws IOException {
        DataRoot data = new DataRoot(root);
        for (String list : LISTS) {
            Optional<Path> file = Unread.regularFileOrReport(data, path(list), sink);
            if (file.isPresent()) {
                parseList(data, file.get(), sink);
            }
        }
    }

    private static void parseList(DataRoot data, Path file, FeedSink sink) {
        String relative = data.relative(file);
        AdvisoryListParser.Listener listener = new AdvisoryListParser.Listener() {
            @Override
            public void advisory(ListAdvisory advisory) {
                advisory.date().ifPresent(d -> sink.dataDate(d.atStartOfDay().toInstant(ZoneOffset.UTC)));
                for (ListFix fix : advisory.fixes()) {
                    toAdvisory(advisory, fix, relative, sink);
                }
            }

            @Override
            public void problem(int line, String reason) {
                sink.skipped(relative, "line " + line + ": " + reason);
            }
        };
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(data.open(file, MAX_BYTES), StandardCharsets.UTF_8))) {
            new AdvisoryListParser().parse(reader, listener);
        } catch (IOException e) {
            sink.skipped(relative, "not read to the end: " + e.getMessage());
        }
    }

    private static void toAdvisory(ListAdvisory advisory, ListFix fix, String file, FeedSink sink) {
        Optional<String> release = Distro.debianRelease(fix.release());
        if (release.isEmpty()) {
            sink.skipped(file, "line " + fix.line() + ": " + advisory.id() + ": '" + fix.release()
                    + "' is not a known Debian codename");
            return;
        }
        PackageKey key;
        try {
            key = PackageKey.os(Ecosystem.DEB, "debian:" + release.get(), fix.sourcePackage());
        } catch (IllegalArgumentException e) {
            sink.skipped(file, "line " + fix.line() + ": " + advisory.id() + ": " + e.getMessage());
            return;
        }
        sink.advisory(new Advisory(advisory.id(), Set.copyOf(advisory.cves()), ID, key,
                ranges(fix.fix()), List.of(), fix.fix(), fix.urgency(), List.of(), advisory.title(),
                List.of(URI.create("https://security-tracker.debian.org/tracker/" + advisory.id())),
                advisory.date().map(d -> d.atStartOfDay().toInstant(ZoneOffset.UTC)), Optional.empty(), false));
    }

    /** A fixed version affects everything before it; the other states cover every version. */
    static List<AffectedRange> ranges(FixState fix) {
        if (fix instanceof FixState.Fixed fixed) {
            return List.of(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, List.of(
                    new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"),
                    new AffectedRange.Event(AffectedRange.EventKind.FIXED, fixed.versions().getFirst()))));
        }
        return List.of();
    }
}
