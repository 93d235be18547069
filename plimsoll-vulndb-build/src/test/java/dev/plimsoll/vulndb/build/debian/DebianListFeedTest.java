package dev.plimsoll.vulndb.build.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.FeedAssertions;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianListFeedTest {
    private final DebianListFeed feed = new DebianListFeed();

    private RecordingSink parseFixtures() throws IOException {
        return RecordingSink.parse(feed, TestData.fixtures());
    }

    @Test
    void aDsaLineIsAFixedAdvisoryForTheSourcePackageInItsRelease() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory xorg = sink.advisory("DSA-5380-1", "deb debian:11 xorg-server");
        assertThat(xorg.aliases()).containsExactly("CVE-2023-1393");
        assertThat(xorg.source()).isEqualTo("debian-dsa");
        assertThat(xorg.fix()).isEqualTo(new FixState.Fixed(List.of("2:1.20.11-1+deb11u6")));
        assertThat(xorg.ranges()).containsExactly(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, List.of(
                new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"),
                new AffectedRange.Event(AffectedRange.EventKind.FIXED, "2:1.20.11-1+deb11u6"))));
        assertThat(xorg.title()).isEqualTo("xorg-server - security update");
        assertThat(xorg.published()).contains(Instant.parse("2023-03-29T00:00:00Z"));
        assertThat(xorg.references()).containsExactly(
                URI.create("https://security-tracker.debian.org/tracker/DSA-5380-1"));
    }

    @Test
    void markersGiveTheirStatesAndEveryVersion() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory notAffected = sink.advisory("DSA-2275-1", "deb debian:5 openoffice.org");
        assertThat(notAffected.fix()).isEqualTo(new FixState.NotAffected("Vulnerable code not present"));
        assertThat(notAffected.ranges()).isEmpty();
        assertThat(sink.advisory("DSA-2275-1", "deb debian:6 openoffice.org").fix())
                .isEqualTo(new FixState.Fixed(List.of("1:3.2.1-11+squeeze3")));

        assertThat(sink.advisory("DSA-3699-1", "deb debian:8 virtualbox").fix())
                .isEqualTo(new FixState.WontFix("end-of-life"));
        Advisory unfixed = sink.advisory("DSA-746-1", "deb debian:3.0 phpgroupware");
        assertThat(unfixed.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(unfixed.severity()).contains(Severity.HIGH);
        assertThat(sink.advisory("DSA-756-1", "deb debian:3.1 squirrelmail").severity()).contains(Severity.MEDIUM);
        assertThat(sink.advisory("DSA-5380-1", "deb debian:11 xorg-server").severity()).isEmpty();
    }

    @Test
    void oneAdvisoryPerPackageLineAndNoneForNotesOrAnnouncements() throws IOException {
        RecordingSink sink = parseFixtures();

        assertThat(sink.advisories("DSA-2015-1")).extracting(a -> a.pkg().asText()).containsExactly(
                "deb debian:5 drbd8", "deb debian:5 linux-modules-extra-2.6");
        assertThat(sink.advisories("DSA-1906-1")).isEmpty();
        assertThat(sink.advisories("DSA-1304")).singleElement()
                .satisfies(a -> assertThat(a.aliases()).hasSize(14));
        assertThat(sink.advisories("DSA-5356-2")).singleElement()
                .satisfies(a -> assertThat(a.aliases()).isEmpty());
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void dlaLinesNameTheLtsRelease() throws IOException {
        RecordingSink sink = parseFixtures();

        assertThat(sink.advisory("DLA-3380-1", "deb debian:10 firmware-nonfree").aliases()).hasSize(11);
        assertThat(sink.advisory("DLA-3066-1", "deb debian:9 isync").fix())
                .isEqualTo(new FixState.Fixed(List.of("1.2.1-2+deb9u1")));
        assertThat(sink.advisory("DLA-445-1", "deb debian:6 squid3").source()).isEqualTo("debian-dsa");
        assertThat(sink.advisories("DLA-3067-1")).isEmpty();
        // The newest header of either list.
        assertThat(sink.dataDate()).contains(Instant.parse("2023-04-01T00:00:00Z"));
    }

    @Test
    void unknownCodenamesAreReportedWithTheirLine(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("debian"));
        Files.writeString(root.resolve("debian/DSA.list"), """
                [01 Jan 2030] DSA-9000-1 future - security update
                \t{CVE-2030-0001}
                \t[nonesuch] - future 1.0-1
                \t[trixie] - future 1.0-1+deb13u1
                """);
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).extracting(a -> a.pkg().asText()).containsExactly("deb debian:13 future");
        assertThat(sink.skipped).containsExactly(new RecordingSink.Skip("debian/DSA.list",
                "line 3: DSA-9000-1: 'nonesuch' is not a known Debian codename"));
    }

    @Test
    void aLinkedListIsReportedAndNotRead(@TempDir Path root, @TempDir Path outside) throws IOException {
        Path list = Files.writeString(outside.resolve("DSA.list"), "[01 Jan 2030] DSA-9000-1 x - y\n");
        Files.createDirectories(root.resolve("debian"));
        Files.createSymbolicLink(root.resolve("debian/DSA.list"), list);
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).isEmpty();
        assertThat(sink.skipped).containsExactly(
                new RecordingSink.Skip("debian/DSA.list", "symbolic link: not followed"));
        assertThat(feed.present(root)).isFalse();
    }

    @Test
    void downloadsComeFromSalsaAndPresenceFollowsTheFiles(@TempDir Path empty) {
        assertThat(feed.downloads()).extracting(Download::key, Download::url, Download::target).containsExactly(
                tuple("debian.dsa", URI.create(
                        "https://salsa.debian.org/security-tracker-team/security-tracker/-/raw/master/data/DSA/list"),
                        "debian/DSA.list"),
                tuple("debian.dla", URI.create(
                        "https://salsa.debian.org/security-tracker-team/security-tracker/-/raw/master/data/DLA/list"),
                        "debian/DLA.list"));
        assertThat(feed.downloads()).allMatch(d -> d.unpack() == Download.Unpack.NONE && d.sha256Url().isEmpty());
        FeedAssertions.assertPresentInTheFixturesOnly(feed, empty);
    }

    @Test
    void wholeSharedListsAreRead() throws IOException {
        Path vulndata = TestData.sharedVulndataOrAbort("read the whole DSA and DLA lists");
        // README: DSA 5,406 advisories, DLA 3,534, every one read without a problem.
        assertThat(entries(vulndata.resolve("debian/DSA.list"))).isEqualTo(5406);
        assertThat(entries(vulndata.resolve("debian/DLA.list"))).isEqualTo(3534);

        RecordingSink sink = RecordingSink.parse(feed, vulndata);
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.dataDate()).contains(Instant.parse("2023-04-01T00:00:00Z"));
        Set<String> ids = sink.advisories.stream().map(Advisory::id).collect(Collectors.toSet());
        // Announcements (end of life of a release, key changes) have no package line and give no advisory.
        assertThat(ids.stream().filter(i -> i.startsWith("DSA-")).count()).isBetween(5300L, 5406L);
        assertThat(ids.stream().filter(i -> i.startsWith("DLA-")).count()).isBetween(3400L, 3534L);
        System.out.printf("debian-dsa: %d advisories (%d ids with a package line) in %d ms%n",
                sink.advisories.size(), ids.size(), sink.parseMillis());
    }

    private static int entries(Path list) throws IOException {
        List<String> problems = new ArrayList<>();
        int[] count = {0};
        try (BufferedReader reader = Files.newBufferedReader(list)) {
            new AdvisoryListParser().parse(reader, new AdvisoryListParser.Listener() {
                @Override
                public void advisory(ListAdvisory advisory) {
                    count[0]++;
                }

                @Override
                public void problem(int line, String reason) {
                    problems.add(line + ": " + reason);
                }
            });
        }
        assertThat(problems).isEmpty();
        return count[0];
    }
}
