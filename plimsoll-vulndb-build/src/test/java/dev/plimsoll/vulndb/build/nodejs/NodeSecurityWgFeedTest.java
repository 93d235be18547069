package dev.plimsoll.vulndb.build.nodejs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.Cvss;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.core.finding.Severity;
import dev.plimsoll.vulndb.build.feedio.FeedAssertions;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeSecurityWgFeedTest {
    private final NodeSecurityWgFeed feed = new NodeSecurityWgFeed();

    private RecordingSink parseFixtures() throws IOException {
        return RecordingSink.parse(feed, TestData.fixtures());
    }

    private static AffectedRange.Constraint npm(boolean negated, String... ranges) {
        return new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.NPM, List.of(ranges), negated);
    }

    @Test
    void anNpmRecordIsItsVulnerableRangeWithThePatchedBoundAsFix() throws IOException {
        Advisory bassmaster = parseFixtures().advisory("NSWG-ECO-1", "npm bassmaster");

        assertThat(bassmaster.source()).isEqualTo("nodejs");
        assertThat(bassmaster.aliases()).containsExactly("CVE-2014-7205");
        assertThat(bassmaster.ranges()).containsExactly(npm(false, "<=1.5.1"));
        assertThat(bassmaster.fix()).isEqualTo(new FixState.Fixed(List.of("1.5.2")));
        assertThat(bassmaster.cvss()).containsExactly(new Cvss("3.0",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N", Optional.of(6.5), "nodejs"));
        assertThat(bassmaster.title()).isEqualTo("Arbitrary JavaScript Execution");
        assertThat(bassmaster.published()).contains(Instant.parse("2014-09-27T00:00:00Z"));
        assertThat(bassmaster.modified()).contains(Instant.parse("2016-04-28T00:00:00Z"));
        assertThat(bassmaster.references()).contains(URI.create("https://www.npmjs.org/package/bassmaster"),
                URI.create("https://github.com/nodejs/security-wg/blob/main/vuln/npm/1.json"));
    }

    @Test
    void preReleasesAndCompoundRangesAreKeptAsWritten() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory rc = sink.advisory("NSWG-ECO-33", sink.advisories("NSWG-ECO-33").getFirst().pkg().asText());
        assertThat(rc.ranges()).containsExactly(npm(false, "<=2.0.0-rc7"));
        assertThat(rc.fix()).isEqualTo(new FixState.Fixed(List.of("2.0.0-rc8")));
        Advisory compound = sink.advisories("NSWG-ECO-466").getFirst();
        assertThat(compound.ranges()).containsExactly(npm(false,
                ">=1.7.0 <1.7.16 || >=1.8.0 <1.8.8 || >=2.0.0 <2.0.8 || >=3.0.0-beta.1 <3.0.0-beta.7"));
        assertThat(compound.fix()).isEqualTo(new FixState.Fixed(List.of("3.0.0-beta.7", "2.0.8", "1.8.8",
                "1.7.16")));
    }

    @Test
    void noPatchedVersionIsUnfixedAndAStarIsEveryVersion() throws IOException {
        RecordingSink sink = parseFixtures();

        // "<0.0.0": the WG's "no patched version".
        Advisory none = sink.advisories("NSWG-ECO-19").getFirst();
        assertThat(none.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(sink.advisories("NSWG-ECO-358").getFirst().fix()).isEqualTo(new FixState.NotFixed());
        Advisory flatmap = sink.advisory("NSWG-ECO-477", "npm flatmap-stream");
        assertThat(flatmap.ranges()).isEmpty();
        assertThat(flatmap.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(flatmap.aliases()).isEmpty();
    }

    @Test
    void coreRecordsAreNodeItselfWithPatchedReleasesTakenOut() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory naptr = sink.advisory("NSWG-COR-1", "generic node");
        assertThat(naptr.aliases()).containsExactly("CVE-2017-1000381");
        assertThat(naptr.ranges()).containsExactly(npm(false, "8.x >=8.0.0 <8.1.4", "7.x >=7.0.0 <7.10.1",
                "4.x <4.8.4", "6.x >=5.0.0 <6.11.1", "5.x >=5.0.0 <6.11.1"));
        assertThat(naptr.fix()).isEqualTo(new FixState.Fixed(List.of("8.1.4", "7.10.1", "4.8.4", "6.11.1")));
        assertThat(naptr.severity()).contains(Severity.HIGH);
        assertThat(naptr.title()).isEqualTo("memory overread when parsing invalid NAPTR responses");

        Advisory buffer = sink.advisory("NSWG-COR-54", "generic node");
        assertThat(buffer.ranges()).containsExactly(npm(false, "<=10 <6.14.4", "<=10 >=7.0.0 <8.11.4",
                "<=10 >=9.0.0 <10.9.0"));
        assertThat(buffer.published()).contains(Instant.parse("2018-08-16T00:00:00Z"));
        assertThat(sink.advisory("NSWG-COR-24", "generic node").fix())
                .isEqualTo(new FixState.Fixed(List.of("4.4.6", "5.12.0")));
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.advisories).hasSize(9);
    }

    @Test
    void malformedRecordsAreReportedAndIndexFilesSkipped(@TempDir Path root) throws IOException {
        Path npm = Files.createDirectories(root.resolve("nodejs-security-wg/npm"));
        Files.writeString(npm.resolve("1.json"), """
                {"id": 1, "module_name": "ok", "cves": [], "vulnerable_versions": "<1.0.0",
                 "patched_versions": ">=1.0.0", "cvss_vector": "3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N"}
                """);
        Files.writeString(npm.resolve("2.json"), "{\"id\": 2, \"cves\": []}");
        Files.writeString(npm.resolve("3.json"), "{\"id\": 3, \"module_name\": \"x\", \"vulnerable_versions\": 1}");
        Files.writeString(npm.resolve("4.json"), "{\"id\": 4, \"module_name\": \"x\", \"cves\": [7]}");
        Files.writeString(npm.resolve("5.json"), "{\"id\": 5, ");
        Files.writeString(npm.resolve("6.json"), "[]");
        Files.writeString(npm.resolve("index.json"), "{\"1\": {}}");
        Files.writeString(npm.resolve("notes.json"), "{}");
        Files.createDirectories(root.resolve("nodejs-security-wg/core"));
        Files.writeString(root.resolve("nodejs-security-wg/core/1.json"),
                "{\"cve\": [], \"vulnerable\": \"8.x\", \"patched\": \">=8.0.0\"}");
        Files.createDirectories(root.resolve("nodejs-security-wg/deps"));
        Files.writeString(root.resolve("nodejs-security-wg/deps/1.json"), "{\"cve\": [\"CVE-2023-45853\"]}");
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("NSWG-ECO-1");
            assertThat(a.cvss()).extracting(Cvss::version, Cvss::vector).containsExactly(
                    tuple("3.0", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N"));
        });
        Map<String, String> reasons = sink.reasonsIn("nodejs-security-wg/");
        assertThat(reasons).containsOnlyKeys("npm/2.json", "npm/3.json", "npm/4.json", "npm/5.json", "npm/6.json",
                "npm/notes.json", "core/1.json");
        assertThat(reasons.get("npm/2.json")).isEqualTo("no module_name");
        assertThat(reasons.get("npm/3.json")).isEqualTo("vulnerable_versions is not a string: 1");
        assertThat(reasons.get("npm/4.json")).isEqualTo("cves is not a list of strings");
        assertThat(reasons.get("npm/5.json")).startsWith("not read: ");
        assertThat(reasons.get("npm/6.json")).isEqualTo("not a JSON object");
        assertThat(reasons.get("npm/notes.json")).isEqualTo("not at npm/<number>.json: not read");
        assertThat(reasons.get("core/1.json")).isEqualTo("every vulnerable release is also patched: nothing affected");
    }

    @Test
    void downloadsTheBranchArchiveAndStripsToVuln(@TempDir Path root) throws IOException {
        FeedAssertions.assertDownloadsTheBranchZip(feed, NodeSecurityWgFeed.ARCHIVE,
                "https://github.com/nodejs/security-wg/archive/refs/heads/main.zip", "nodejs-security-wg",
                "security-wg-main/vuln/");
        assertThat(feed.present(root)).isFalse();

        Path npm = Files.createDirectories(root.resolve("nodejs-security-wg/security-wg-main/vuln/npm"));
        Files.writeString(npm.resolve("7.json"), "{\"id\": 7, \"module_name\": \"m\", \"vulnerable_versions\": \"<2\"}");
        RecordingSink sink = RecordingSink.parse(feed, root);
        assertThat(feed.present(root)).isTrue();
        assertThat(sink.advisories).extracting(Advisory::id).containsExactly("NSWG-ECO-7");
    }

    @Test
    void wholeSharedDatabaseIsRead() throws IOException {
        Path vulndata = TestData.sharedVulndataOrAbort("read all Node.js security WG records");
        RecordingSink sink = RecordingSink.parse(feed, vulndata);

        assertThat(sink.skipped).isEmpty();
        Map<String, Long> byKind = sink.advisories.stream()
                .collect(Collectors.groupingBy(a -> a.id().substring(0, 9), Collectors.counting()));
        // README: npm 467, core 171.
        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of("NSWG-ECO-", 467L, "NSWG-COR-", 171L));
        assertThat(sink.advisories).filteredOn(a -> a.id().startsWith("NSWG-ECO-"))
                .filteredOn(a -> a.fix() instanceof FixState.NotFixed).hasSize(55 + 138);
        System.out.printf("nodejs: %d advisories (%s) in %d ms%n", sink.advisories.size(), byKind,
                sink.parseMillis());
    }
}
