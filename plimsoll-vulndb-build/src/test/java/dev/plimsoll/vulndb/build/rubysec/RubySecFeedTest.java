package dev.plimsoll.vulndb.build.rubysec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubySecFeedTest {
    private final RubySecFeed feed = new RubySecFeed();

    private RecordingSink parseFixtures() throws IOException {
        return RecordingSink.parse(feed, TestData.fixtures());
    }

    private static AffectedRange notAffected(String... requirements) {
        return new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.GEM, List.of(requirements), true);
    }

    @Test
    void patchedRequirementsAreTheNegatedConstraintAndTheirBoundsTheFixes() throws IOException {
        Advisory rack = parseFixtures().advisory("CVE-2011-5036", "gem rack");

        assertThat(rack.source()).isEqualTo("rubysec");
        assertThat(rack.ranges()).containsExactly(notAffected("~> 1.1.3", "~> 1.2.5", "~> 1.3.6", ">= 1.4.0"));
        assertThat(rack.fix()).isEqualTo(new FixState.Fixed(List.of("1.1.3", "1.2.5", "1.3.6", "1.4.0")));
        assertThat(rack.aliases()).containsExactlyInAnyOrder("OSVDB-78121", "GHSA-v6j3-7jrw-hq2p");
        assertThat(rack.severity()).as("cvss_v2 5.0").contains(Severity.MEDIUM);
        assertThat(rack.cvss()).isEmpty();
        assertThat(rack.title()).isEqualTo("CVE-2011-5036 rubygem-rack: hash table collisions DoS (oCERT-2011-003)");
        assertThat(rack.published()).contains(Instant.parse("2011-12-28T00:00:00Z"));
        assertThat(rack.references()).contains(URI.create("https://nvd.nist.gov/vuln/detail/CVE-2011-5036"));
    }

    @Test
    void unaffectedVersionsJoinThePatchedOnes() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory pagy = sink.advisory("CVE-2026-54659", "gem pagy");
        assertThat(pagy.ranges()).containsExactly(notAffected(">= 43.5.6", "< 43.0.0"));
        assertThat(pagy.fix()).isEqualTo(new FixState.Fixed(List.of("43.5.6")));
        assertThat(pagy.severity()).as("cvss_v4 6.9").contains(Severity.MEDIUM);

        Advisory actiontext = sink.advisory("CVE-2024-47888", "gem actiontext");
        assertThat(actiontext.ranges()).containsExactly(notAffected("~> 6.1.7.9", "~> 7.0.8, >= 7.0.8.5",
                "~> 7.1.4, >= 7.1.4.1", ">= 7.2.1.1", "< 6.0.0"));
        assertThat(actiontext.fix()).isEqualTo(new FixState.Fixed(List.of("6.1.7.9", "7.0.8.5", "7.1.4.1",
                "7.2.1.1")));
    }

    @Test
    void noPatchedVersionsIsUnfixedAndEveryVersionAffected() throws IOException {
        Advisory prawn = parseFixtures().advisory("CVE-2014-2322", "gem arabic-prawn");

        assertThat(prawn.fix()).isEqualTo(new FixState.NotFixed());
        assertThat(prawn.ranges()).isEmpty();
        assertThat(prawn.severity()).as("cvss_v2 7.5: v2 has no critical").contains(Severity.HIGH);
    }

    @Test
    void osvdbRecordsKeepTheirIdAndGreaterThanBoundsStayAsWritten() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory oracle = sink.advisory("OSVDB-95376", "gem activerecord-oracle_enhanced-adapter");
        assertThat(oracle.aliases()).isEmpty();
        assertThat(oracle.severity()).isEmpty();
        assertThat(sink.advisory("CVE-2011-0448", "gem activerecord").fix())
                .isEqualTo(new FixState.Fixed(List.of("2.3.11", "> 3.0.4")));
    }

    @Test
    void interpretersAreGenericPackagesNamedByEngine() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory ruby = sink.advisory("CVE-2026-46727", "generic ruby");
        assertThat(ruby.ranges()).containsExactly(notAffected(">= 4.0.5", "< 4.0"));
        assertThat(ruby.severity()).as("cvss_v3 8.1").contains(Severity.HIGH);
        assertThat(sink.advisory("CVE-2011-4838", "generic jruby").fix())
                .isEqualTo(new FixState.Fixed(List.of("1.6.5.1")));
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.advisories).hasSize(8);
        assertThat(sink.dataDate()).contains(Instant.parse("2026-07-28T00:00:00Z"));
    }

    @Test
    void malformedRecordsAreReportedAndTheRestIsRead(@TempDir Path root) throws IOException {
        Path gems = Files.createDirectories(root.resolve("ruby-advisory-db/gems/x"));
        Files.writeString(gems.resolve("CVE-2020-0001.yml"), "gem: x\npatched_versions:\n  - \">= 1.0\"\n");
        Files.writeString(gems.resolve("CVE-2020-0002.yml"), "gem: x\ngem: y\n");
        Files.writeString(gems.resolve("CVE-2020-0003.yml"), "cve: 2020-0003\npatched_versions: [\">= 1\"]\n");
        Files.writeString(gems.resolve("CVE-2020-0004.yml"), "gem: x\npatched_versions:\n  - 1.10\n");
        Files.writeString(gems.resolve("CVE-2020-0005.yml"), "gem: x\nbase: &b [\">= 1\"]\npatched_versions: *b\n");
        Files.writeString(gems.resolve("CVE-2020-0006.yml"), "- just\n- a list\n");
        Files.writeString(gems.resolve("CVE-2020-0007.yml"), "gem: x\npatched_versions: {a: 1}\n");
        Files.writeString(gems.resolve("CVE-2020-0008.yml"), "gem: x\n  bad: indentation\n");
        Files.writeString(root.resolve("ruby-advisory-db/gems/stray.yml"), "gem: x\n");
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).extracting(Advisory::id).containsExactly("CVE-2020-0001");
        Map<String, String> reasons = sink.reasonsIn("ruby-advisory-db/gems/");
        assertThat(reasons).hasSize(8);
        assertThat(reasons.get("x/CVE-2020-0002.yml")).startsWith("not read: Duplicate field 'gem'");
        assertThat(reasons.get("x/CVE-2020-0003.yml")).isEqualTo("no 'gem'");
        assertThat(reasons.get("x/CVE-2020-0004.yml")).isEqualTo("patched_versions is not a list of strings");
        assertThat(reasons.get("x/CVE-2020-0005.yml")).startsWith("not read: YAML alias '*b' refused");
        assertThat(reasons.get("x/CVE-2020-0006.yml")).isEqualTo("not a YAML mapping");
        assertThat(reasons.get("x/CVE-2020-0007.yml")).isEqualTo("patched_versions is not a list of strings");
        assertThat(reasons.get("x/CVE-2020-0008.yml")).startsWith("not read: ");
        assertThat(reasons.get("stray.yml")).isEqualTo("not at gems/<name>/<id>.yml: not read");
    }

    @Test
    void linksAreReportedAndNeverFollowedOutOfTheRoot(@TempDir Path root, @TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("CVE-2020-9999.yml"), "gem: secret\n");
        Path gems = Files.createDirectories(root.resolve("ruby-advisory-db/gems/x"));
        Files.createSymbolicLink(gems.resolve("CVE-2020-9999.yml"), secret);
        Files.createSymbolicLink(root.resolve("ruby-advisory-db/gems/linked"), outside);
        Files.writeString(gems.resolve("CVE-2020-0001.yml"), "gem: x\n");
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).extracting(a -> a.pkg().asText()).containsExactly("gem x");
        assertThat(sink.skipped).containsExactlyInAnyOrder(
                new RecordingSink.Skip("ruby-advisory-db/gems/linked", "symbolic link: not followed"),
                new RecordingSink.Skip("ruby-advisory-db/gems/x/CVE-2020-9999.yml", "symbolic link: not followed"));
    }

    @Test
    void readsAnArchiveUnpackedWithItsTopFolder(@TempDir Path root) throws IOException {
        Path gems = Files.createDirectories(root.resolve("ruby-advisory-db/ruby-advisory-db-master/gems/x"));
        Files.writeString(gems.resolve("CVE-2020-0001.yml"), "gem: x\n");
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).extracting(a -> a.pkg().asText()).containsExactly("gem x");
        assertThat(sink.skipped).isEmpty();
    }

    @Test
    void downloadsTheBranchArchive(@TempDir Path empty) {
        FeedAssertions.assertDownloadsTheBranchZip(feed, RubySecFeed.ARCHIVE,
                "https://github.com/rubysec/ruby-advisory-db/archive/refs/heads/master.zip", "ruby-advisory-db",
                "ruby-advisory-db-master/");
        FeedAssertions.assertPresentInTheFixturesOnly(feed, empty);
    }

    @Test
    void wholeSharedDatabaseIsRead() throws IOException {
        Path vulndata = TestData.sharedVulndataOrAbort("read the whole ruby-advisory-db");
        RecordingSink sink = RecordingSink.parse(feed, vulndata);

        assertThat(sink.skipped).isEmpty();
        // README: 1,381 records. (Its split, gems 1,209 / rubies 172, is off: the folders hold 1,234 and 147.)
        assertThat(sink.advisories).hasSize(1381);
        Map<String, Long> byEcosystem = sink.advisories.stream()
                .collect(Collectors.groupingBy(a -> a.pkg().ecosystem().purlType(), Collectors.counting()));
        assertThat(byEcosystem).containsExactlyInAnyOrderEntriesOf(Map.of("gem", 1234L, "generic", 147L));
        assertThat(sink.advisories).filteredOn(a -> a.fix() instanceof FixState.NotFixed).hasSize(99);
        System.out.printf("rubysec: %d advisories (%s) in %d ms%n", sink.advisories.size(), byEcosystem,
                sink.parseMillis());
    }
}
