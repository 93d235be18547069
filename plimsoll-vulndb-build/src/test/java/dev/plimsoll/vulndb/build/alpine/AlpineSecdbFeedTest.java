package dev.plimsoll.vulndb.build.alpine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
import dev.plimsoll.vulndb.build.Download;
import dev.plimsoll.vulndb.build.feedio.FeedAssertions;
import dev.plimsoll.vulndb.build.feedio.RecordingSink;
import dev.plimsoll.vulndb.build.feedio.TestData;
import dev.plimsoll.vulndb.build.yaml.FeedYaml;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlpineSecdbFeedTest {
    private final AlpineSecdbFeed feed = new AlpineSecdbFeed();

    private RecordingSink parseFixtures() throws IOException {
        return RecordingSink.parse(feed, TestData.fixtures());
    }

    private static AffectedRange.Events fixedAt(String... versions) {
        List<AffectedRange.Event> events = new ArrayList<>();
        events.add(new AffectedRange.Event(AffectedRange.EventKind.INTRODUCED, "0"));
        for (String v : versions) {
            events.add(new AffectedRange.Event(AffectedRange.EventKind.FIXED, v));
        }
        return new AffectedRange.Events(AffectedRange.RangeType.ECOSYSTEM, events);
    }

    @Test
    void aSecfixIsAFixedAdvisoryForTheOriginPackageInItsBranch() throws IOException {
        Advisory sasl = parseFixtures().advisory("CVE-2013-4122", "apk alpine:3.8 cyrus-sasl");

        assertThat(sasl.source()).isEqualTo("alpine");
        assertThat(sasl.fix()).isEqualTo(new FixState.Fixed(List.of("2.1.26-r7")));
        assertThat(sasl.ranges()).containsExactly(fixedAt("2.1.26-r7"));
        assertThat(sasl.aliases()).isEmpty();
        assertThat(sasl.references()).containsExactly(URI.create("https://security.alpinelinux.org/vuln/CVE-2013-4122"));
    }

    @Test
    void versionZeroMeansNeverAffected() throws IOException {
        RecordingSink sink = parseFixtures();

        for (String cve : List.of("CVE-2016-0682", "CVE-2016-0689", "CVE-2016-0692", "CVE-2016-0694",
                "CVE-2016-3418")) {
            Advisory db = sink.advisory(cve, "apk alpine:3.8 db");
            assertThat(db.fix()).isInstanceOf(FixState.NotAffected.class);
            assertThat(db.ranges()).isEmpty();
        }
    }

    @Test
    void severalIdsInOneStringGiveOneAdvisoryPerCveWithTheOthersAsAliases() throws IOException {
        RecordingSink sink = parseFixtures();

        // "CVE-2017-5753 CVE-2017-5715 CVE-2017-5754 XSA-254 XPTI" under xen 4.9.1-r3 in v3.7.
        for (String cve : List.of("CVE-2017-5753", "CVE-2017-5715", "CVE-2017-5754")) {
            Advisory xen = sink.advisory(cve, "apk alpine:3.7 xen");
            assertThat(xen.aliases()).containsExactly("XSA-254");
            assertThat(xen.fix()).isEqualTo(new FixState.Fixed(List.of("4.9.1-r3")));
        }
        // "XSA-250" alone: the Xen advisory is the id.
        assertThat(sink.advisory("XSA-250", "apk alpine:3.7 xen").aliases()).isEmpty();
        assertThat(sink.advisories("XPTI")).isEmpty();
        // "CVE-2018-14881 (BGP)" in tcpdump, "CVE_2019-2426" in openjdk7 (the JSON form), ".patch" in dia.
        assertThat(sink.advisory("CVE-2018-14881", "apk alpine:3.10 tcpdump").fix())
                .isInstanceOf(FixState.Fixed.class);
        assertThat(sink.advisory("CVE-2019-2426", "apk alpine:3.10 openjdk7").fix())
                .isEqualTo(new FixState.Fixed(List.of("7.211.2.6.17-r0")));
        assertThat(sink.advisory("CVE-2019-19451", "apk alpine:3.11 dia").fix()).isInstanceOf(FixState.Fixed.class);
    }

    @Test
    void anIdListedUnderTwoVersionsIsFixedAtTheFirstFixedEvent() throws IOException {
        Advisory wpa = parseFixtures().advisory("CVE-2017-13077", "apk alpine:3.9 wpa_supplicant");

        assertThat(wpa.fix()).isEqualTo(new FixState.Fixed(List.of("2.7-r0", "2.6-r7")));
        // One range: under OSV evaluation the lower fixed event (2.6-r7) ends it.
        assertThat(wpa.ranges()).containsExactly(fixedAt("2.7-r0", "2.6-r7"));
    }

    @Test
    void everyEntryOfTheFixturesIsRead() throws IOException {
        RecordingSink sink = parseFixtures();

        // "XPTI" sits beside ids in its string: a word, not an entry, so nothing is reported.
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.dataDate()).isPresent();
    }

    @Test
    void jsonIsReadAndSupersedesYamlOfTheSameFile(@TempDir Path root) throws IOException {
        Path branch = Files.createDirectories(root.resolve("alpine/v3.20"));
        Files.writeString(branch.resolve("main.json"), """
                {"apkurl":"{{urlprefix}}/{{distroversion}}/{{reponame}}/{{arch}}/{{pkg.name}}-{{pkg.ver}}.apk",
                 "archs":["x86_64"],"reponame":"main","urlprefix":"https://dl-cdn.alpinelinux.org/alpine",
                 "distroversion":"v3.20",
                 "packages":[{"pkg":{"name":"openssl","secfixes":{"3.3.2-r0":["CVE-2024-6119"]}}}]}
                """);
        Files.writeString(branch.resolve("main.yaml"), """
                distroversion: v3.20
                reponame: main
                packages:
                  - pkg:
                      name: openssl
                      secfixes:
                        3.3.1-r0:
                          - CVE-2024-5535
                """);
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).extracting(a -> a.id() + " " + a.pkg().asText())
                .containsExactly("CVE-2024-6119 apk alpine:3.20 openssl");
        assertThat(sink.skipped).containsExactly(new RecordingSink.Skip("alpine/v3.20/main.yaml",
                "superseded by main.json in the same folder: not read"));
    }

    @Test
    void malformedEntriesAreReportedAndTheRestIsKept(@TempDir Path root) throws IOException {
        Path branch = Files.createDirectories(root.resolve("alpine/edge"));
        Files.writeString(branch.resolve("community.yaml"), """
                distroversion: edge
                reponame: community
                packages:
                  - pkg:
                      secfixes:
                        1.0-r0:
                          - CVE-2020-0001
                  - pkg:
                      name: numbers
                      secfixes:
                        1.0-r0:
                          - 2020
                          - CVE-2020-0002
                        1.1-r0: CVE-2020-0003
                  - pkg:
                      name: notamap
                      secfixes: [1, 2]
                """);
        Path bad = Files.createDirectories(root.resolve("alpine/v3.21"));
        Files.writeString(bad.resolve("main.yaml"), "packages:\n  - pkg:\n      name: a\n      name: b\n");
        Files.writeString(bad.resolve("community.yaml"), "distroversion: banana\npackages: []\n");
        Files.createDirectories(root.resolve("alpine/v3.21/deeper"));
        Files.writeString(root.resolve("alpine/v3.21/deeper/main.json"), "{}");
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).extracting(a -> a.id() + " " + a.pkg().asText())
                .containsExactly("CVE-2020-0002 apk alpine:edge numbers");
        assertThat(sink.skipped).extracting(s -> s.file() + ": " + s.reason()).containsExactlyInAnyOrder(
                "alpine/edge/community.yaml: packages[0]: no pkg.name",
                "alpine/edge/community.yaml: numbers 1.0-r0: secfixes id is not a string: 2020",
                "alpine/edge/community.yaml: numbers 1.1-r0: secfixes entry is not a list",
                "alpine/edge/community.yaml: notamap: secfixes is not a mapping",
                "alpine/v3.21/community.yaml: distroversion 'banana' is not an Alpine branch",
                "alpine/v3.21/deeper/main.json: not at alpine/<branch>/<repository>.json: not read",
                sink.skipped.stream().filter(s -> s.file().equals("alpine/v3.21/main.yaml")).findFirst()
                        .map(s -> s.file() + ": " + s.reason()).orElse("alpine/v3.21/main.yaml missing"));
        assertThat(sink.skipped(("alpine/v3.21/main.yaml"))).singleElement()
                .satisfies(s -> assertThat(s.reason()).startsWith("not read: Duplicate field 'name'"));
    }

    @Test
    void downloadsEveryConfiguredBranch(@TempDir Path empty) {
        assertThat(feed.downloads()).hasSize(24);
        assertThat(new AlpineSecdbFeed(List.of("v3.20")).downloads())
                .extracting(Download::key, Download::url, Download::target).containsExactly(
                        tuple("alpine.v3.20.main",
                                URI.create("https://secdb.alpinelinux.org/v3.20/main.json"), "alpine/v3.20/main.json"),
                        tuple("alpine.v3.20.community",
                                URI.create("https://secdb.alpinelinux.org/v3.20/community.json"),
                                "alpine/v3.20/community.json"));
        assertThat(feed.downloads()).extracting(Download::key).contains("alpine.edge.main", "alpine.v3.12.community");
        FeedAssertions.assertPresentInTheFixturesOnly(feed, empty);
    }

    @Test
    void wholeSharedSecdbIsRead() throws IOException {
        Path vulndata = TestData.sharedVulndataOrAbort("read the whole Alpine secdb");
        // README: 18 files, 1652 package entries, 12028 (version, id) entries.
        FeedYaml yaml = new FeedYaml(32 * 1024 * 1024);
        int packages = 0;
        int entries = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(vulndata.resolve("alpine"))) {
            files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode tree = yaml.read(Files.readAllBytes(file));
            List<String> problems = new ArrayList<>();
            SecdbDocument document = SecdbParser.parse(tree, file.getParent().getFileName().toString(),
                    "main", problems::add).orElseThrow();
            assertThat(problems).as(file.toString()).isEmpty();
            packages += document.packages().size();
            entries += document.packages().stream().mapToInt(p -> p.secfixes().size()).sum();
        }
        assertThat(files).hasSize(18);
        assertThat(packages).isEqualTo(1652);
        assertThat(entries).isEqualTo(12028);

        RecordingSink sink = RecordingSink.parse(feed, vulndata);
        // Every entry names an id in some spelling ("CVE-????-?????" placeholders always have a XSA beside them).
        assertThat(sink.skipped).isEmpty();
        System.out.printf("alpine: %d package entries, %d secfixes entries -> %d advisories, %d skipped, %d ms%n",
                packages, entries, sink.advisories.size(), sink.skipped.size(), sink.parseMillis());
    }
}
