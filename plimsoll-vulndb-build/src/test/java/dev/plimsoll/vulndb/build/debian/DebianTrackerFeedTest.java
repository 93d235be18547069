package dev.plimsoll.vulndb.build.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.FeedAssertions;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker JSON fixture is built from the format's generator (see vulndata/debian/README.md). */
class DebianTrackerFeedTest {
    private final DebianTrackerFeed feed = new DebianTrackerFeed();

    private RecordingSink parseFixture() throws IOException {
        return RecordingSink.parse(feed, TestData.fixtures());
    }

    private static RecordingSink parse(Path root, String json) throws IOException {
        Files.createDirectories(root.resolve("debian"));
        Files.writeString(root.resolve("debian/tracker.json"), json);
        RecordingSink sink = RecordingSink.parse(new DebianTrackerFeed(), root);
        return sink;
    }

    @Test
    void resolvedWithAVersionIsFixedBeforeIt() throws IOException {
        RecordingSink sink = parseFixture();

        Advisory openssl = sink.advisory("CVE-2023-0286", "deb debian:11 openssl");
        assertThat(openssl.source()).isEqualTo("debian-tracker");
        assertThat(openssl.fix()).isEqualTo(new FixState.Fixed(List.of("1.1.1n-0+deb11u4")));
        assertThat(openssl.ranges()).containsExactly(new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM,
                List.of(new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"),
                        new AffectedRange.Event(AffectedRange.EventKind.FIXED, "1.1.1n-0+deb11u4"))));
        assertThat(openssl.severity()).contains(Severity.HIGH);
        assertThat(openssl.title()).startsWith("There is a type confusion vulnerability");
        assertThat(openssl.references()).containsExactly(
                URI.create("https://security-tracker.debian.org/tracker/CVE-2023-0286"),
                URI.create("https://bugs.debian.org/1031327"));
        assertThat(sink.advisory("CVE-2023-0286", "deb debian:sid openssl").fix())
                .isEqualTo(new FixState.Fixed(List.of("3.0.8-1")));
        assertThat(sink.advisory("CVE-2023-0286", "deb debian:12 openssl").severity()).isEmpty();
    }

    @Test
    void fixedVersionZeroMeansNeverAffected() throws IOException {
        Advisory glibc = parseFixture().advisory("CVE-2023-4911", "deb debian:11 glibc");

        assertThat(glibc.fix()).isInstanceOf(FixState.NotAffected.class);
        assertThat(glibc.ranges()).isEmpty();
    }

    @Test
    void openIssuesAreUnfixedOrWontFixForTheirReason() throws IOException {
        RecordingSink sink = parseFixture();

        Advisory ignored = sink.advisory("CVE-2023-45853", "deb debian:12 zlib");
        assertThat(ignored.fix()).isEqualTo(new FixState.WontFix("ignored"));
        assertThat(ignored.ranges()).isEmpty();
        assertThat(sink.advisory("CVE-2023-3164", "deb debian:12 tiff").fix())
                .isEqualTo(new FixState.WontFix("postponed"));
        // nodsa present with an empty comment and no reason: a plain <no-dsa>.
        Advisory noDsa = sink.advisory("CVE-2023-3164", "deb debian:11 tiff");
        assertThat(noDsa.fix()).isEqualTo(new FixState.WontFix("no-dsa"));
        assertThat(noDsa.severity()).as("low** is NVD's low").contains(Severity.LOW);
        Advisory unimportant = sink.advisory("CVE-2023-3164", "deb debian:sid tiff");
        assertThat(unimportant.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(unimportant.severity()).contains(Severity.LOW);
        assertThat(sink.advisory("CVE-2023-2033", "deb debian:11 chromium").fix())
                .isEqualTo(new FixState.WontFix("end-of-life"));
    }

    @Test
    void undeterminedIsUnfixedWithANoteAndTempIdsAreKept() throws IOException {
        Advisory temp = parseFixture().advisory("TEMP-0000000-1F2A33", "deb debian:12 openssl");

        assertThat(temp.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(temp.ranges()).isEmpty();
        assertThat(temp.title()).isEqualTo("TEMP-0000000-1F2A33 [undetermined in the Debian tracker: not yet known "
                + "whether this release is affected]");
    }

    @Test
    void everyReleaseEntryOfTheFixtureIsOneAdvisory() throws IOException {
        RecordingSink sink = parseFixture();

        assertThat(sink.advisories).hasSize(15);
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void theFileDateIsTheDataDate(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("debian"));
        Path file = Files.writeString(root.resolve("debian/tracker.json"), "{}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.dataDate()).contains(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(sink.advisories).isEmpty();
    }

    @Test
    void malformedEntriesAreReportedAndTheRestIsRead(@TempDir Path root) throws IOException {
        RecordingSink sink = parse(root, """
                {"a":{"CVE-2024-0001":{"releases":{
                   "bookworm":{"status":"resolved","fixed_version":"1.0-1"},
                   "experimental":{"status":"open"},
                   "rex":{"status":"open"},
                   "bullseye":{"status":"maybe"},
                   "trixie":{"status":"resolved","fixed_version":7},
                   "forky":{"status":"resolved"},
                   "sid":["open"]}},
                 "GHSA-xxxx-yyyy-zzzz":{"releases":{}},
                 "CVE-2024-0002":{"description":"no releases"}},
                 "b":"not an object",
                 "c":{"CVE-2024-0003":{"releases":{"bookworm":{"urgency":"high"},
                                                   "experimental":{"status":"open"}}}}}
                """);

        assertThat(sink.advisories).extracting(a -> a.pkg().asText() + " " + a.fix()).containsExactly(
                "deb debian:12 a Fixed[versions=[1.0-1]]",
                "deb debian:1.2 a NotFixed[]",
                "deb debian:14 a NotAffected[reason=resolved without a fixed version]");
        assertThat(sink.skipped).extracting(RecordingSink.Skip::reason).containsExactly(
                "a CVE-2024-0001 bullseye: unknown status 'maybe'",
                "a CVE-2024-0001 trixie: fixed_version is not a string: 7",
                "a CVE-2024-0001 sid: release entry is not an object",
                "a GHSA-xxxx-yyyy-zzzz: not a CVE or TEMP id",
                "a CVE-2024-0002: no releases object",
                "b: not an object of issues",
                "c CVE-2024-0003 bookworm: release entry without a status",
                "release 'experimental' is not a known Debian codename: 2 entries not read");
        assertThat(sink.skipped).allMatch(s -> s.file().equals("debian/tracker.json"));
    }

    @Test
    void brokenJsonKeepsWhatCameBeforeAndSaysWhere(@TempDir Path root) throws IOException {
        RecordingSink sink = parse(root, """
                {"a":{"CVE-2024-0001":{"releases":{"bookworm":{"status":"open"}}}},
                 "b":{"CVE-2024-0002":{"releases":{"bookworm":{"status":"open"
                """);

        assertThat(sink.advisories).extracting(Advisory::id).containsExactly("CVE-2024-0001");
        assertThat(sink.skipped).singleElement().satisfies(s ->
                assertThat(s.reason()).startsWith("JSON broken, the rest of the document is not read"));
    }

    @Test
    void aDocumentThatIsNotAnObjectIsReported(@TempDir Path root) throws IOException {
        RecordingSink sink = parse(root, "[1, 2]");

        assertThat(sink.advisories).isEmpty();
        assertThat(sink.skipped).extracting(RecordingSink.Skip::reason)
                .containsExactly("not a JSON object keyed by source package");
    }

    @Test
    void downloadsTheTrackerJson(@TempDir Path empty) {
        assertThat(feed.downloads()).singleElement().satisfies(d -> {
            assertThat(d.url()).isEqualTo(URI.create("https://security-tracker.debian.org/tracker/data/json"));
            assertThat(d.target()).isEqualTo("debian/tracker.json");
            assertThat(d.unpack()).isEqualTo(Download.Unpack.NONE);
        });
        FeedAssertions.assertPresentInTheFixturesOnly(feed, empty);
    }
}
