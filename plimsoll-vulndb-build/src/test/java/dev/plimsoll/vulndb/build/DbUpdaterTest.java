package dev.plimsoll.vulndb.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plimsoll.core.advisory.PackageKey;
import dev.plimsoll.core.inventory.Ecosystem;
import dev.plimsoll.testkit.TarBuilder;
import dev.plimsoll.vulndb.VulnDbReader;
import dev.plimsoll.vulndb.build.LocalServer.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole download path against a local HTTP server: layouts, 304, retries, checksums, truncation, zip-slip. */
class DbUpdaterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
    static final URI NOWHERE = URI.create("https://example.invalid/");

    @TempDir
    Path tmp;
    Path db;
    LocalServer server;
    final List<Duration> waits = new CopyOnWriteArrayList<>();

    final byte[] alphaZip = Archives.zip(Archives.files("2024-05-01.txt", "lodash A-1\nlodash A-2\n"));
    final byte[] betaTgz = TarBuilder.gzip(TarBuilder.tar().dir("beta-main").file("beta-main/notes.txt",
            "express B-1\n").file("elsewhere/ignored.txt", "x").build());
    final byte[] gammaGz = TarBuilder.gzip("react G-1\n".getBytes(StandardCharsets.UTF_8));
    final byte[] delta = "vue D-1\n".getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        db = tmp.resolve("db/vulndb.db");
        server = new LocalServer();
        server.script("/alpha.zip", Reply.ok(alphaZip, "\"a1\""));
        server.script("/beta.tgz", Reply.ok(betaTgz, "\"b1\""));
        server.script("/gamma.gz", Reply.ok(gammaGz, null));
        server.script("/delta.txt", Reply.ok(delta, "\"d1\""));
        server.script("/delta.txt.sha256", Reply.ok((sha256(delta) + "  delta.txt\n")
                .getBytes(StandardCharsets.US_ASCII), null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(HttpFetcher.sha256().digest(b));
    }

    private List<Feed> feeds() {
        return List.of(
                feed("alpha", new Download("alpha.zip", NOWHERE, "alpha", Download.Unpack.ZIP, Optional.empty())),
                feed("beta", new Download("beta.tgz", NOWHERE, "beta", Download.Unpack.TAR_GZ, Optional.empty(),
                        "beta-main/")),
                feed("gamma", new Download("gamma.gz", NOWHERE, "gamma/list.txt", Download.Unpack.GUNZIP,
                        Optional.empty())),
                feed("delta", new Download("delta.txt", NOWHERE, "delta/d.txt", Download.Unpack.NONE,
                        Optional.of(server.uri("/delta.txt.sha256")))));
    }

    private static FakeFeed feed(String id, Download d) {
        return new FakeFeed(id, List.of(d), Optional.empty());
    }

    private DbUpdater updater() {
        return updater(Map.of());
    }

    private DbUpdater updater(Map<String, URI> moreUrls) {
        Map<String, URI> urls = new java.util.HashMap<>(Map.of("alpha.zip", server.uri("/alpha.zip"), "beta.tgz",
                server.uri("/beta.tgz"), "gamma.gz", server.uri("/gamma.gz"), "delta.txt", server.uri("/delta.txt")));
        urls.putAll(moreUrls);
        UpdateConfig config = UpdateConfig.defaults(tmp.resolve("cache")).withUrls(urls)
                .withUserAgent("plimsoll-test")
                .withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(500))
                .withRetries(3, Duration.ofSeconds(2), Duration.ofSeconds(60));
        return new DbUpdater(config, HttpClient.newHttpClient(), waits::add, CLOCK, new DbBuilder(2));
    }

    private List<String> ids(VulnDbReader r, String name) {
        return r.find(PackageKey.language(Ecosystem.NPM, name)).stream().map(a -> a.id()).toList();
    }

    private List<String> filesBesideDb() throws IOException {
        try (Stream<Path> s = Files.list(db.getParent())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void downloadsLaysOutBuildsAndInstalls() throws IOException {
        UpdateReport report = updater().update(db, feeds());

        assertThat(report.downloads()).extracting(DownloadReport::status)
                .containsOnly(DownloadReport.Status.DOWNLOADED);
        assertThat(report.build().feeds()).extracting(FeedReport::feed).containsExactly("alpha", "beta", "gamma",
                "delta");
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(ids(r, "lodash")).containsExactly("A-1", "A-2");
            assertThat(ids(r, "express")).containsExactly("B-1");
            assertThat(ids(r, "react")).containsExactly("G-1");
            assertThat(ids(r, "vue")).containsExactly("D-1");
            assertThat(r.metadata().source("alpha").orElseThrow().location())
                    .isEqualTo(server.uri("/alpha.zip").toString());
            assertThat(r.metadata().source("alpha").orElseThrow().fetchedAt()).isEqualTo(CLOCK.instant());
        }
        assertThat(server.requests).allSatisfy(q -> assertThat(q.userAgent()).isEqualTo("plimsoll-test"));
        assertThat(filesBesideDb()).containsExactly("vulndb.db", "vulndb.db.lock", "vulndb.db.update-state.json");
        assertThat(Files.readString(db.resolveSibling("vulndb.db.update-state.json")))
                .contains("\"etag\" : \"\\\"a1\\\"\"").contains(sha256(alphaZip));
    }

    @Test
    void a304ReusesTheCachedDownload() throws IOException {
        updater().update(db, feeds());
        server.script("/alpha.zip", Reply.status(304, Map.of("ETag", "\"a1\"")));
        server.script("/beta.tgz", Reply.status(304, Map.of("ETag", "\"b1\"")));
        server.requests.clear();

        UpdateReport second = updater().update(db, feeds());

        assertThat(second.downloads()).filteredOn(d -> d.key().equals("alpha.zip") || d.key().equals("beta.tgz"))
                .extracting(DownloadReport::status).containsOnly(DownloadReport.Status.NOT_MODIFIED);
        assertThat(server.requests).filteredOn(q -> q.path().equals("/alpha.zip"))
                .extracting(LocalServer.Request::ifNoneMatch).containsExactly("\"a1\"");
        assertThat(server.requests).filteredOn(q -> q.path().equals("/gamma.gz"))
                .extracting(LocalServer.Request::ifNoneMatch).containsOnlyNulls();   // no ETag given: unconditional
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(ids(r, "lodash")).containsExactly("A-1", "A-2");
            assertThat(ids(r, "express")).containsExactly("B-1");
        }
    }

    @Test
    void aDamagedCacheIsNotTrustedOnA304() throws IOException {
        updater().update(db, feeds());
        try (Stream<Path> cached = Files.list(tmp.resolve("cache"))) {
            for (Path p : cached.filter(p -> p.getFileName().toString().startsWith("alpha.zip")).toList()) {
                Files.write(p, new byte[] {1, 2, 3});
            }
        }
        server.script("/alpha.zip", Reply.status(304, Map.of("ETag", "\"a1\"")), Reply.ok(alphaZip, "\"a1\""));
        server.requests.clear();
        UpdateReport second = updater().update(db, feeds());
        assertThat(server.requests).filteredOn(q -> q.path().equals("/alpha.zip"))
                .extracting(LocalServer.Request::ifNoneMatch).containsOnlyNulls();
        assertThat(second.downloads()).filteredOn(d -> d.key().equals("alpha.zip"))
                .extracting(DownloadReport::status).containsExactly(DownloadReport.Status.DOWNLOADED);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() throws IOException {
        server.script("/alpha.zip", Reply.status(429, Map.of("Retry-After", "7")), Reply.ok(alphaZip, "\"a1\""));
        server.script("/gamma.gz", Reply.status(503, Map.of()), Reply.status(502, Map.of()), Reply.ok(gammaGz, null));
        UpdateReport report = updater().update(db, feeds());
        assertThat(report.downloads()).filteredOn(d -> d.key().equals("alpha.zip"))
                .extracting(DownloadReport::attempts).containsExactly(2);
        assertThat(report.downloads()).filteredOn(d -> d.key().equals("gamma.gz"))
                .extracting(DownloadReport::attempts).containsExactly(3);
        assertThat(waits).containsExactlyInAnyOrder(Duration.ofSeconds(7), Duration.ofSeconds(2),
                Duration.ofSeconds(4));
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsAndKeepsTheOldDatabase() throws IOException {
        updater().update(db, feeds());
        byte[] before = Files.readAllBytes(db);
        server.script("/beta.tgz", Reply.status(429, Map.of("Retry-After", "3600")));
        assertThatThrownBy(() -> updater().update(db, feeds())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("beta.tgz").hasMessageContaining("retry after 3600 s");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheLastAttempt() {
        server.script("/gamma.gz", Reply.status(500, Map.of()));
        assertThatThrownBy(() -> updater().update(db, feeds())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("gamma.gz").hasMessageContaining("HTTP 500 (gave up after 3 attempts)");
        assertThat(server.requestsTo("/gamma.gz")).isEqualTo(3);
        assertThat(db).doesNotExist();
    }

    @Test
    void aClientErrorIsNotRetried() {
        server.script("/delta.txt", Reply.status(404, Map.of()));
        assertThatThrownBy(() -> updater().update(db, feeds())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("delta.txt (" + server.uri("/delta.txt") + "): HTTP 404");
        assertThat(server.requestsTo("/delta.txt")).isEqualTo(1);
    }

    @Test
    void aChecksumMismatchFailsKeepsTheOldDatabaseAndTheOldCache() throws IOException {
        updater().update(db, feeds());
        byte[] before = Files.readAllBytes(db);
        String state = Files.readString(db.resolveSibling("vulndb.db.update-state.json"));
        server.script("/delta.txt", Reply.ok("vue EVIL-1\n".getBytes(StandardCharsets.UTF_8), "\"d2\""));
        assertThatThrownBy(() -> updater().update(db, feeds())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("delta.txt").hasMessageContaining("checksum mismatch")
                .hasMessageContaining(sha256(delta));
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(Files.readString(db.resolveSibling("vulndb.db.update-state.json"))).isEqualTo(state);
        try (Stream<Path> cached = Files.list(tmp.resolve("cache"))) {
            Path d = cached.filter(p -> p.getFileName().toString().startsWith("delta.txt")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(d)).isEqualTo(delta);
        }
        assertThat(filesBesideDb()).containsExactly("vulndb.db", "vulndb.db.lock", "vulndb.db.update-state.json");
    }

    @Test
    void aBodyThatStallsIsAbandonedAndRetried() throws IOException {
        // The server announces the whole length, sends half and keeps the connection open.
        server.script("/alpha.zip", Reply.truncated(alphaZip), Reply.ok(alphaZip, "\"a1\""));
        UpdateReport report = updater().update(db, feeds());
        assertThat(report.downloads()).filteredOn(d -> d.key().equals("alpha.zip"))
                .extracting(DownloadReport::attempts).containsExactly(2);

        byte[] before = Files.readAllBytes(db);
        server.script("/alpha.zip", Reply.truncated(Archives.zip(Archives.files("2024-06-01.txt", "lodash X\n"))));
        assertThatThrownBy(() -> updater().update(db, feeds())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("alpha.zip").hasMessageContaining("stalled")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    @Test
    void aBodyCutShortByTheConnectionFailsAndKeepsTheOldDatabase() throws IOException {
        updater().update(db, feeds());
        byte[] before = Files.readAllBytes(db);
        URI cut = server.cutShort(Archives.zip(Archives.files("2024-06-01.txt", "lodash X\n")));
        assertThatThrownBy(() -> updater(Map.of("alpha.zip", cut)).update(db, feeds()))
                .isInstanceOf(UpdateException.class).hasMessageContaining("alpha.zip (" + cut + ")")
                .hasMessageContaining("gave up after 3 attempts");
        assertThat(server.requestsTo("/cut.zip")).isEqualTo(3);
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (VulnDbReader r = VulnDbReader.open(db)) {
            assertThat(ids(r, "lodash")).containsExactly("A-1", "A-2");
        }
    }

    @Test
    void aZipSlipArchiveFailsWritesNothingOutsideAndIsNotCached() throws IOException {
        updater().update(db, feeds());
        byte[] before = Files.readAllBytes(db);
        server.script("/alpha.zip", Reply.ok(Archives.zip(Archives.files("2024-05-01.txt", "lodash A-1\n",
                "../../../../evil.txt", "pwned")), "\"evil\""));
        assertThatThrownBy(() -> updater().update(db, feeds())).isInstanceOf(UpdateException.class)
                .hasMessageContaining("alpha.zip").hasMessageContaining("../../../../evil.txt");
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("evil.txt"))).isEmpty();
        }
        assertThat(Files.readString(db.resolveSibling("vulndb.db.update-state.json"))).doesNotContain("evil")
                .doesNotContain("alpha.zip");
        assertThat(filesBesideDb()).containsExactly("vulndb.db", "vulndb.db.lock", "vulndb.db.update-state.json");
    }

    @Test
    void leftoversOfAKilledUpdateAreCleanedUp() throws IOException {
        Files.createDirectories(db.getParent().resolve(".plimsoll-update-123/osv"));
        Files.writeString(db.getParent().resolve(".vulndb.db.999.tmp"), "half a database");
        Files.writeString(db.getParent().resolve(".vulndb.db.998.spill"), "records");
        updater().update(db, feeds());
        assertThat(filesBesideDb()).containsExactly("vulndb.db", "vulndb.db.lock", "vulndb.db.update-state.json");
    }

    @Test
    void retryAfterAsAnHttpDate() {
        HttpFetcher f = new HttpFetcher(HttpClient.newHttpClient(), UpdateConfig.defaults(tmp), waits::add, CLOCK);
        assertThat(f.parseRetryAfter("Sat, 01 Jun 2024 12:00:30 GMT")).contains(Duration.ofSeconds(30));
        assertThat(f.parseRetryAfter("Sat, 01 Jun 2024 11:00:00 GMT")).contains(Duration.ZERO);
        assertThat(f.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(f.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void cacheNamesAreSafeAndDistinct() {
        assertThat(DbUpdater.cacheName("osv.PyPI")).startsWith("osv.PyPI-").endsWith(".download");
        assertThat(DbUpdater.cacheName("a/../b")).doesNotContain("/").startsWith("a_.._b-");
        assertThat(DbUpdater.cacheName("a/b")).isNotEqualTo(DbUpdater.cacheName("a_b"));
    }
}
