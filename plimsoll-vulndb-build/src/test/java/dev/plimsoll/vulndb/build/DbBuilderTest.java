package dev.plimsoll.vulndb.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.vulndb.DbCounts;
import dev.plimsoll.vulndb.SourceInfo;
import dev.plimsoll.vulndb.VulnDb;
import dev.plimsoll.vulndb.VulnDbReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbBuilderTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path data;
    Path db;

    @BeforeEach
    void layOutData() throws IOException {
        data = Files.createDirectories(tmp.resolve("data"));
        db = tmp.resolve("vulndb.db");
        Files.createDirectories(data.resolve("alpha"));
        Files.writeString(data.resolve("alpha/2024-05-01.txt"), "lodash A-1\nlodash A-2\nexpress A-3\n");
        Files.writeString(data.resolve("alpha/2024-05-20.txt"), "broken line with four words\nCVE-2024-1 epss\n");
        Files.createDirectories(data.resolve("beta"));
        Files.writeString(data.resolve("beta/notes.txt"), "lodash B-1\n");
    }

    @Test
    void buildsFromEveryPresentFeedAndReportsEach() throws IOException {
        List<Feed> feeds = List.of(FakeFeed.of("alpha"), FakeFeed.of("beta"), FakeFeed.of("gamma"));
        BuildReport report = new DbBuilder(2).build(data, db, feeds, CLOCK);

        assertThat(report.absent()).containsExactly("gamma");
        assertThat(report.feeds()).extracting(FeedReport::feed).containsExactly("alpha", "beta");
        FeedReport alpha = report.feeds().getFirst();
        assertThat(alpha.advisories()).isEqualTo(3);
        assertThat(alpha.cveFacts()).isEqualTo(1);
        assertThat(alpha.skipped()).isEqualTo(1);
        assertThat(alpha.firstError()).contains("alpha/2024-05-20.txt: not 'name id': broken line with four words");
        assertThat(alpha.dataDate()).contains(Instant.parse("2024-05-20T00:00:00Z"));
        assertThat(report.feeds().get(1).dataDate()).isEmpty();
        assertThat(report.counts()).isEqualTo(new DbCounts(2, 4, 1));
        assertThat(report.skipped()).isEqualTo(1);

        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(r.find(PackageKey.language(Ecosystem.NPM, "lodash"))).extracting(a -> a.id())
                    .containsExactly("A-1", "A-2", "B-1");
            assertThat(r.cveFacts("CVE-2024-1")).isPresent();
            assertThat(r.metadata().builtAt()).isEqualTo(CLOCK.instant());
            SourceInfo source = r.metadata().source("alpha").orElseThrow();
            assertThat(source.location()).isEqualTo(data.toString());
            assertThat(source.records()).isEqualTo(4);
            assertThat(source.skipped()).isEqualTo(1);
            assertThat(source.firstError()).isEqualTo(alpha.firstError());
            assertThat(r.metadata().source("gamma")).isEmpty();
        }
    }

    @Test
    void originsFromTheUpdaterGoIntoTheMetadata() throws IOException {
        FeedOrigin origin = new FeedOrigin("https://mirror.example/alpha.zip", Instant.parse("2024-06-01T11:00:00Z"));
        new DbBuilder().build(data, db, List.of(FakeFeed.of("alpha"), FakeFeed.of("beta")), CLOCK,
                Map.of("alpha", origin));
        try (VulnDb r = VulnDb.open(db)) {
            SourceInfo alpha = r.metadata().source("alpha").orElseThrow();
            assertThat(alpha.location()).isEqualTo(origin.location());
            assertThat(alpha.fetchedAt()).isEqualTo(origin.fetchedAt());
            assertThat(r.metadata().source("beta").orElseThrow().fetchedAt()).isEqualTo(CLOCK.instant());
        }
    }

    @Test
    void aFeedThatFailsAsAWholeFailsTheBuildAndKeepsTheOldDatabase() throws IOException {
        new DbBuilder().build(data, db, List.of(FakeFeed.of("beta")), CLOCK);
        byte[] before = Files.readAllBytes(db);
        FakeFeed broken = new FakeFeed("alpha", List.of(), Optional.of(new UncheckedIOException(
                new IOException("disk gone"))));
        assertThatThrownBy(() -> new DbBuilder(2).build(data, db, List.of(broken, FakeFeed.of("beta")), CLOCK))
                .isInstanceOfSatisfying(DbBuildException.class, e -> {
                    assertThat(e.getMessage()).contains("alpha: parser failed").contains("disk gone");
                    assertThat(e.feeds()).extracting(FeedReport::feed).containsExactly("alpha", "beta");
                    assertThat(e.feeds().get(1).failed()).isFalse();
                });
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "vulndb.db");
        }
    }

    @Test
    void aDataRootWithoutAnyFeedIsAnError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> new DbBuilder().build(empty, db, List.of(FakeFeed.of("alpha")), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("no feed has data here");
        assertThatThrownBy(() -> new DbBuilder().build(tmp.resolve("nope"), db, List.of(FakeFeed.of("alpha")),
                CLOCK)).hasMessageContaining("not a directory");
        assertThat(db).doesNotExist();
    }
}
