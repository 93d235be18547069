package dev.plimsoll.vulndb.build.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plimsoll.core.advisory.Advisory;
import dev.plimsoll.core.advisory.AffectedRange;
import dev.plimsoll.core.advisory.FixState;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FriendsOfPhpFeedTest {
    private final FriendsOfPhpFeed feed = new FriendsOfPhpFeed();

    private RecordingSink parseFixtures() throws IOException {
        return RecordingSink.parse(feed, TestData.fixtures());
    }

    private static AffectedRange.Constraint composer(String... branches) {
        return new AffectedRange.Constraint(AffectedRange.ConstraintSyntax.COMPOSER, List.of(branches), false);
    }

    @Test
    void eachBranchIsOneConstraintAndItsUpperBoundAFix() throws IOException {
        // cakephp/cakephp/2015-08-06.yaml: eight branches, "cve: ~".
        Advisory cake = parseFixtures().advisory("friendsofphp/cakephp/cakephp/2015-08-06", "composer cakephp/cakephp");

        assertThat(cake.source()).isEqualTo("php");
        assertThat(cake.aliases()).isEmpty();
        assertThat(cake.ranges()).containsExactly(composer(">=2.0.0,<2.0.99", ">=2.1.0,<2.1.99", ">=2.2.0,<2.2.99",
                ">=2.3.0,<2.3.99", ">=2.4.0,<2.4.99", ">=2.5.0,<2.5.9", ">=2.6.0,<2.6.11", ">=2.7.0,<2.7.2"));
        assertThat(cake.fix()).isEqualTo(new FixState.Fixed(List.of("2.0.99", "2.1.99", "2.2.99", "2.3.99", "2.4.99",
                "2.5.9", "2.6.11", "2.7.2")));
        assertThat(cake.title()).isEqualTo("Direct access of prefixed controller actions");
        assertThat(cake.references()).containsExactly(URI.create(
                "https://bakery.cakephp.org/2015/08/06/cakephp_2_5_9_2_6_10_2_7_2_released.html"));
        assertThat(cake.published()).contains(Instant.parse("2015-08-06T22:08:00Z"));
    }

    @Test
    void theCveIsTheIdAndAnInclusiveUpperBoundIsNoFix() throws IOException {
        Advisory eloquent = parseFixtures().advisory("CVE-2020-24940", "composer illuminate/database");

        assertThat(eloquent.ranges()).containsExactly(composer(">=5.5.0,<=5.5.44", ">=6.0.0,<6.18.34",
                ">=7.0.0,<7.23.2"));
        assertThat(eloquent.fix()).isEqualTo(new FixState.Fixed(List.of("6.18.34", "7.23.2")));
        // time: ~ on one branch; the others give published and modified.
        assertThat(eloquent.published()).contains(Instant.parse("2020-08-06T14:55:00Z"));
        assertThat(eloquent.modified()).contains(Instant.parse("2020-08-06T14:56:00Z"));
    }

    @Test
    void aBoundWhereAnotherListedBranchStartsIsNoFix() throws IOException {
        Advisory symfony = parseFixtures().advisory("CVE-2026-48784", "composer symfony/symfony");

        assertThat(((AffectedRange.Constraint) symfony.ranges().getFirst()).anyOf()).hasSize(19);
        assertThat(symfony.fix()).isEqualTo(new FixState.Fixed(List.of("5.4.53", "6.4.41", "7.4.13", "8.0.13")));
    }

    @Test
    void withoutACveTheGhsaInTheLinkIsTheId() throws IOException {
        RecordingSink sink = parseFixtures();

        Advisory steam = sink.advisory("GHSA-hhw9-35p2-q2c5", "composer socialiteproviders/steam");
        assertThat(steam.ranges()).containsExactly(composer("<1.1"));
        assertThat(steam.fix()).isEqualTo(new FixState.Fixed(List.of("1.1")));
        assertThat(steam.published()).isEmpty();
        // "cve:       ~" with spaces, composer-repository: false (not on Packagist): still a Composer package.
        Advisory quotation = sink.advisory("friendsofphp/cart2quote/module-quotation/2017-02-01",
                "composer cart2quote/module-quotation");
        assertThat(quotation.fix()).isEqualTo(new FixState.Fixed(List.of("4.4.6", "5.4.4")));
        assertThat(sink.skipped).isEmpty();
        assertThat(sink.advisories).hasSize(5);
        assertThat(sink.dataDate()).contains(Instant.parse("2026-05-26T08:00:00Z"));
    }

    @Test
    void malformedRecordsAreReportedAndTheRestIsRead(@TempDir Path root) throws IOException {
        Path pkg = Files.createDirectories(root.resolve("php-security-advisories/acme/lib"));
        Files.writeString(pkg.resolve("ok.yaml"), """
                title: ok
                cve: CVE-2020-0001
                branches:
                    1.x: {time: ~, versions: ['<=1.9']}
                reference: composer://acme/lib
                """);
        Files.writeString(pkg.resolve("noref.yaml"), "title: t\nbranches:\n  1.x: {versions: ['<1']}\n");
        Files.writeString(pkg.resolve("badref.yaml"),
                "title: t\nreference: https://acme\nbranches:\n  1.x: {versions: ['<1']}\n");
        Files.writeString(pkg.resolve("nobranches.yaml"), "title: t\nreference: composer://acme/lib\n");
        Files.writeString(pkg.resolve("number.yaml"),
                "reference: composer://acme/lib\nbranches:\n  1.x: {versions: [1.10]}\n");
        Files.writeString(pkg.resolve("empty.yaml"),
                "reference: composer://acme/lib\nbranches:\n  1.x: {versions: []}\n");
        Files.writeString(pkg.resolve("dup.yaml"),
                "reference: composer://acme/lib\nreference: composer://acme/other\n");
        Files.createDirectories(root.resolve("php-security-advisories/.github/workflows"));
        Files.writeString(root.resolve("php-security-advisories/.github/workflows/ci.yaml"), "on: push\n");
        Files.writeString(root.resolve("php-security-advisories/acme/stray.yaml"), "title: t\n");
        RecordingSink sink = RecordingSink.parse(feed, root);

        assertThat(sink.advisories).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("CVE-2020-0001");
            assertThat(a.fix()).isEqualTo(new FixState.NotFixed());
        });
        Map<String, String> reasons = sink.reasonsIn("php-security-advisories/");
        assertThat(reasons).containsOnlyKeys("acme/lib/noref.yaml", "acme/lib/badref.yaml",
                "acme/lib/nobranches.yaml", "acme/lib/number.yaml", "acme/lib/empty.yaml", "acme/lib/dup.yaml",
                "acme/stray.yaml");
        assertThat(reasons.get("acme/lib/badref.yaml"))
                .isEqualTo("reference is not composer://vendor/package: https://acme");
        assertThat(reasons.get("acme/lib/number.yaml"))
                .isEqualTo("branch 1.x: versions is not a non-empty list of strings");
        assertThat(reasons.get("acme/lib/dup.yaml")).startsWith("not read: Duplicate field 'reference'");
    }

    @Test
    void branchTimesAreReadInTheirSpellings() {
        assertThat(FriendsOfPhpRecord.time("2015-08-06 22:08:00")).contains(Instant.parse("2015-08-06T22:08:00Z"));
        assertThat(FriendsOfPhpRecord.time("2019-1-7 9:05:00")).contains(Instant.parse("2019-01-07T09:05:00Z"));
        assertThat(FriendsOfPhpRecord.time("2018-05-20 10:00:00 +0000"))
                .contains(Instant.parse("2018-05-20T10:00:00Z"));
        assertThat(FriendsOfPhpRecord.time("2018-13-45 10:00:00")).isEmpty();
        assertThat(FriendsOfPhpRecord.time("soon")).isEmpty();
    }

    @Test
    void downloadsTheBranchArchive(@TempDir Path empty) {
        FeedAssertions.assertDownloadsTheBranchZip(feed, FriendsOfPhpFeed.ARCHIVE,
                "https://github.com/FriendsOfPHP/security-advisories/archive/refs/heads/master.zip",
                "php-security-advisories", "security-advisories-master/");
        FeedAssertions.assertPresentInTheFixturesOnly(feed, empty);
    }

    @Test
    void wholeSharedDatabaseIsRead() throws IOException {
        Path vulndata = TestData.sharedVulndataOrAbort("read all FriendsOfPHP advisories");
        RecordingSink sink = RecordingSink.parse(feed, vulndata);

        assertThat(sink.skipped).isEmpty();
        assertThat(sink.advisories).hasSize(1592);
        long withCve = sink.advisories.stream().filter(a -> a.id().startsWith("CVE-")).count();
        assertThat(withCve).isEqualTo(1160);
        System.out.printf("php: %d advisories (%d with a CVE id, %d unfixed) in %d ms%n", sink.advisories.size(),
                withCve, sink.advisories.stream().filter(a -> a.fix() instanceof FixState.NotFixed).count(),
                sink.parseMillis());
    }
}
